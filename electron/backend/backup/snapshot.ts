import { readFileSync } from 'node:fs';
import { DatabaseSync, backup } from 'node:sqlite';
import { AppError } from '@shared/domain/common/errors';
import type { TableCount } from '@shared/api/backup';
import { migrations } from '../db/migrations';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/database';
import { makePrivateFile } from '../data-folder/private';
import { schemaDifferences } from './schema-check';

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * A consistent copy of a live database with SQLite's online backup API, turned
 * into a single self-contained file (rollback journal, not WAL) so it can be
 * copied, mailed or opened read-only anywhere.
 */
export async function onlineBackup(db: DatabaseSync, target: string): Promise<void> {
  await backup(db, target);
  makePrivateFile(target);
  const copy = new DatabaseSync(target);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Synchronous snapshot of a database file (also a read-only one): VACUUM INTO. */
export function vacuumInto(sourceFile: string, target: string): void {
  const source = new DatabaseSync(sourceFile, { readOnly: true });
  try {
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
}

/** User tables with their row counts, in name order. */
export function tableCounts(db: DatabaseSync): TableCount[] {
  return userTables(db).map((table) => {
    const row = db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
    return { table, rows: row.n };
  });
}

export function userTables(db: DatabaseSync): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** The tables a database at `version` must have: exactly what migrations 1..version create. */
export function expectedTables(version: number): string[] {
  const scratch = new DatabaseSync(':memory:');
  try {
    for (const migration of migrations.filter((m) => m.version <= version)) migration.up(scratch);
    return userTables(scratch);
  } finally {
    scratch.close();
  }
}

export interface CheckedBackup {
  schemaVersion: number;
  tables: TableCount[];
}

/**
 * Proves a file is a sound Tickerline database before anything is replaced:
 * SQLite header, PRAGMA integrity_check = ok, no broken references, a schema
 * version this app knows (not newer), and exactly the schema (tables, columns,
 * indices, triggers, views) this app's migrations build for that version.
 * Opens the file read-only; throws AppError('UNSUPPORTED_FILE') with a message
 * for a person otherwise.
 */
export function checkBackupFile(file: string, fileName = 'This file'): CheckedBackup {
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  if (head !== SQLITE_MAGIC) {
    throw new AppError('UNSUPPORTED_FILE', `${fileName} is not a Tickerline backup: it is not a database file. Nothing was changed.`);
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw unreadable(fileName, error);
  }
  try {
    let integrity: { integrity_check: string }[];
    try {
      integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    } catch (error) {
      throw unreadable(fileName, error);
    }
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw new AppError('UNSUPPORTED_FILE', `${fileName} is damaged (the database integrity check failed). Nothing was changed.`, {
        problems: integrity.slice(0, 10).map((r) => r.integrity_check),
      });
    }
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `${fileName} was made by a newer version of Tickerline (data version ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Tickerline, then restore it. Nothing was changed.`,
        { schemaVersion: version, latest: LATEST_SCHEMA_VERSION },
      );
    }
    const present = new Set(userTables(db));
    const missing = version < 1 ? ['settings'] : expectedTables(version).filter((t) => !present.has(t));
    if (missing.length > 0) {
      throw new AppError('UNSUPPORTED_FILE', `${fileName} is a database, but not a Tickerline backup (it lacks ${missing.join(', ')}). Nothing was changed.`, {
        missing,
      });
    }
    const differences = schemaDifferences(db, version);
    if (differences.length > 0) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `${fileName} is not a backup Tickerline made: ${differences.slice(0, 3).join('; ')}${differences.length > 3 ? ` (and ${differences.length - 3} more)` : ''}. Nothing was changed.`,
        { differences },
      );
    }
    const orphans = db.prepare('PRAGMA foreign_key_check').all();
    if (orphans.length > 0) {
      throw new AppError('UNSUPPORTED_FILE', `${fileName} has ${orphans.length} broken references between its records. Nothing was changed.`);
    }
    return { schemaVersion: version, tables: tableCounts(db) };
  } finally {
    db.close();
  }
}

function unreadable(fileName: string, error: unknown): AppError {
  return new AppError('UNSUPPORTED_FILE', `${fileName} could not be read as a database (it may be damaged or encrypted). Nothing was changed.`, {
    cause: error instanceof Error ? error.message : String(error),
  });
}
