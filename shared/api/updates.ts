import { z } from 'zod';
import { defineMethods } from './define';

/**
 * Updates are the desktop shell's (electron/main/updates: electron-updater, native
 * dialogs); these methods let Settings show and change the opt-in check at start and
 * start a check. Browser mode has no updater: `desktop` is false and nothing happens.
 */
/** Where a download the user agreed to stands, for the window's small notice. */
export const UpdateStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Downloaded; the user chose to install it when Tickerline quits. */
  z.object({ state: z.literal('ready'), version: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const UpdateSettings = z.object({
  /** Whether this copy has an updater at all (the desktop app; not browser mode). */
  desktop: z.boolean(),
  /** Whether it can install updates: only an installed app can, not one started from source (npm start). */
  installed: z.boolean(),
  /** The opt-in daily check at start; off until the user turns it on. */
  checkAtStart: z.boolean(),
  version: z.string(),
  status: UpdateStatus,
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const updatesMethods = defineMethods({
  'updates.settings': { input: z.object({}).strict(), output: UpdateSettings },
  'updates.setCheckAtStart': { input: z.object({ checkAtStart: z.boolean() }).strict(), output: UpdateSettings },
  /** Starts Help ▸ Check for Updates… (its answers are native dialogs); `started` is false where there is no updater. */
  'updates.check': { input: z.object({}).strict(), output: z.object({ started: z.boolean() }) },
  /**
   * "Restart to update": closes the database, installs the update downloaded earlier and opens
   * again. `started` is false where there is no updater; with nothing downloaded it is a CONFLICT.
   */
  'updates.install': { input: z.object({}).strict(), output: z.object({ started: z.boolean() }) },
});
