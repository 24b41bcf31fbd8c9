import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredBackup } from '@shared/api/backup';
import { makePrivateDir } from '../data-folder/private';

export const BACKUPS_FOLDER = 'backups';
/** How many automatic copies of each kind are kept; older ones are deleted. */
export const KEEP_BACKUPS = 5;

const STORED = /^(before-v\d+|before-restore)-(\d{8}-\d{6}-\d{3})\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

/** 2026-11-26T09:05:03.007Z → 20261126-090503-007: sortable, and safe in file names on every OS. */
export function fileStamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

function stampToIso(stamp: string): string {
  const [d = '', t = '', ms = ''] = stamp.split('-');
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
}

/** A name that does not exist yet in dir, e.g. before-v6-20261126-090503-007.sqlite. */
export function uniqueBackupPath(dir: string, prefix: string, now: Date): string {
  makePrivateDir(dir);
  let date = now;
  for (;;) {
    const path = join(dir, `${prefix}-${fileStamp(date)}.sqlite`);
    if (!existsSync(path)) return path;
    date = new Date(date.getTime() + 1);
  }
}

/** The copies Tickerline made itself, newest first. */
export function listStoredBackups(dir: string): StoredBackup[] {
  if (!existsSync(dir)) return [];
  const found: StoredBackup[] = [];
  for (const name of readdirSync(dir)) {
    const match = STORED.exec(name);
    if (!match) continue;
    found.push({
      fileName: name,
      reason: match[1] === 'before-restore' ? 'restore' : 'migration',
      sizeBytes: statSync(join(dir, name)).size,
      createdAt: stampToIso(match[2] ?? ''),
    });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** Keeps the newest `keep` copies of one reason and deletes the rest; returns the deleted names. */
export function pruneStoredBackups(dir: string, reason: StoredBackup['reason'], keep = KEEP_BACKUPS): string[] {
  const old = listStoredBackups(dir).filter((b) => b.reason === reason).slice(keep);
  for (const backup of old) rmSync(join(dir, backup.fileName), { force: true });
  return old.map((b) => b.fileName);
}

/** The database file and its WAL companions, which must move or go together. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}
