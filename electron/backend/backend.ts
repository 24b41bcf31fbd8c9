import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { EventName, EventPayload } from '@shared/api/events';
import type { AppInfo } from '@shared/api/system';
import { backupBeforeMigration } from './backup/migration-backup';
import type { BackendContext, UpdatesHost } from './context';
import { openDatabase } from './db/database';
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
}

export type EventListener = (event: EventName, payload: unknown) => void;

export interface Backend {
  dispatch: Dispatch;
  /** The live connection; a restore replaces it, so read it here rather than keeping it. */
  readonly db: DatabaseSync;
  context: BackendContext;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}

/** Opens (and migrates) the data folder's database and wires the router to it. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const beforeMigrate =
    options.beforeMigrate ?? ((file: string, _from: number, to: number) => void backupBeforeMigration(file, options.dataDir, to));
  const db = openDatabase(databaseFile, {
    beforeMigrate: (from, to) => beforeMigrate(databaseFile, from, to),
  });
  const listeners = new Set<EventListener>();
  const context: BackendContext = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    mode: options.mode,
    appVersion: options.appVersion,
    today: options.today ?? (() => localToday()),
    ...(options.updates ? { updates: options.updates } : {}),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  return {
    dispatch: createDispatcher(context, options.log),
    get db() {
      return context.db;
    },
    context,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (context.db.isOpen) context.db.close();
    },
  };
}

function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
