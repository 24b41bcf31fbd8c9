import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportSummary, PriceFileMapping, PriceImportOptions } from '@shared/api/prices';
import type { BackendContext } from '../context';
import { transferList, type ResolvedFile } from '../files/resolve';
import { locateWorker } from '../jobs/worker-script';
import { requireSecurity } from '../securities/store';
import { errorFromMessage, type ImportJob, type JobProgress, type WorkerJob, type WorkerMessage } from './import-job';
import type { FilePreview } from './preview-job';
import { previewPool } from './preview-pool';

/**
 * Jobs run one at a time: each import holds the write lock of its own connection until it
 * commits, and the one worker serves one import at a time (previews have threads of their own).
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

let builtScriptOverride: string | null = null;

/**
 * Runs imports on a built worker (out/main/price-import-worker.js) even from source:
 * the bench measures the code that ships, without tsx compiling the worker.
 */
export function useBuiltImportWorker(script: string): void {
  builtScriptOverride = script;
}

function workerSpec(): { script: string; options: WorkerOptions } {
  if (builtScriptOverride !== null) return { script: builtScriptOverride, options: {} };
  return locateWorker(import.meta.url, 'price-import-worker.js', 'import-worker.ts');
}

/** The preview threads (see preview-pool.ts). */
const previews = previewPool(workerSpec);

/** Idle time after which the worker ends (its heap goes with it); the next import starts a new one. */
const IDLE_MS = 30_000;

interface ImportThread {
  worker: Worker;
  idle: ReturnType<typeof setTimeout> | null;
  /** The running job's handlers, or null between jobs. */
  current: { onMessage(message: WorkerMessage): void; onFailure(error: Error): void } | null;
}

/**
 * One worker serves every import of the process, one job at a time (oneAtATime), so its
 * start-up (~50 ms built, ~0.5 s through tsx) is paid once. Between jobs it is unref'd —
 * it never keeps the process alive — and it ends after IDLE_MS without work.
 */
let thread: ImportThread | null = null;

function importThread(): ImportThread {
  if (thread !== null) return thread;
  const { script, options } = workerSpec();
  const t: ImportThread = { worker: new Worker(script, options), idle: null, current: null };
  const gone = (error: Error): void => {
    if (thread === t) thread = null;
    if (t.idle !== null) clearTimeout(t.idle);
    const job = t.current;
    t.current = null;
    job?.onFailure(error);
  };
  t.worker.on('message', (message: WorkerMessage) => t.current?.onMessage(message));
  t.worker.on('error', gone);
  t.worker.on('exit', (code) => gone(new Error(`the price import worker stopped (exit code ${code}) before it finished`)));
  thread = t;
  return t;
}

/** The message that ends a job successfully. */
type ResultMessage = Extract<WorkerMessage, { type: 'done' | 'previewed' }>;

/**
 * Runs one job on the import thread; progress arrives as messages, the result as the last
 * one, which `take` turns into the job's value (it throws on the wrong kind of result).
 */
function runInWorker<T>(job: WorkerJob, onProgress: (p: JobProgress) => void, take: (message: ResultMessage) => T): Promise<T> {
  const t = importThread();
  if (t.idle !== null) clearTimeout(t.idle);
  t.idle = null;
  t.worker.ref();
  return new Promise<T>((resolve, reject) => {
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
        if (message.type === 'failed') return reject(errorFromMessage(message));
        try {
          resolve(take(message));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      onFailure: reject,
    };
    t.worker.postMessage(job, transferList(job.bytes));
  });
}

/**
 * prices.import: the confirmed mapping applied to the file, rejected rows refused or
 * skipped, the result merged into the stored series in one transaction. The work runs
 * in a worker thread on its own connection (import-job.ts), so the main process —
 * window, menus, IPC — stays responsive while the main connection keeps reading the
 * last committed state. Errors keep their AppError code across the thread boundary.
 */
export async function importPrices(options: PriceImportOptions, file: ResolvedFile, ctx: BackendContext): Promise<ImportSummary> {
  const { jobId: requestedJobId, securityId, mapping, acceptValidRowsOnly, aggregateIntraday, rememberMapping } = options;
  const jobId = requestedJobId ?? `prices-${Date.now()}`;
  const progress = (phase: string, done: number, total: number): void => ctx.emit('import.progress', { jobId, phase, done, total });

  requireSecurity(ctx.db, securityId);
  progress('reading', 0, 1);
  const input: ImportJob['input'] = { fileName: file.fileName, securityId, mapping, acceptValidRowsOnly, aggregateIntraday, rememberMapping };
  return oneAtATime(async () => {
    const job: WorkerJob = { kind: 'import', databaseFile: ctx.databaseFile, input, bytes: file.bytes };
    const summary = await runInWorker(job, (p) => progress(p.phase, p.done, p.total), (message) => {
      if (message.type !== 'done') throw new Error(`price import worker: answered an import with '${message.type}'`);
      return message.summary;
    });
    progress('done', summary.added + summary.updated + summary.unchanged, summary.added + summary.updated + summary.unchanged);
    return summary;
  });
}

/**
 * The heavy part of prices.preview — decode, detect, parse the whole file — on the import
 * thread (preview-job.ts), so a large file never stalls the main process. Previews run on
 * threads of their own, two at a time (preview-pool.ts), beside a running import.
 */
export function previewPriceFile(file: ResolvedFile, mapping: PriceFileMapping | undefined, databaseFile: string): Promise<FilePreview> {
  return previews.preview({ kind: 'preview', databaseFile, fileName: file.fileName, mapping: mapping ?? null, bytes: file.bytes });
}
