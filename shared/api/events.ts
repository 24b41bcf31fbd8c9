import { z } from 'zod';
import { AppCommand } from './commands';
import { StagedFile } from './files';
import { Topic } from './topics';
import { UpdateStatus } from './updates';

/** Pushed from the backend to every open window (IPC) or page (server-sent events). */
export const events = {
  /** Something was stored; stores listening to these topics refetch. */
  'data.changed': z.object({ topics: z.array(Topic) }),
  /** Progress of a long import, so the UI can show a bar and stay responsive. */
  'import.progress': z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  /** A desktop menu item or drop that the UI must act on (open import, backup…). */
  'app.command': z.object({
    command: AppCommand,
    paths: z.array(z.string()).optional(),
    /** Files the user picked in a native dialog (File ▸ Import…, Restore…), read by the main process straight into staging. */
    staged: z.array(StagedFile).optional(),
  }),
  /** The desktop updater's download and install state (electron/main/updates), for the window's notice. */
  'updates.status': UpdateStatus,
} as const;

export type EventMap = typeof events;
export type EventName = keyof EventMap;
export type EventPayload<E extends EventName> = z.infer<EventMap[E]>;
