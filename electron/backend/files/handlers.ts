import type { FeatureMethods, Handlers } from '../handler';
import { decodeBase64 } from './resolve';

/** Staging a file as base64 is for tests and scripts; the app stages raw bytes (desktop bridge, browser upload). */
export const filesHandlers = {
  'files.stage': async ({ fileName, contentBase64 }, { staging }) => staging.put(fileName, await decodeBase64(contentBase64)),
  'files.discard': ({ stagedId }, { staging }) => ({ discarded: staging.drop(stagedId) }),
  'files.discardMany': ({ stagedIds }, { staging }) => ({ discarded: stagedIds.filter((id) => staging.drop(id)).length }),
} satisfies Handlers<FeatureMethods<'files'>>;
