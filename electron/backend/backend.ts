import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StoredBackup } from '@shared/api/backup';
import type { EventName, EventPayload } from '@shared/api/events';
import type { AppInfo } from '@shared/api/system';
import { localizedError } from '@shared/domain/common/errors';
import { backupsDir, listStoredBackups } from './backup/files';
import { backupBeforeMigration } from './backup/migration-backup';
import { moveDamagedAside, restoreDatabase } from './backup/restore';
import type { BackendContext, UpdatesHost } from './context';
import { databaseProblem, isDamage } from './data-folder/health';
import { lockDataFolder } from './data-folder/lock';
import { makePrivateDir, makePrivateFile, preparePrivateDatabaseFile } from './data-folder/private';
import { storageError } from './data-folder/storage-errors';
import { openDatabase } from './db/database';
import { StagingArea, type StagingOptions } from './files/staging';
import { warmPortfolio } from './holdings/load';
import { idleRelease } from './memory/idle-release';
import { canReleaseMemory } from './memory/release-memory';
import { createDispatcher, type Dispatch } from './router';

export const DATABASE_FILE_NAME = 'tickerline.sqlite';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  appVersion: string;
  today?: () => string;
  /**
   * Runs before a migration changes an existing database. The default copies
   * the un-migrated file to <dataDir>/backups/before-v<to>-<time>.sqlite and
   * keeps the newest five.
   */
  beforeMigrate?: (databaseFile: string, fromVersion: number, toVersion: number) => void;
  /** Where unexpected errors (INTERNAL) are recorded; the desktop app writes its log file. Default: stderr. */
  log?: (error: unknown) => void;
  /** The desktop app's updater, which Settings reaches through the updates.* methods. */
  updates?: UpdatesHost;
  /** Limits of the staging area (tests make them small); defaults in shared/api/files.ts. */
  staging?: StagingOptions;
  /**
   * Read the ledger and closes the first screen (Holdings) needs as soon as the database is open and
   * compute its table, so its first call is answered from memory (holdings/load.ts warmPortfolio). The app and browser
   * mode do; tests and the benches, which time or check the reads themselves, do not.
   */
  warmUp?: boolean;
  /**
   * Hand memory back to the system once no call has been in flight for a while (memory/idle-release.ts). The app and
   * browser mode do; tests and the benches, which measure memory or time themselves, do not.
   */
  releaseMemoryWhenIdle?: boolean;
}

export type EventListener = (event: EventName, payload: unknown) => void;

/** Why the app cannot open its database, and the ways out. */
export interface RecoveryState {
  databaseFile: string;
  problem: string;
  /** The automatic copies in backups/, newest first. */
  backups: StoredBackup[];
}

/** What the user picked on the recovery screen. */
export type RecoveryChoice =
  | { kind: 'backup'; fileName: string }
  | { kind: 'file'; fileName: string; bytes: Buffer }
  | { kind: 'fresh' };

export interface Backend {
  dispatch: Dispatch;
  /** The live connection; a restore replaces it, so read it here rather than keeping it. */
  readonly db: DatabaseSync;
  context: BackendContext;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /**
   * Set when the database failed its start-up check: every call but
   * backup.restore is refused until recover() has put a sound file in place.
   */
  readonly recovery: RecoveryState | null;
  /** Restores a stored or picked backup, or starts empty; the damaged file is kept beside, renamed. Returns its new name. */
  recover(choice: RecoveryChoice): string;
  close(): void;
}

/**
 * Opens (and migrates) the data folder's database and wires the router to it.
 * The folder is made private and locked to this process first; a database
 * that fails its quick check leaves the backend in recovery (see `recovery`)
 * instead of failing the whole app.
 */
