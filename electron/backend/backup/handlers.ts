import { existsSync, readFileSync, statSync } from 'node:fs';
import type { FeatureMethods, Handlers } from '../handler';
import { schemaVersion } from '../db/database';
import { importingFile } from '../files/resolve';
import { backupsDir, listStoredBackups, removeDatabaseFiles } from './files';
import { restoreDatabase, uniqueTemp } from './restore';
import { checkBackupFile, onlineBackup, tableCounts } from './snapshot';

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

export const backupHandlers = {
  'backup.status': (_input, ctx) => ({
    databaseFile: ctx.databaseFile,
    backupsDir: backupsDir(ctx.dataDir),
    databaseBytes: fileSize(ctx.databaseFile) + fileSize(`${ctx.databaseFile}-wal`),
    schemaVersion: schemaVersion(ctx.db),
    tables: tableCounts(ctx.db),
    stored: listStoredBackups(backupsDir(ctx.dataDir)),
  }),
  'backup.create': async (_input, ctx) => {
    const temp = uniqueTemp(backupsDir(ctx.dataDir), 'backup');
    try {
      await onlineBackup(ctx.db, temp);
      const checked = checkBackupFile(temp, { key: 'errors:backup.newBackup' });
      const bytes = readFileSync(temp);
      return {
        fileName: `tickerline-backup-${ctx.today()}.sqlite`,
        contentBase64: bytes.toString('base64'),
        sizeBytes: bytes.length,
        schemaVersion: checked.schemaVersion,
        createdAt: new Date().toISOString(),
      };
    } finally {
      removeDatabaseFiles(temp);
    }
  },
  'backup.restore': (input, ctx) =>
    importingFile(input.file, ctx, ({ bytes, fileName }) => restoreDatabase(ctx, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName)),
} satisfies Handlers<FeatureMethods<'backup'>>;
