import type { FeatureMethods, Handlers } from '../handler';
import { schemaVersion } from '../db/database';

export const systemHandlers = {
  'system.info': (_input, ctx) => ({
    version: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    mode: ctx.mode,
    nodeVersion: process.versions.node,
  }),
} satisfies Handlers<FeatureMethods<'system'>>;
