import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportPreview } from '@shared/api/transactions';
import type { BackendContext } from '../context';
import { transferList } from '../files/resolve';
import { locateWorker } from '../jobs/worker-script';
import type { ImportOutcome, ImportSource } from './import';
import { errorOf, type JobProgress, type TransactionImportOptions, type TransactionJob, type TransactionWorkerMessage } from './import-job';

/**
 * The transaction import's worker thread, as the price import keeps its own
 * (prices/import.ts): one worker for the process, one job at a time, unref'd between jobs
 * and ended after IDLE_MS without work. Previews and imports queue behind each other, so an
 * import never plans against a ledger another import is still writing.
 */

let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

let builtScriptOverride: string | null = null;

/** Runs jobs on the built worker (out/main/transaction-import-worker.js) even from source, as the bench does. */
export function useBuiltTransactionWorker(script: string): void {
  builtScriptOverride = script;
}

/** Where the worker's code is: beside the built entries, or its .ts sibling under tsx from source (vitest, bench). */
function workerSpec(): { script: string; options: WorkerOptions } {
  if (builtScriptOverride !== null) return { script: builtScriptOverride, options: {} };
  return locateWorker(import.meta.url, 'transaction-import-worker.js', 'import-worker.ts');
}

const IDLE_MS = 30_000;

interface Thread {
  worker: Worker;
  idle: ReturnType<typeof setTimeout> | null;
  current: { onMessage(message: TransactionWorkerMessage): void; onFailure(error: Error): void } | null;
}

let thread: Thread | null = null;

function importThread(): Thread {
  if (thread !== null) return thread;
  const { script, options } = workerSpec();
  // A 200,000-line plan allocates millions of short-lived objects: with V8's default young generation
  // the worker spends most of its time collecting them (5 s of GC in a 10 s plan, measured); 192 MB halves the plan.
  const t: Thread = { worker: new Worker(script, { ...options, resourceLimits: { maxYoungGenerationSizeMb: 192 } }), idle: null, current: null };
  const gone = (error: Error): void => {
    if (thread === t) thread = null;
    if (t.idle !== null) clearTimeout(t.idle);
    const job = t.current;
    t.current = null;
    job?.onFailure(error);
  };
  t.worker.on('message', (message: TransactionWorkerMessage) => t.current?.onMessage(message));
  t.worker.on('error', gone);
  t.worker.on('exit', (code) => gone(new Error(`the transaction import worker stopped (exit code ${code}) before it finished`)));
  thread = t;
  return t;
}

function runInWorker(job: TransactionJob, onProgress: (p: JobProgress) => void): Promise<Extract<TransactionWorkerMessage, { type: 'previewed' | 'imported' }>> {
  const t = importThread();
  if (t.idle !== null) clearTimeout(t.idle);
  t.idle = null;
  t.worker.ref();
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      t.current = null;
      t.worker.unref();
      t.idle = setTimeout(() => {
        if (thread === t) thread = null;
        void t.worker.terminate();
      }, IDLE_MS);
      t.idle.unref();
    };
    t.current = {
      onMessage(message) {
        if (message.type === 'progress') return onProgress(message.progress);
        finish();
        if (message.type === 'failed') reject(errorOf(message));
        else resolve(message);
      },
      onFailure: reject,
    };
    // The bytes move to the worker without a copy; the caller does not use them again.
    t.worker.postMessage(job, transferList(job.source.bytes));
  });
}

/** `import.progress` events of one job, for the panel's progress bar. */
function progressOf(ctx: Pick<BackendContext, 'emit'>, jobId: string): (p: JobProgress) => void {
  return (p) => ctx.emit('import.progress', { jobId, phase: p.phase, done: p.done, total: p.total });
}

/**
 * transactions.previewImport on the worker: what importing the file would do, nothing written;
 * with `jobId`, `import.progress` events while the file is read and checked.
 */
export function previewInWorker(
  source: ImportSource,
  options: TransactionImportOptions,
  ctx: Pick<BackendContext, 'databaseFile' | 'today' | 'emit'>,
  jobId?: string,
): Promise<ImportPreview> {
  const progress = jobId === undefined ? () => undefined : progressOf(ctx, jobId);
  return oneAtATime(async () => {
    const job: TransactionJob = { kind: 'preview', databaseFile: ctx.databaseFile, today: ctx.today(), source, options };
    const message = await runInWorker(job, progress);
    if (message.type !== 'previewed') throw new Error(`transaction import worker: answered a preview with '${message.type}'`);
    progress({ phase: 'done', done: 1, total: 1 });
    return message.preview;
  });
}

/**
 * transactions.import on the worker: planned and written in one transaction on the worker's
 * connection, all or nothing, with `import.progress` events for `jobId`.
 */
export function importInWorker(
  source: ImportSource,
  options: TransactionImportOptions,
  ctx: Pick<BackendContext, 'databaseFile' | 'today' | 'emit'>,
  jobId: string,
): Promise<ImportOutcome> {
  const progress = progressOf(ctx, jobId);
  progress({ phase: 'reading', done: 0, total: 1 });
  return oneAtATime(async () => {
    const job: TransactionJob = { kind: 'import', databaseFile: ctx.databaseFile, today: ctx.today(), source, options };
    const message = await runInWorker(job, progress);
    if (message.type !== 'imported') throw new Error(`transaction import worker: answered an import with '${message.type}'`);
    const { outcome } = message;
    const n = outcome.added + outcome.cashAdded;
    progress({ phase: 'done', done: n, total: n });
    return outcome;
  });
}
