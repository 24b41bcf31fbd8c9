import { existsSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** SQLite's result codes for a damaged file: SQLITE_CORRUPT and SQLITE_NOTADB. */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/**
 * A quick look at the database before the app uses it: PRAGMA quick_check
 * reads every page and checks its structure (without the slower index
 * cross-checks of integrity_check). Returns null when the file is sound or
 * does not exist yet, else what is wrong in a sentence.
 */
export function databaseProblem(file: string): string | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file);
    const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    if (rows.length === 1 && rows[0]?.quick_check === 'ok') return null;
    return `the database check found ${rows.length === 1 ? 'a problem' : `${rows.length} problems`} (${rows[0]?.quick_check ?? 'no answer'})`;
  } catch (error) {
    if (isDamage(error)) return `SQLite cannot read it (${error instanceof Error ? error.message : String(error)})`;
    throw error;
  } finally {
    db?.close();
  }
}

/** Whether an error means the file itself is damaged, as opposed to a locked file or a read-only folder. */
export function isDamage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const errcode = (error as { errcode?: unknown }).errcode;
  const primary = typeof errcode === 'number' ? errcode & 0xff : null;
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB || /malformed|not a database|file is encrypted/i.test(error.message);
}
