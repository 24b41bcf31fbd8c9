import { z } from 'zod';
import { defineMethods } from './define';

/**
 * Updates are the desktop shell's (electron/main/updates: electron-updater, native
 * dialogs); these methods let Settings show and change the opt-in check at start and
 * start a check. Browser mode has no updater: `desktop` is false and nothing happens.
 */
export const UpdateSettings = z.object({
  /** Whether this copy has an updater at all (the desktop app; not browser mode). */
  desktop: z.boolean(),
  /** Whether it can install updates: only an installed app can, not one started from source (npm start). */
  installed: z.boolean(),
  /** The opt-in daily check at start; off until the user turns it on. */
  checkAtStart: z.boolean(),
  version: z.string(),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const updatesMethods = defineMethods({
  'updates.settings': { input: z.object({}).strict(), output: UpdateSettings },
  'updates.setCheckAtStart': { input: z.object({ checkAtStart: z.boolean() }).strict(), output: UpdateSettings },
  /** Starts Help ▸ Check for Updates… (its answers are native dialogs); `started` is false where there is no updater. */
  'updates.check': { input: z.object({}).strict(), output: z.object({ started: z.boolean() }) },
});
