import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { FileFilter, OpenDialogOptions } from 'electron';
import { MAX_FILE_BYTES, type ImportKind } from '@shared/api/files';

/** The one ImportKind (shared/api/files.ts), re-exported for the main process's modules. */
export type { ImportKind };

/** Files larger than this are refused before they are read (a price history is a few MB). */
export const MAX_PICKED_FILE_BYTES = MAX_FILE_BYTES;

const ANY: FileFilter = { name: 'All files', extensions: ['*'] };

const IMPORT_FILTERS: Record<ImportKind, FileFilter[]> = {
  prices: [{ name: 'Price history (CSV, JSON)', extensions: ['csv', 'txt', 'json'] }, ANY],
  news: [{ name: 'News (web pages, PDF, CSV, JSON, RSS, text)', extensions: ['html', 'htm', 'mhtml', 'mht', 'pdf', 'url', 'csv', 'json', 'xml', 'rss', 'atom', 'txt', 'md'] }, ANY],
  transactions: [{ name: 'Broker statements (CSV, JSON, XML, text)', extensions: ['csv', 'json', 'xml', 'txt'] }, ANY],
};

const IMPORT_TITLES: Record<ImportKind, string> = {
  prices: 'Import price history',
  news: 'Import news',
  transactions: 'Import transactions',
};

export function importDialogOptions(kind: ImportKind): OpenDialogOptions {
  return { title: IMPORT_TITLES[kind], buttonLabel: 'Import', filters: IMPORT_FILTERS[kind], properties: ['openFile', 'multiSelections'] };
}

export const BACKUP_FILTERS: FileFilter[] = [{ name: 'Tickerline backup', extensions: ['sqlite', 'db', 'tickerline'] }, ANY];

export function restoreDialogOptions(): OpenDialogOptions {
  return { title: 'Restore from a backup', buttonLabel: 'Choose backup', filters: BACKUP_FILTERS, properties: ['openFile'] };
}

export interface PickedFile {
  fileName: string;
  contentBase64: string;
}

export interface PickResult {
  files: PickedFile[];
  /** Files that could not be read, with a reason a person understands. */
  skipped: { fileName: string; reason: string }[];
}

/** Reads what the user picked; never throws on an odd file (folder, too big, unreadable). */
export function readPickedFiles(paths: readonly string[], maxBytes = MAX_PICKED_FILE_BYTES): PickResult {
  const result: PickResult = { files: [], skipped: [] };
  for (const path of paths) {
    const fileName = basename(path);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) {
        result.skipped.push({ fileName, reason: 'is not a file' });
        continue;
      }
      if (stat.size > maxBytes) {
        result.skipped.push({ fileName, reason: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` });
        continue;
      }
      result.files.push({ fileName, contentBase64: readFileSync(path).toString('base64') });
    } catch (error) {
      result.skipped.push({ fileName, reason: error instanceof Error && 'code' in error ? `could not be read (${String(error.code)})` : 'could not be read' });
    }
  }
  return result;
}

/** Save-dialog settings for a file the UI downloads (backup, export), by its extension. */
export function saveDialogFor(fileName: string): { title: string; filters: FileFilter[] } {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.sqlite') return { title: 'Save backup', filters: BACKUP_FILTERS };
  if (ext === '.json') return { title: 'Save export', filters: [{ name: 'JSON', extensions: ['json'] }, ANY] };
  if (ext === '.csv') return { title: 'Save export', filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }, ANY] };
  return { title: 'Save file', filters: [ANY] };
}