export function createBackend(options: BackendOptions): Backend {
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  let lock: ReturnType<typeof lockDataFolder>;
  try {
    makePrivateDir(options.dataDir);
    lock = lockDataFolder(options.dataDir);
  } catch (error) {
    throw storageError(error, options.dataDir) ?? error;
  }
  const beforeMigrate =
    options.beforeMigrate ?? ((file: string, _from: number, to: number) => void backupBeforeMigration(file, options.dataDir, to));
  const open = (): DatabaseSync => {
    preparePrivateDatabaseFile(databaseFile);
    const opened = openDatabase(databaseFile, {
      beforeMigrate: (from, to) => beforeMigrate(databaseFile, from, to),
    });
    for (const suffix of ['-wal', '-shm']) makePrivateFile(databaseFile + suffix);
    return opened;
  };

  let recovery: RecoveryState | null = null;
  let db: DatabaseSync;
  try {
    const problem = databaseProblem(databaseFile);
    if (problem === null) db = open();
    else {
      recovery = { databaseFile, problem, backups: listStoredBackups(backupsDir(options.dataDir)) };
      db = closedPlaceholder();
    }
  } catch (error) {
    if (!isDamage(error)) {
      lock.release();
      throw storageError(error, options.dataDir) ?? error;
    }
    recovery = {
      databaseFile,
      problem: `SQLite cannot read it (${error instanceof Error ? error.message : String(error)})`,
      backups: listStoredBackups(backupsDir(options.dataDir)),
    };
    db = closedPlaceholder();
  }

  const listeners = new Set<EventListener>();
  const context: BackendContext = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    mode: options.mode,
    appVersion: options.appVersion,
    today: options.today ?? (() => localToday()),
    staging: new StagingArea(options.staging),
    ...(options.updates ? { updates: options.updates } : {}),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  const idle = options.releaseMemoryWhenIdle === true && canReleaseMemory() ? idleRelease() : null;
  const routed = createDispatcher(context, options.log);
  const dispatch: Dispatch = idle === null ? routed : (method, input) => idle.track(() => routed(method, input));
  if (options.warmUp && recovery === null) {
    // The read in steps, then the table itself once (the answer is kept per data version, holdings/handlers.ts).
    // A failed read fails the same way in the call that needs it, which reports it: nothing to say twice.
    void warmPortfolio(db)
      .then(() => (context.db === db && db.isOpen ? dispatch('holdings.list', {}) : undefined))
      .catch(() => undefined);
  }
  return {
    async dispatch(method, input) {
      if (recovery !== null && method !== 'backup.restore') {
        return {
          ok: false,
          error: {
            code: 'STORAGE',
            message: `Your database ${recovery.databaseFile} is damaged: ${recovery.problem}. Restore a backup or start fresh first.`,
            details: { reason: 'damaged', databaseFile: recovery.databaseFile },
          },
        };
      }
      const result = await dispatch(method, input);
      if (recovery !== null && result.ok) recovery = null;
      return result;
    },
    get db() {
      return context.db;
    },
    context,
    get recovery() {
      return recovery;
    },
    recover(choice) {
      if (recovery === null) throw localizedError('CONFLICT', 'errors:recovery.nothingToRecover');
      let result: { safetyCopy: string };
      if (choice.kind === 'fresh') {
        const aside = moveDamagedAside(databaseFile, new Date());
        context.db = open();
        result = { safetyCopy: basename(aside) };
      } else if (choice.kind === 'backup') {
        const stored = listStoredBackups(backupsDir(options.dataDir)).find((b) => b.fileName === choice.fileName);
        if (!stored) throw localizedError('NOT_FOUND', 'errors:recovery.noSuchCopy', { fileName: choice.fileName, folder: backupsDir(options.dataDir) });
        const bytes = readFileSync(join(backupsDir(options.dataDir), stored.fileName));
        result = restoreDatabase(context, bytes, stored.fileName);
      } else {
        result = restoreDatabase(context, choice.bytes, choice.fileName);
      }
      recovery = null;
      return result.safetyCopy;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      idle?.stop();
      listeners.clear();
      context.staging.clear();
      if (context.db.isOpen) context.db.close();
      lock.release();
    },
  };
}

/** Stands in for the connection while the file is damaged: closed, so nothing can use it by mistake. */
function closedPlaceholder(): DatabaseSync {
  const placeholder = new DatabaseSync(':memory:');
  placeholder.close();
  return placeholder;
}

function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
