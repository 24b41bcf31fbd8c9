import type { DatabaseSync } from 'node:sqlite';

/**
 * The schema's history. Each entry upgrades from version-1 to version; the
 * runner applies them in order inside one transaction each and records the
 * result in PRAGMA user_version. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
