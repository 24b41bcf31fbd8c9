import { z } from 'zod';
import { defineMethods } from './define';

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  databaseFile: z.string(),
  mode: z.enum(['desktop', 'browser', 'test']),
  nodeVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const systemMethods = defineMethods({
  'system.info': { input: z.object({}).strict(), output: AppInfo },
});
