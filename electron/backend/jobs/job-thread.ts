import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { AppError, ERROR_CODES, appErrorFromJson, type ApiError } from '@shared/domain/common/errors';
import { endThread } from './thread-end';
import { locateWorker } from './worker-script';

/**
 * One worker thread for one kind of job (the price, transaction and news imports each keep
 * one): started on the first job, one job at a time, unref'd between jobs and ended
 * after `idleMs` without work. A job is one message to the worker; the worker answers with any
 * number of messages and ends the job with one whose type is in `finalTypes`.
 */

/** A job's failure as it crosses the thread boundary: AppErrors keep code, message and details. */
export interface JobFailed {
  type: 'failed';
  error: ApiError;
  appError: boolean;
}

export function jobFailure(error: unknown): JobFailed {
  if (error instanceof AppError) return { type: 'failed', error: error.toJSON(), appError: true };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { type: 'failed', error: { code: 'INTERNAL', message }, appError: false };
}

/** The host's side of a failure: an AppError again (same code, message, details), or a plain Error for the router to log. */
export function jobError(failed: JobFailed, workerName: string): Error {
  const { error } = failed;
  if (failed.appError && (ERROR_CODES as readonly string[]).includes(error.code)) return appErrorFromJson(error);
  return new Error(`${workerName}: ${error.message}`);
}

export interface JobThreadSpec {
  /** The importing module's import.meta.url, to find the worker beside it. */
  callerUrl: string;
  /** The worker's built entry (electron.vite.config.ts) and its source file beside the caller. */
  builtName: string;
  sourceName: string;
  /** How the thread is named in errors ('the news import worker'). */
  name: string;
  resourceLimits?: ResourceLimits;
  idleMs?: number;
}

export interface JobThread<Job, Message extends { type: string }> {
  /**
   * Runs one job after the ones before it; `onMessage` sees every message the worker sends for it,
   * the promise settles with the final one (or rejects with a 'failed' one as an error).
   */
  run(job: Job, transfer: ArrayBuffer[], onMessage: (message: Message) => void): Promise<Message>;
  /**
   * Starts the thread if it is not running, so it loads its code while the caller still prepares a job (a
   * 30 MB upload's base64 decoded: the worker is ready when it is, not 60 ms later). Until a job comes it
   * waits as between jobs: unref'd, ended after `idleMs`.
   */
  warm(): void;
  /** Runs jobs on a built worker script even from source, as the bench does. */
  useBuilt(script: string): void;
}

/** How long a thread without work waits before it ends, unless its spec says otherwise. */
export const JOB_THREAD_IDLE_MS = 30_000;

export function jobThread<Job, Message extends { type: string }>(spec: JobThreadSpec, finalTypes: readonly Message['type'][]): JobThread<Job, Message> {
  const idleMs = spec.idleMs ?? JOB_THREAD_IDLE_MS;
  let builtOverride: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  interface Thread {
    worker: Worker;
    idle: ReturnType<typeof setTimeout> | null;
    current: { onMessage(message: Message | JobFailed): void; onFailure(error: Error): void } | null;
  }
  let thread: Thread | null = null;

  // A built script is plain JavaScript: it starts without the host's loader flags. The bench runs under tsx, whose
  // --import a worker would otherwise inherit and load first (a third of a second before the job starts, as in no
  // app: Electron's main process has no such flags).
  const workerSpec = (): { script: string; options: WorkerOptions } =>
    builtOverride !== null ? { script: builtOverride, options: { execArgv: [] } } : locateWorker(spec.callerUrl, spec.builtName, spec.sourceName);

  const start = (): Thread => {
    if (thread !== null) return thread;
    const { script, options } = workerSpec();
    const t: Thread = { worker: new Worker(script, { ...options, ...(spec.resourceLimits ? { resourceLimits: spec.resourceLimits } : {}) }), idle: null, current: null };
    const gone = (error: Error): void => {
      if (thread === t) thread = null;
      if (t.idle !== null) clearTimeout(t.idle);
      const job = t.current;
      t.current = null;
      job?.onFailure(error);
    };
    t.worker.on('message', (message: Message | JobFailed) => t.current?.onMessage(message));
    t.worker.on('error', gone);
    t.worker.on('exit', (code) => gone(new Error(`${spec.name} stopped (exit code ${code}) before it finished`)));
    thread = t;
    return t;
  };

  /** Between jobs: the thread keeps no process alive and ends after `idleMs` without work. */
  const idle = (t: Thread): void => {
    t.worker.unref();
    t.idle = setTimeout(() => {
      if (thread === t) thread = null;
      endThread(t.worker);
    }, idleMs);
    t.idle.unref();
  };

  const runNow = (job: Job, transfer: ArrayBuffer[], onMessage: (message: Message) => void): Promise<Message> => {
    const t = start();
    if (t.idle !== null) clearTimeout(t.idle);
    t.idle = null;
    t.worker.ref();
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        t.current = null;
        idle(t);
      };
      t.current = {
        onMessage(message) {
          if (message.type === 'failed') {
            finish();
            reject(jobError(message as JobFailed, spec.name));
            return;
          }
          const m = message as Message;
          onMessage(m);
          if ((finalTypes as readonly string[]).includes(m.type)) {
            finish();
            resolve(m);
          }
        },
        onFailure: reject,
      };
      t.worker.postMessage(job, transfer);
    });
  };

  return {
    run(job, transfer, onMessage) {
      const run = queue.then(
        () => runNow(job, transfer, onMessage),
        () => runNow(job, transfer, onMessage),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    warm() {
      if (thread === null) idle(start());
    },
    useBuilt(script) {
      builtOverride = script;
    },
  };
}
