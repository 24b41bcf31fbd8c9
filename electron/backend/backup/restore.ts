import { randomUUID } from 'node:crypto';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  lstatSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RestoreResult } from '@shared/api/backup';
import { localizedError } from '@shared/domain/common/errors';
import type { BackendContext } from '../context';
import { openDatabase, schemaVersion } from '../db/database';
import { backupsDir, fileStamp, pruneStoredBackups, removeDatabaseFiles, uniqueBackupPath } from './files';
import { makePrivateDir, makePrivateFile } from '../data-folder/private';
import { backupBeforeMigration } from './migration-backup';
import { checkBackupFile, tableCounts } from './snapshot';

/**
 * Replaces the live database with a backup, in an order that never leaves the
 * user without good data:
 * 1. the incoming file is written to a private temp file and fully checked;
 * 2. the live data is copied (VACUUM INTO) to backups/before-restore-….sqlite,
 *    or, when it is too damaged to copy, the file is moved aside unchanged;
 * 3. the live connection closes, the checked file is renamed over the live one
 *    (one atomic rename on the same disk), and it is opened and migrated;
 * 4. if that open fails, the safety copy is put back and reopened.
 */
export function restoreDatabase(ctx: BackendContext, bytes: Buffer, fileName: string, now = new Date()): RestoreResult {
  const dir = backupsDir(ctx.dataDir);
  const incoming = uniqueTemp(dir, 'incoming');
  const label = { key: 'errors:backup.named', params: { fileName } } as const;
  writeFileSync(incoming, asSingleFile(bytes), { mode: 0o600 });
  let checked: ReturnType<typeof checkBackupFile>;
  try {
    checked = checkBackupFile(incoming, label);
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }

  try {
    assertNoOtherWriter(ctx);
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }

  const live = liveFile(ctx.databaseFile, incoming);
  let safety: ReturnType<typeof keepCurrentData>;
  try {
    safety = keepCurrentData(ctx, live.path, dir, now);
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }

  if (ctx.db.isOpen) ctx.db.close();
  // A clean close checkpoints and deletes the WAL; a leftover one must not be
  // replayed onto the restored file (its pages belong to the old database).
  // (Moved aside with a damaged file, so its pages are kept there.)
  rmSync(`${live.path}-wal`, { force: true });
  rmSync(`${live.path}-shm`, { force: true });
  try {
    if (live.path !== ctx.databaseFile) copyFileSync(incoming, live.temp);
    renameSync(live.temp, live.path);
    makePrivateFile(live.path);
  } finally {
    removeDatabaseFiles(incoming);
  }
  const safetyCopy = safety.path;

  try {
    ctx.db = openDatabase(ctx.databaseFile, {
      beforeMigrate: (_from, to) => backupBeforeMigration(ctx.databaseFile, ctx.dataDir, to, now),
    });
  } catch (error) {
    if (safety.kind === 'copy') putBack(ctx, safetyCopy);
    else if (safety.kind === 'moved') {
      removeDatabaseFiles(live.path);
      renameSync(safetyCopy, live.path);
    }
    throw localizedError('INTERNAL', 'errors:backup.openFailed', { label }, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  pruneStoredBackups(dir, 'restore');
  return {
    backupSchemaVersion: checked.schemaVersion,
    schemaVersion: schemaVersion(ctx.db),
    tables: tableCounts(ctx.db),
    safetyCopy: safety.kind === 'none' ? '' : basename(safetyCopy),
  };
}

/**
 * A file sent to us has no -wal beside it, so whatever a WAL-mode header
 * promises is already in the main file. Marking it rollback-journal (header
 * bytes 18 and 19) means opening it, even read-only, never leaves -wal/-shm
 * companions behind in backups/; the live database turns WAL on again.
 */
export function asSingleFile(bytes: Buffer): Buffer {
  if (bytes.length < 100 || bytes[18] !== 2 || bytes[19] !== 2) return bytes;
  const copy = Buffer.from(bytes);
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}

/**
 * Where the restored file goes. A database that is a symbolic link (kept on
 * another disk, in a synced folder) stays a link: the file it points to is
 * replaced, through a temp file beside it so the rename is atomic.
 */
function liveFile(databaseFile: string, incoming: string): { path: string; temp: string } {
  if (!isSymbolicLink(databaseFile)) return { path: databaseFile, temp: incoming };
  let target: string;
  try {
    target = realpathSync(databaseFile);
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw localizedError('CONFLICT', 'errors:backup.linkUnreachable', { databaseFile }, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const temp = join(dirname(target), `.tickerline-restore-${randomUUID()}.sqlite`);
  try {
    accessSync(dirname(target), constants.W_OK);
  } catch {
    removeDatabaseFiles(incoming);
    throw localizedError('CONFLICT', 'errors:backup.linkNotWritable', { databaseFile, target });
  }
  return { path: target, temp };
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Keeps what the restore replaces: a consistent copy (VACUUM INTO) in
 * backups/, or, when the current file is damaged and cannot be copied, the
 * file itself moved aside (never deleted) as tickerline-damaged-<time>.sqlite.
 */
function keepCurrentData(ctx: BackendContext, livePath: string, dir: string, now: Date): { kind: 'copy' | 'moved' | 'none'; path: string } {
  const safetyCopy = uniqueBackupPath(dir, 'before-restore', now);
  let copyError: unknown = new Error('the database is not open');
  if (ctx.db.isOpen) {
    try {
      ctx.db.prepare('VACUUM INTO ?').run(safetyCopy);
      makePrivateFile(safetyCopy);
      return { kind: 'copy', path: safetyCopy };
    } catch (error) {
      copyError = error;
      rmSync(safetyCopy, { force: true });
    }
  }
  if (!existsSync(livePath)) return { kind: 'none', path: safetyCopy };
  if (ctx.db.isOpen) ctx.db.close();
  try {
    const aside = moveDamagedAside(livePath, now);
    return { kind: 'moved', path: aside };
  } catch (error) {
    throw localizedError('INTERNAL', 'errors:backup.keepCopyFailed', undefined, {
      copy: copyError instanceof Error ? copyError.message : String(copyError),
      move: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Renames a database (and its -wal, which may hold its newest pages) to tickerline-damaged-<time>.sqlite beside it. */
export function moveDamagedAside(databaseFile: string, now: Date): string {
  const dir = dirname(databaseFile);
  let date = now;
  let aside = join(dir, `tickerline-damaged-${fileStamp(date)}.sqlite`);
  while (existsSync(aside)) {
    date = new Date(date.getTime() + 1);
    aside = join(dir, `tickerline-damaged-${fileStamp(date)}.sqlite`);
  }
  renameSync(databaseFile, aside);
  if (existsSync(`${databaseFile}-wal`)) renameSync(`${databaseFile}-wal`, `${aside}-wal`);
  rmSync(`${databaseFile}-shm`, { force: true });
  return aside;
}

/**
 * An import writes through its own connection and yields between batches; the
 * file must not be swapped under it. Checked without waiting (busy_timeout 0):
 * from here to the reopen everything runs synchronously, so no import can
 * start in between.
 */
function assertNoOtherWriter(ctx: BackendContext): void {
  if (!ctx.db.isOpen) return;
  try {
    ctx.db.exec('PRAGMA busy_timeout = 0');
    ctx.db.exec('BEGIN IMMEDIATE');
    ctx.db.exec('COMMIT');
  } catch (error) {
    // A damaged file fails here too; only a lock means someone is writing.
    if (/locked|busy/i.test(error instanceof Error ? error.message : String(error))) {
      throw localizedError('CONFLICT', 'errors:backup.importRunning');
    }
  } finally {
    try {
      ctx.db.exec('PRAGMA busy_timeout = 5000');
    } catch {
      // The damaged file is about to be replaced; its settings no longer matter.
    }
  }
}

function putBack(ctx: BackendContext, safetyCopy: string): void {
  const temp = uniqueTemp(backupsDir(ctx.dataDir), 'putback');
  copyFileSync(safetyCopy, temp);
  removeDatabaseFiles(ctx.databaseFile);
  renameSync(temp, ctx.databaseFile);
  ctx.db = openDatabase(ctx.databaseFile);
}

/** Hidden names (leading dot) that the list of stored backups ignores. */
export function uniqueTemp(dir: string, kind: string): string {
  makePrivateDir(dir);
  return join(dir, `.${kind}-${randomUUID()}.sqlite`);
}
