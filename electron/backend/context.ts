import type { DatabaseSync } from 'node:sqlite';
import type { EventName, EventPayload } from '@shared/api/events';
import type { AppInfo } from '@shared/api/system';

/** What every handler may use. Handlers never reach Electron or HTTP directly. */
export interface BackendContext {
  db: DatabaseSync;
  dataDir: string;
  databaseFile: string;
  mode: AppInfo['mode'];
  appVersion: string;
  /** Today's date on the user's clock, injectable so tests are deterministic. */
  today(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
