import { localizedError } from '@shared/domain/common/errors';
import { makePrivateFile } from '../data-folder/private';
import { backupsDir, pruneStoredBackups, uniqueBackupPath } from './files';
import { vacuumInto } from './snapshot';

/**
 * Runs before a schema migration touches an existing database: a full copy of
 * the un-migrated file goes to <dataDir>/backups/before-v<to>-<time>.sqlite and
 * only the newest five such copies are kept. If the copy cannot be made, the
 * upgrade does not start.
 */
export function backupBeforeMigration(databaseFile: string, dataDir: string, toVersion: number, now = new Date()): string {
  const dir = backupsDir(dataDir);
  const target = uniqueBackupPath(dir, `before-v${toVersion}`, now);
  try {
    vacuumInto(databaseFile, target);
    makePrivateFile(target);
  } catch (error) {
    throw localizedError('INTERNAL', 'errors:backup.beforeUpgradeFailed', undefined, {
      target,
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  pruneStoredBackups(dir, 'migration');
  return target;
}
