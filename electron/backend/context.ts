import type { DatabaseSync } from 'node:sqlite';
import type { UpdateStatus } from '@shared/api/updates';
import type { EventName, EventPayload } from '@shared/api/events';
import type { AppInfo } from '@shared/api/system';
import type { StagingArea } from './files/staging';

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
  /** Files staged for import, named by id (files/staging.ts). */
  staging: StagingArea;
  /** The desktop shell's updater (electron/main/updates); absent in browser mode. */
  updates?: UpdatesHost;
}

/** What the backend may ask of the desktop updater, which lives in the main process. */
export interface UpdatesHost {
  /** False when started from source (npm start): such a copy is not updated this way. */
  readonly installed: boolean;
  checkAtStart(): boolean;
  setCheckAtStart(on: boolean): void;
  status(): UpdateStatus;
  /** Restarts into an update downloaded earlier (status 'ready'); false when there is none. */
  install(): boolean;
  /** Runs Help ▸ Check for Updates… in the background; its questions are native dialogs. */
  check(): void;
}
