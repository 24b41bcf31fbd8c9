import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Other users on this computer must not read the portfolio. On Linux and macOS
 * that takes owner-only modes: folders 0700, files 0600 (SQLite gives its -wal
 * and -shm the database file's mode). On Windows chmod only toggles read-only;
 * there the data folder lives in the user's profile, whose ACL already keeps
 * other accounts out, so nothing more is done.
 */
const POSIX = process.platform !== 'win32';

/** Creates the folder (and parents) if needed and makes it owner-only. Also tightens a folder made by an older version. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, 0o700);
}

/** Makes an existing file owner-only. */
export function makePrivateFile(file: string): void {
  if (existsSync(file)) restrict(file, 0o600);
}

/**
 * Only ever removes permissions: a folder the user made read-only stays
 * read-only (and then says so on the first write). Best effort: on a
 * read-only disk chmod fails, and the write that follows reports why.
 */
function restrict(path: string, allowed: number): void {
  if (!POSIX) return;
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & ~allowed) !== 0) chmodSync(path, mode & allowed);
  } catch {
    // Reported by the next write, in words (see storage-errors.ts).
  }
}

/**
 * Before SQLite opens a database: create it empty with mode 0600 if it is
 * missing (SQLite itself would create it 0644 under the usual umask), or
 * tighten an existing one. An empty file is a valid empty database.
 */
export function preparePrivateDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  makePrivateFile(file);
}
