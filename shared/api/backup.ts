import { z } from 'zod';
import { defineMethods } from './define';
import { FilePayload, FileSource } from './files';
import { TOPICS } from './topics';


export const TableCount = z.object({ table: z.string(), rows: z.number().int().nonnegative() });
export type TableCount = z.infer<typeof TableCount>;

export const StoredBackup = z.object({
  fileName: z.string(),
  /** 'migration': made automatically before an upgrade; 'restore': the data a restore replaced. */
  reason: z.enum(['migration', 'restore']),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type StoredBackup = z.infer<typeof StoredBackup>;

export const BackupStatus = z.object({
  databaseFile: z.string(),
  backupsDir: z.string(),
  databaseBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int(),
  tables: z.array(TableCount),
  /** Copies Tickerline made on its own, newest first. */
  stored: z.array(StoredBackup),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupFile = FilePayload.extend({
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const RestoreResult = z.object({
  /** Schema version of the backup as it was, before it was upgraded to this version. */
  backupSchemaVersion: z.number().int(),
  schemaVersion: z.number().int(),
  tables: z.array(TableCount),
  /** Where the data that was replaced now lives (in the backups folder). */
  safetyCopy: z.string(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** Every topic a restore replaces; screens listening to any of them refetch. */
export const ALL_DATA_TOPICS = TOPICS;

export const backupMethods = defineMethods({
  'backup.status': { input: z.object({}).strict(), output: BackupStatus },
  /**
   * A consistent copy of the whole database (SQLite online backup) returned as
   * a file: the desktop app saves it through a native save dialog, browser mode
   * as a download. No path crosses the API, so the UI cannot write anywhere.
   */
  'backup.create': { input: z.object({}).strict(), output: BackupFile },
  /** Checks the file first; replaces the data only if it is a sound Tickerline backup. */
  'backup.restore': {
    /** The backup: staged (by id; the app) or inline base64 (tests, scripts). */
    input: z.object({ file: FileSource }).strict(),
    output: RestoreResult,
    mutates: ALL_DATA_TOPICS,
  },
});
