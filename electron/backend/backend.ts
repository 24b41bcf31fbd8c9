import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { EventName, EventPayload } from '@shared/api/events';
import type { AppInfo } from '@shared/api/system';
import type { BackendContext } from './context';
import { openDatabase } from './db/database';
import { createDispatcher, type Dispatch } from './router';

export const DATABASE_FILE_NAME = 'tickerline.sqlite';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  appVersion: string;
  today?: () => string;
  beforeMigrate?: (databaseFile: string, fromVersion: number, toVersion: number) => void;
}

export type EventListener = (event: EventName, payload: unknown) => void;

export interface Backend {
  dispatch: Dispatch;
  db: DatabaseSync;
  context: BackendContext;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}

/** Opens (and migrates) the data folder's database and wires the router to it. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile, {
    beforeMigrate: (from, to) => options.beforeMigrate?.(databaseFile, from, to),
  });
  const listeners = new Set<EventListener>();
  const context: BackendContext = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    mode: options.mode,
    appVersion: options.appVersion,
    today: options.today ?? (() => localToday()),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  return {
    dispatch: createDispatcher(context),
    db,
    context,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}

function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
