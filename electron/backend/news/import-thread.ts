import type { NewsCsvMapping, NewsDateChoice, NewsImportResult, NewsPreview, PreviewItem } from '@shared/api/news';
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
const thread = jobThread<NewsJob, Exclude<NewsWorkerMessage, { type: 'failed' }>>(
  { callerUrl: import.meta.url, builtName: 'news-import-worker.js', sourceName: 'import-worker.ts', name: 'the news import worker' },
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

export async function previewNewsInWorker(input: NewsFileInput, ctx: Ctx): Promise<NewsPreview> {
  const progress = progressOf(ctx, input.jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job = await jobOf('preview', input, ctx);
  const items: PreviewItem[] = [];
  const last = await thread.run(job, [job.bytes.buffer as ArrayBuffer], (message) => {
    if (message.type === 'items') for (const item of message.items) items.push(item);
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
  const last = await thread.run(job, [job.bytes.buffer as ArrayBuffer], (message) => {
    if (message.type === 'progress') progress(message.progress);
  });
  if (last.type !== 'imported') throw new Error(`the news import worker answered an import with '${last.type}'`);
  progress({ phase: 'done', done: last.result.added, total: last.result.added });
  return last.result;
}
