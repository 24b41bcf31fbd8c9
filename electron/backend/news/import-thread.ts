import type { NewsCsvMapping, NewsDateChoice, NewsImportResult, NewsPreview, PreviewItem } from '@shared/api/news';
import { AppError } from '@shared/domain/common/errors';
import type { BackendContext } from '../context';
import { bytesOfBase64 } from '../jobs/job-bytes';
import { jobThread } from '../jobs/job-thread';
import type { NewsProgress } from './import';
import { NEWS_FINAL_MESSAGES, type NewsJob, type NewsWorkerMessage } from './import-job';
import type { NewsOrigin } from './read-news-file';

/**
 * news.previewImport and news.import on the news import worker: the main process only decodes
 * the upload (in slices), hands the bytes over without a copy, gathers the preview's item chunks
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

/** A news file as the handlers receive it. */
export interface NewsFileInput {
  fileName: string;
  contentBase64: string;
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

async function jobOf(kind: NewsJob['kind'], input: NewsFileInput, ctx: Ctx): Promise<NewsJob> {
  const { fileName, mapping, origin, dates, skipInvalid } = input;
  return { kind, databaseFile: ctx.databaseFile, today: ctx.today(), fileName, bytes: await bytesOfBase64(input.contentBase64), mapping, origin, dates, skipInvalid };
}

/** One job on the worker; a file that needs more memory than the worker may use is refused, naming the file. */
async function run(job: NewsJob, onMessage: (message: Exclude<NewsWorkerMessage, { type: 'failed' }>) => void): Promise<Exclude<NewsWorkerMessage, { type: 'failed' }>> {
  try {
    return await thread.run(job, [job.bytes.buffer as ArrayBuffer], onMessage);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError('IMPORT_REJECTED', `${job.fileName} is too large to read at once (it needs more than ${WORKER_OLD_SPACE_MB} MB of memory). Split it into smaller files.`, {
        file: job.fileName,
      });
    }
    throw error;
  }
}

export async function previewNewsInWorker(input: NewsFileInput, ctx: Ctx): Promise<NewsPreview> {
  const progress = progressOf(ctx, input.jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job = await jobOf('preview', input, ctx);
  const items: PreviewItem[] = [];
  const last = await run(job, (message) => {
    if (message.type === 'items') for (const item of JSON.parse(message.json) as PreviewItem[]) items.push(item);
    else if (message.type === 'progress') progress(message.progress);
  });
  if (last.type !== 'previewed') throw new Error(`the news import worker answered a preview with '${last.type}'`);
  progress({ phase: 'done', done: items.length, total: items.length });
  return { ...last.preview, items };
}

export async function importNewsInWorker(input: NewsFileInput, ctx: Ctx): Promise<NewsImportResult> {
  const progress = progressOf(ctx, input.jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job = await jobOf('import', input, ctx);
  const last = await run(job, (message) => {
    if (message.type === 'progress') progress(message.progress);
  });
  if (last.type !== 'imported') throw new Error(`the news import worker answered an import with '${last.type}'`);
  progress({ phase: 'done', done: last.result.added, total: last.result.added });
  return last.result;
}
