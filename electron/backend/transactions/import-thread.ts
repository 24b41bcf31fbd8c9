import type { ImportPreview } from '@shared/api/transactions';
import type { BackendContext } from '../context';
import { transferList } from '../files/resolve';
import { jobThread } from '../jobs/job-thread';
import { readSettings } from '../settings/store';
import type { ImportOutcome, ImportSource } from './import';
import { type JobProgress, type TransactionImportOptions, type TransactionJob, type TransactionWorkerMessage } from './import-job';

/**
 * The transaction import's worker thread (jobs/job-thread.ts): one worker for the process, one
 * job at a time. Previews and imports queue behind each other, so an import never plans against
 * a ledger another import is still writing.
 */

/** Jobs end with a preview or an import; 'failed' ends them as a rejected promise. */
type Finished = Extract<TransactionWorkerMessage, { type: 'previewed' | 'imported' }>;

const thread = jobThread<TransactionJob, TransactionWorkerMessage>(
  {
    callerUrl: import.meta.url,
    builtName: 'transaction-import-worker.js',
    sourceName: 'import-worker.ts',
    name: 'the transaction import worker',
    // A 200,000-line plan allocates millions of short-lived objects: with V8's default young generation
    // the worker spends most of its time collecting them (5 s of GC in a 10 s plan, measured); 192 MB halves the plan.
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  },
  ['previewed', 'imported'],
);

/** Runs jobs on the built worker (out/main/transaction-import-worker.js) even from source, as the bench does. */
export function useBuiltTransactionWorker(script: string): void {
  thread.useBuilt(script);
}

/** Starts the worker if it is not running, while the caller still reads the job's file (jobs/job-thread.ts warm). */
export function warmTransactionWorker(): void {
  thread.warm();
}

/** One job on the worker, its progress messages passed on; the bytes move to the worker without a copy. */
async function runInWorker(job: TransactionJob, onProgress: (p: JobProgress) => void): Promise<Finished> {
  const message = await thread.run(job, transferList(job.source.bytes), (m) => {
    if (m.type === 'progress') onProgress(m.progress);
  });
  if (message.type !== 'previewed' && message.type !== 'imported') throw new Error(`transaction import worker: ended a job with '${message.type}'`);
  return message;
}

/** `import.progress` events of one job, for the panel's progress bar. */
function progressOf(ctx: Pick<BackendContext, 'emit'>, jobId: string): (p: JobProgress) => void {
  return (p) => ctx.emit('import.progress', { jobId, phase: p.phase, done: p.done, total: p.total });
}

/**
 * transactions.previewImport on the worker: what importing the file would do, nothing written;
 * with `jobId`, `import.progress` events while the file is read and checked.
 */
export async function previewInWorker(
  source: ImportSource,
  options: TransactionImportOptions,
  ctx: Pick<BackendContext, 'db' | 'databaseFile' | 'today' | 'emit'>,
  jobId?: string,
): Promise<ImportPreview> {
  const progress = jobId === undefined ? () => undefined : progressOf(ctx, jobId);
  const job: TransactionJob = { kind: 'preview', databaseFile: ctx.databaseFile, today: ctx.today(), locale: readSettings(ctx.db).locale, source, options };
  const message = await runInWorker(job, progress);
  if (message.type !== 'previewed') throw new Error(`transaction import worker: answered a preview with '${message.type}'`);
  progress({ phase: 'done', done: 1, total: 1 });
  return message.preview;
}

/**
 * transactions.import on the worker: planned and written in one transaction on the worker's
 * connection, all or nothing, with `import.progress` events for `jobId`.
 */
export async function importInWorker(
  source: ImportSource,
  options: TransactionImportOptions,
  ctx: Pick<BackendContext, 'db' | 'databaseFile' | 'today' | 'emit'>,
  jobId: string,
): Promise<ImportOutcome> {
  const progress = progressOf(ctx, jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  const job: TransactionJob = { kind: 'import', databaseFile: ctx.databaseFile, today: ctx.today(), locale: readSettings(ctx.db).locale, source, options };
  const message = await runInWorker(job, progress);
  if (message.type !== 'imported') throw new Error(`transaction import worker: answered an import with '${message.type}'`);
  const { outcome } = message;
  const n = outcome.added + outcome.cashAdded;
  progress({ phase: 'done', done: n, total: n });
  return outcome;
}
