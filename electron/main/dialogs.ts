import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { FileFilter, OpenDialogOptions } from 'electron';
import { MAX_FILE_BYTES, type ImportKind, type StagedFile } from '@shared/api/files';
import { AppError } from '@shared/domain/common/errors';
import type { StagingSlot } from '@backend/files/staging';
import { mainT, type MainT } from './i18n';

/** The one ImportKind (shared/api/files.ts), re-exported for the main process's modules. */
export type { ImportKind };

/** Files larger than this are refused before they are read (a price history is a few MB). */
export const MAX_PICKED_FILE_BYTES = MAX_FILE_BYTES;

const any = (t: MainT): FileFilter => ({ name: t('main:dialog.filter.all'), extensions: ['*'] });

const IMPORT_EXTENSIONS: Record<ImportKind, string[]> = {
  prices: ['csv', 'txt', 'json'],
  news: ['html', 'htm', 'mhtml', 'mht', 'pdf', 'url', 'csv', 'json', 'xml', 'rss', 'atom', 'txt', 'md'],
  transactions: ['csv', 'json', 'xml', 'txt'],
};

const IMPORT_TEXT = {
  prices: { title: 'main:dialog.importTitle.prices', filter: 'main:dialog.filter.prices' },
  news: { title: 'main:dialog.importTitle.news', filter: 'main:dialog.filter.news' },
  transactions: { title: 'main:dialog.importTitle.transactions', filter: 'main:dialog.filter.transactions' },
} as const satisfies Record<ImportKind, { title: string; filter: string }>;

export function importDialogOptions(kind: ImportKind, t: MainT = mainT()): OpenDialogOptions {
  return {
    title: t(IMPORT_TEXT[kind].title),
    buttonLabel: t('main:dialog.importButton'),
    filters: [{ name: t(IMPORT_TEXT[kind].filter), extensions: IMPORT_EXTENSIONS[kind] }, any(t)],
    properties: ['openFile', 'multiSelections'],
  };
}

export function backupFilters(t: MainT = mainT()): FileFilter[] {
  return [{ name: t('main:dialog.filter.backup'), extensions: ['sqlite', 'db', 'tickerline'] }, any(t)];
}

export function restoreDialogOptions(t: MainT = mainT()): OpenDialogOptions {
  return { title: t('main:dialog.restoreTitle'), buttonLabel: t('main:dialog.chooseBackup'), filters: backupFilters(t), properties: ['openFile'] };
}

export type SkipReason = { kind: 'not-a-file' } | { kind: 'too-large'; megabytes: number } | { kind: 'unreadable'; code?: string } | { kind: 'refused'; message: string };

/** One skipped file as a sentence in the reader's language. */
export function skippedLine(fileName: string, reason: SkipReason, t: MainT = mainT()): string {
  if (reason.kind === 'not-a-file') return t('main:skipped.notAFile', { fileName });
  if (reason.kind === 'too-large') return t('main:skipped.tooLarge', { fileName, megabytes: reason.megabytes });
  // The staging area's refusal (full) already names the file, in the backend's words.
  if (reason.kind === 'refused') return reason.message;
  return reason.code === undefined ? t('main:skipped.unreadable', { fileName }) : t('main:skipped.unreadableCode', { fileName, code: reason.code });
}

export interface PickResult {
  files: StagedFile[];
  /** Files that could not be read, with why (skippedLine words it for a person). */
  skipped: { fileName: string; reason: SkipReason }[];
}

/** Where picked files go: the backend's staging area (electron/backend/files/staging.ts). */
export interface Stager {
  reserve(fileName: string, size: number): StagingSlot;
}

/**
 * Stages what the user picked (files to import, a backup to restore): the main process reads each file straight into
 * the staging area (one read, no base64, no trip through the page), and the page gets ids
 * and names only. Never throws on an odd file (folder, too big, unreadable, staging full).
 */
export async function stagePickedFiles(paths: readonly string[], staging: Stager, maxBytes = MAX_PICKED_FILE_BYTES): Promise<PickResult> {
  const files: StagedFile[] = [];
  const skipped: PickResult['skipped'] = [];
  for (const path of paths) {
    const fileName = basename(path);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) {
        skipped.push({ fileName, reason: { kind: 'not-a-file' } });
        continue;
      }
      if (stat.size > maxBytes) {
        skipped.push({ fileName, reason: { kind: 'too-large', megabytes: Math.round(maxBytes / 1024 / 1024) } });
        continue;
      }
      const slot = staging.reserve(fileName, stat.size);
      try {
        const handle = await open(path, 'r');
        try {
          let filled = 0;
          while (filled < stat.size) {
            const { bytesRead } = await handle.read(slot.bytes, filled, stat.size - filled, filled);
            if (bytesRead === 0) break;
            filled += bytesRead;
          }
          files.push(slot.commit(filled));
        } finally {
          await handle.close();
        }
      } finally {
        slot.release();
      }
    } catch (error) {
      if (error instanceof AppError) skipped.push({ fileName, reason: { kind: 'refused', message: error.message } });
      else skipped.push({ fileName, reason: error instanceof Error && 'code' in error ? { kind: 'unreadable', code: String(error.code) } : { kind: 'unreadable' } });
    }
  }
  return { files, skipped };
}

/** Save-dialog settings for a file the UI downloads (backup, export), by its extension. */
export function saveDialogFor(fileName: string, t: MainT = mainT()): { title: string; filters: FileFilter[] } {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.sqlite') return { title: t('main:dialog.saveBackup'), filters: backupFilters(t) };
  if (ext === '.json') return { title: t('main:dialog.saveExport'), filters: [{ name: 'JSON', extensions: ['json'] }, any(t)] };
  if (ext === '.csv') return { title: t('main:dialog.saveExport'), filters: [{ name: t('main:dialog.filter.csv'), extensions: ['csv'] }, any(t)] };
  return { title: t('main:dialog.saveFile'), filters: [any(t)] };
}
