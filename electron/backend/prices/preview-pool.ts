import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { transferList } from '../files/resolve';
import { jobError } from '../jobs/job-thread';
import { endThread } from '../jobs/thread-end';
import { type WorkerJob, type WorkerMessage } from './import-job';
import type { FilePreview } from './preview-job';

/**
 * Price previews on up to two worker threads of their own (the price import worker's script),
 * so a batch of 100 picked files is parsed on both cores instead of one after another behind a
 * single thread. Previews only read (the file, and a remembered mapping on a read-only
 * connection), so they need not wait for each other or for an import. Each thread ends after
 * IDLE_MS without work, its heap going with it, and never keeps the process alive.
 */

/** Idle time after which a preview thread ends: previews come in bursts (a batch of picked files), and its heap is tens of MB. */
const IDLE_MS = 5_000;
const MAX_THREADS = Math.max(1, Math.min(2, availableParallelism()));

type PreviewJob = Extract<WorkerJob, { kind: 'preview' }>;

interface Waiting {
  job: PreviewJob;
  resolve(preview: FilePreview): void;
  reject(error: Error): void;
}

interface PreviewThread {
  worker: Worker;
  idle: ReturnType<typeof setTimeout> | null;
  current: Waiting | null;
}

export function previewPool(spec: () => { script: string; options: WorkerOptions }): { preview(job: PreviewJob): Promise<FilePreview> } {
  const threads = new Set<PreviewThread>();
  const queue: Waiting[] = [];

  const startThread = (): PreviewThread => {
    const { script, options } = spec();
    const t: PreviewThread = { worker: new Worker(script, options), idle: null, current: null };
    const gone = (error: Error): void => {
      threads.delete(t);
      if (t.idle !== null) clearTimeout(t.idle);
      const job = t.current;
      t.current = null;
      job?.reject(error);
      pump();
    };
    t.worker.on('message', (message: WorkerMessage) => {
      const job = t.current;
      if (job === null || message.type === 'progress') return;
      t.current = null;
      if (message.type === 'previewed') job.resolve(message.preview);
      else if (message.type === 'failed') job.reject(jobError(message, 'the price preview worker'));
      else job.reject(new Error(`price preview worker: answered a preview with '${message.type}'`));
      pump();
    });
    t.worker.on('error', gone);
    t.worker.on('exit', (code) => gone(new Error(`the price preview worker stopped (exit code ${code}) before it finished`)));
    threads.add(t);
    return t;
  };

  const rest = (t: PreviewThread): void => {
    t.worker.unref();
    t.idle = setTimeout(() => {
      threads.delete(t);
      endThread(t.worker);
    }, IDLE_MS);
    t.idle.unref();
  };

  function pump(): void {
    for (;;) {
      const next = queue[0];
      if (next === undefined) break;
      let t = [...threads].find((x) => x.current === null);
      if (t === undefined && threads.size < MAX_THREADS) t = startThread();
      if (t === undefined) break;
      queue.shift();
      if (t.idle !== null) clearTimeout(t.idle);
      t.idle = null;
      t.worker.ref();
      t.current = next;
      t.worker.postMessage(next.job, transferList(next.job.bytes));
    }
    for (const t of threads) if (t.current === null && t.idle === null) rest(t);
  }

  return {
    preview(job) {
      return new Promise<FilePreview>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
  };
}
