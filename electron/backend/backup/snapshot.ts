import { readFileSync } from 'node:fs';
import { DatabaseSync, backup } from 'node:sqlite';
import { type AppError, localizedError } from '@shared/domain/common/errors';
import type { NestedText } from '@shared/i18n/errorText';
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
export function checkBackupFile(file: string, label: NestedText = { key: 'errors:backup.thisFile' }): CheckedBackup {
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  if (head !== SQLITE_MAGIC) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:backup.notDatabase', { label });
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw unreadable(label, error);
  }
  try {
    let integrity: { integrity_check: string }[];
    try {
      integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    } catch (error) {
      throw unreadable(label, error);
    }
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw localizedError('UNSUPPORTED_FILE', 'errors:backup.damaged', { label }, {
        problems: integrity.slice(0, 10).map((r) => r.integrity_check),
      });
    }
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw localizedError('UNSUPPORTED_FILE', 'errors:backup.newerVersion', { label, version, latest: LATEST_SCHEMA_VERSION }, { schemaVersion: version, latest: LATEST_SCHEMA_VERSION });
    }
    const present = new Set(userTables(db));
    const missing = version < 1 ? ['settings'] : expectedTables(version).filter((t) => !present.has(t));
    if (missing.length > 0) {
      throw localizedError('UNSUPPORTED_FILE', 'errors:backup.notTickerline', { label, missing: missing.join(', ') }, {
        missing,
      });
    }
    const differences = schemaDifferences(db, version);
    if (differences.length > 0) {
      // The differences name tables and columns in SQL's own words, the same in every language.
      const shown = differences.slice(0, 3).join('; ');
      throw differences.length > 3
        ? localizedError('UNSUPPORTED_FILE', 'errors:backup.notOursMore', { label, differences: shown, more: differences.length - 3 }, { differences })
        : localizedError('UNSUPPORTED_FILE', 'errors:backup.notOurs', { label, differences: shown }, { differences });
    }
    const orphans = db.prepare('PRAGMA foreign_key_check').all();
    if (orphans.length > 0) {
      throw localizedError('UNSUPPORTED_FILE', 'errors:backup.brokenReferences', { label, count: orphans.length });
    }
    return { schemaVersion: version, tables: tableCounts(db) };
  } finally {
    db.close();
  }
}

function unreadable(label: NestedText, error: unknown): AppError {
  return localizedError('UNSUPPORTED_FILE', 'errors:backup.unreadable', { label }, {
    cause: error instanceof Error ? error.message : String(error),
  });
}
