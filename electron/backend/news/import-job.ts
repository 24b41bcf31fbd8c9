import { DatabaseSync } from 'node:sqlite';
import type { NewsCsvMapping, NewsDateChoice, NewsImportResult, NewsPreview } from '@shared/api/news';
import type { JobFailed } from '../jobs/job-thread';
import { commitNewsImport, parseNewsFile, previewNewsChunks, type NewsProgress, type ParseNews, type ParsedFile } from './import';
import type { NewsOrigin } from './read-news-file';

/**
 * The heavy part of news.previewImport and news.import (read the file, link and check every item,
 * store) as a plain function of its inputs. It runs inside the news import worker
 * (import-worker.ts) on a connection of its own, so a 20,000-item feed never stalls the calls
 * the main process answers meanwhile. The entry takes the file's bytes and the user's choices,
 * nothing of the calling request, so the bytes may come from anywhere (an upload's base64
 * today, a staged file tomorrow).
 */
export interface NewsJob {
  kind: 'preview' | 'import';
  databaseFile: string;
  /** Today's date on the user's clock (the host's context decides it, so tests stay deterministic). */
  today: string;
  fileName: string;
  bytes: Uint8Array;
  mapping?: NewsCsvMapping | undefined;
  origin?: NewsOrigin | undefined;
  dates?: NewsDateChoice[] | undefined;
  skipInvalid?: boolean | undefined;
}

/**
 * Messages from the worker. A preview streams its items in 'items' chunks, in file order, and
 * ends with 'previewed' (the preview without its items); an import ends with 'imported'.
 */
export type NewsWorkerMessage =
  | { type: 'progress'; progress: NewsProgress }
  /** A chunk of preview items as JSON text: the main process parses text about twice as fast as it takes a structured clone apart. */
  | { type: 'items'; json: string }
  | { type: 'previewed'; preview: Omit<NewsPreview, 'items'> }
  | { type: 'imported'; result: NewsImportResult }
  | JobFailed;

export const NEWS_FINAL_MESSAGES = ['previewed', 'imported'] as const;

function open(databaseFile: string, readOnly: boolean): DatabaseSync {
  const db = new DatabaseSync(databaseFile, { enableForeignKeyConstraints: true, readOnly });
  db.exec('PRAGMA busy_timeout = 5000');
  if (!readOnly) db.exec('PRAGMA synchronous = NORMAL');
  return db;
}

/**
 * The last preview's reading of its file, so the import the user confirms next does not read the
 * same bytes again (half of a 20,000-item import's time). Reading depends only on the bytes and
 * the choices in `key` (file name, CSV mapping, origin, dates set, today), not on what is stored:
 * links and stored items are looked up again by the import.
 */
let kept: { key: string; bytes: Uint8Array; parsed: ParsedFile } | null = null;

function readingKey(job: NewsJob): string {
  return JSON.stringify([job.fileName, job.today, job.mapping ?? null, job.origin ?? null, job.dates ?? null]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

export async function runNewsJob(job: NewsJob, post: (message: NewsWorkerMessage) => void): Promise<void> {
  const progress = (p: NewsProgress): void => post({ type: 'progress', progress: p });
  const source = { fileName: job.fileName, bytes: job.bytes, mapping: job.mapping, origin: job.origin, dates: job.dates };
  const key = readingKey(job);
  const previous = kept;
  kept = null;
  const db = open(job.databaseFile, job.kind === 'preview');
  try {
    if (job.kind === 'preview') {
      const parse: ParseNews = async (file, today) => {
        const parsed = await parseNewsFile(file, today);
        kept = { key, bytes: job.bytes, parsed };
        return parsed;
      };
      const preview = await previewNewsChunks(db, source, job.today, (items) => post({ type: 'items', json: JSON.stringify(items) }), progress, parse);
      post({ type: 'previewed', preview });
      return;
    }
    const reuse = previous !== null && previous.key === key && sameBytes(previous.bytes, job.bytes) ? previous.parsed : null;
    const parse: ParseNews = reuse === null ? parseNewsFile : () => Promise.resolve(reuse);
    const result = await commitNewsImport(db, { ...source, skipInvalid: job.skipInvalid }, job.today, progress, parse);
    post({ type: 'imported', result });
  } catch (error) {
    kept = null;
    throw error;
  } finally {
    db.close();
  }
}
