import type { ErrorKey } from '@shared/i18n/errorText';
import { AppError, localizedError } from '@shared/domain/common/errors';

/** SQLite's primary result codes for a folder or disk that refuses writes (https://sqlite.org/rescode.html). */
const SQLITE_PERM = 3;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

const FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READONLY_ERRNO = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * Turns a failed write into a message that says what happened and what it
 * means, instead of SQLite's "attempt to write a readonly database" or the
 * "cannot rollback - no transaction is active" that follows a full disk.
 * Covers node:sqlite errors (errcode), Node file errors (code) and the
 * messages of either as they arrive from a worker thread. Returns null for
 * anything else.
 */
export function storageError(error: unknown, dataDir: string): AppError | null {
  if (error instanceof AppError || !(error instanceof Error)) return null;
  const { errcode, code } = error as Error & { errcode?: unknown; code?: unknown };
  const primary = typeof errcode === 'number' ? errcode & 0xff : null;
  const text = error.message;
  const reason = (error as { errstr?: unknown }).errstr;
  const cause = typeof reason === 'string' ? reason : text;
  if (primary === SQLITE_FULL || (typeof code === 'string' && FULL_ERRNO.has(code)) || /disk is full|ENOSPC|EDQUOT|EFBIG|file too large/i.test(text)) {
    return localizedError('STORAGE', 'errors:storage.diskFull', { dataDir }, { reason: 'disk-full', cause });
  }
  if (
    primary === SQLITE_READONLY ||
    primary === SQLITE_PERM ||
    primary === SQLITE_CANTOPEN ||
    (typeof code === 'string' && READONLY_ERRNO.has(code)) ||
    /readonly database|read-only file system|EROFS|EACCES|permission denied|unable to open database file/i.test(text)
  ) {
    const known = readableCause(cause);
    if (known !== null) return localizedError('STORAGE', known, { dataDir }, { reason: 'read-only', cause });
    return localizedError('STORAGE', 'errors:storage.other', { dataDir, cause }, { reason: 'read-only', cause });
  }
  if (primary === SQLITE_IOERR || /disk I\/O error/i.test(text)) {
    return localizedError('STORAGE', 'errors:storage.io', { dataDir }, { reason: 'io', cause });
  }
  return null;
}

/** The catalogue message for a known cause; an unknown one is reported in the system's own words. */
function readableCause(cause: string): ErrorKey | null {
  if (/readonly|read-only|EROFS/i.test(cause)) return 'errors:storage.readOnly';
  if (/EACCES|EPERM|permission/i.test(cause)) return 'errors:storage.noPermission';
  if (/unable to open/i.test(cause)) return 'errors:storage.cannotOpen';
  return null;
}
