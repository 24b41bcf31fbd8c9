import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RestoreResult } from '@shared/api/backup';
import { AppError } from '@shared/domain/common/errors';
import type { BackendContext } from '../context';
import { openDatabase, schemaVersion } from '../db/database';
import { backupsDir, pruneStoredBackups, removeDatabaseFiles, uniqueBackupPath } from './files';
import { backupBeforeMigration } from './migration-backup';
import { checkBackupFile, tableCounts } from './snapshot';

/**
 * Replaces the live database with a backup, in an order that never leaves the
 * user without good data:
 * 1. the incoming file is written to a private temp file and fully checked;
 * 2. the live data is copied (VACUUM INTO) to backups/before-restore-….sqlite;
 * 3. the live connection closes, the checked file is renamed over the live one
 *    (one atomic rename on the same disk), and it is opened and migrated;
 * 4. if that open fails, the safety copy is put back and reopened.
 */
export function restoreDatabase(ctx: BackendContext, bytes: Buffer, fileName: string, now = new Date()): RestoreResult {
  const dir = backupsDir(ctx.dataDir);
  const incoming = uniqueTemp(dir, 'incoming');
  const label = `“${fileName}”`;
  writeFileSync(incoming, bytes);
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

  const safetyCopy = uniqueBackupPath(dir, 'before-restore', now);
  try {
    ctx.db.prepare('VACUUM INTO ?').run(safetyCopy);
  } catch (error) {
    removeDatabaseFiles(incoming);
    rmSync(safetyCopy, { force: true });
    throw new AppError('INTERNAL', 'Could not make a safety copy of your current data, so nothing was restored.', {
      cause: error instanceof Error ? error.message : String(error),
    });
  }

  ctx.db.close();
  // A clean close checkpoints and deletes the WAL; a leftover one must not be
  // replayed onto the restored file (its pages belong to the old database).
  rmSync(`${ctx.databaseFile}-wal`, { force: true });
  rmSync(`${ctx.databaseFile}-shm`, { force: true });
  renameSync(incoming, ctx.databaseFile);

  try {
    ctx.db = openDatabase(ctx.databaseFile, {
      beforeMigrate: (_from, to) => backupBeforeMigration(ctx.databaseFile, ctx.dataDir, to, now),
    });
  } catch (error) {
    putBack(ctx, safetyCopy);
    throw new AppError('INTERNAL', `${label} passed its checks but could not be opened, so your previous data was put back.`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  pruneStoredBackups(dir, 'restore');
  return {
    backupSchemaVersion: checked.schemaVersion,
    schemaVersion: schemaVersion(ctx.db),
    tables: tableCounts(ctx.db),
    safetyCopy: basename(safetyCopy),
  };
}

/**
 * An import writes through its own connection and yields between batches; the
 * file must not be swapped under it. Checked without waiting (busy_timeout 0):
 * from here to the reopen everything runs synchronously, so no import can
 * start in between.
 */
function assertNoOtherWriter(ctx: BackendContext): void {
  ctx.db.exec('PRAGMA busy_timeout = 0');
  try {
    ctx.db.exec('BEGIN IMMEDIATE');
    ctx.db.exec('COMMIT');
  } catch {
    throw new AppError('CONFLICT', 'An import is still being saved. Restore again when it has finished. Nothing was changed.');
  } finally {
    ctx.db.exec('PRAGMA busy_timeout = 5000');
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
  mkdirSync(dir, { recursive: true });
  return join(dir, `.${kind}-${randomUUID()}.sqlite`);
}
