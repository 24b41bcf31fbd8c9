import { DatabaseSync } from 'node:sqlite';
import { localizedError } from '@shared/domain/common/errors';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations, type Migration } from './migrations';

export interface OpenOptions {
  /** Called with the file path before a migration changes an existing database. */
  beforeMigrate?: (fromVersion: number, toVersion: number) => void;
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): DatabaseSync {
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true });
  try {
    configure(db);
    migrate(db, options.migrations ?? allMigrations, options.beforeMigrate);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function configure(db: DatabaseSync): void {
  // WAL lets readers continue while an import writes; NORMAL is durable in WAL
  // mode except for the last transactions on power loss, never corrupting.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

export function migrate(
  db: DatabaseSync,
  list: readonly Migration[] = allMigrations,
  beforeMigrate?: (fromVersion: number, toVersion: number) => void,
): void {
  const current = schemaVersion(db);
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw localizedError('CONFLICT', 'errors:data.newerSchema', { current, latest }, { current, latest });
  }
  const pending = list.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (current > 0) beforeMigrate?.(current, latest);
  for (const migration of pending) {
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw localizedError('INTERNAL', 'errors:data.upgradeFailed', { version: migration.version, name: migration.name }, { version: migration.version, cause: String(error) });
    }
  }
}

/** Runs fn in one transaction: everything or nothing is stored. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite has already rolled back after some failures (a full disk, I/O errors);
    // a second ROLLBACK would then replace the real reason with "no transaction is active".
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Changes whenever stored data may have changed: rows this connection changed
 * (total_changes) and commits by other connections, such as an import worker
 * (data_version). Both are counters SQLite keeps, read in microseconds, so a
 * cache keyed on them is exact without anyone having to invalidate it.
 */
export function dataVersion(db: DatabaseSync): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const others = (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  return `${own}:${others}`;
}

export { LATEST_SCHEMA_VERSION };
