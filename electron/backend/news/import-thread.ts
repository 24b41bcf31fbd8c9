import type { NewsCsvMapping, NewsDateChoice, NewsImportResult, NewsPreview, PreviewItem } from '@shared/api/news';
import { localizedError } from '@shared/domain/common/errors';
import type { BackendContext } from '../context';
import { transferList, type ResolvedFile } from '../files/resolve';
import { jobThread } from '../jobs/job-thread';
import type { NewsProgress } from './import';
import { NEWS_FINAL_MESSAGES, type NewsJob, type NewsWorkerMessage } from './import-job';
import type { NewsOrigin } from './read-news-file';

/**
 * news.previewImport and news.import on the news import worker: the main process hands the file's
 * bytes over (staged bytes shared, decoded base64 moved, neither copied), gathers the preview's item chunks
 * and passes progress on as `import.progress` events. Previews and imports queue behind each
 * other, so an import never checks against a store another import is still writing.
 */
const WORKER_OLD_SPACE_MB = 192;

const thread = jobThread<NewsJob, Exclude<NewsWorkerMessage, { type: 'failed' }>>(
  { callerUrl: import.meta.url, builtName: 'news-import-worker.js', sourceName: 'import-worker.ts', name: 'the news import worker',
    // The bound on the worker's memory. The bench's 20,000-item feed is previewed and imported within 96 MB of old space;
    // unbounded, V8 let the process grow by ~290 MB for them before collecting (~160 MB with the bound). A file that needs
    // more is refused with a clear message instead of swelling the backend.
    // A young generation of 64 MB: reading a feed makes millions of short-lived strings and objects, and with V8's default
    // many survive into old space; the bench's preview + import ran faster and added less memory with it (153 and 129 MB
    // instead of 204 and 221 MB, load ~13).
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: 64 },
  },
  NEWS_FINAL_MESSAGES,
);

/** Runs jobs on the built worker (out/main/news-import-worker.js) even from source, as the bench does. */
export function useBuiltNewsWorker(script: string): void {
  thread.useBuilt(script);
}

/** What the user chose for a news file, as the handlers receive it beside the file itself. */
export interface NewsFileOptions {
  mapping?: NewsCsvMapping | undefined;
  origin?: NewsOrigin | undefined;
  dates?: NewsDateChoice[] | undefined;
  skipInvalid?: boolean | undefined;
  jobId?: string | undefined;
}

type Ctx = Pick<BackendContext, 'databaseFile' | 'today' | 'emit'>;

function progressOf(ctx: Ctx, jobId: string | undefined): (p: NewsProgress) => void {
  if (jobId === undefined) return () => undefined;
  return (p) => ctx.emit('import.progress', { jobId, phase: p.phase, done: p.done, total: p.total });
}

function jobOf(kind: NewsJob['kind'], options: NewsFileOptions, file: ResolvedFile, ctx: Ctx): NewsJob {
  const { mapping, origin, dates, skipInvalid } = options;
  return { kind, databaseFile: ctx.databaseFile, today: ctx.today(), fileName: file.fileName, bytes: file.bytes, mapping, origin, dates, skipInvalid };
}

/** One job on the worker; a file that needs more memory than the worker may use is refused, naming the file. */
async function run(job: NewsJob, onMessage: (message: Exclude<NewsWorkerMessage, { type: 'failed' }>) => void): Promise<Exclude<NewsWorkerMessage, { type: 'failed' }>> {
  try {
    return await thread.run(job, transferList(job.bytes), onMessage);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw localizedError('IMPORT_REJECTED', 'errors:news.tooLargeToRead', { fileName: job.fileName, megabytes: WORKER_OLD_SPACE_MB }, { file: job.fileName });
    }
    throw error;
  }
}

/** news.previewImport: the file read, linked and checked in the worker, its items gathered as the chunks arrive. */
export async function previewNewsInWorker(options: NewsFileOptions, file: ResolvedFile, ctx: Ctx): Promise<NewsPreview> {
  const progress = progressOf(ctx, options.jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job = jobOf('preview', options, file, ctx);
  const items: PreviewItem[] = [];
  const last = await run(job, (message) => {
    if (message.type === 'items') for (const item of JSON.parse(message.json) as PreviewItem[]) items.push(item);
    else if (message.type === 'progress') progress(message.progress);
  });
  if (last.type !== 'previewed') throw new Error(`the news import worker answered a preview with '${last.type}'`);
  progress({ phase: 'done', done: items.length, total: items.length });
  return { ...last.preview, items };
}

/** news.import: the file's new items stored by the worker in one transaction, all or nothing. */
export async function importNewsInWorker(options: NewsFileOptions, file: ResolvedFile, ctx: Ctx): Promise<NewsImportResult> {
  const progress = progressOf(ctx, options.jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job = jobOf('import', options, file, ctx);
  const last = await run(job, (message) => {
    if (message.type === 'progress') progress(message.progress);
  });
  if (last.type !== 'imported') throw new Error(`the news import worker answered an import with '${last.type}'`);
  progress({ phase: 'done', done: last.result.added, total: last.result.added });
  return last.result;
}
