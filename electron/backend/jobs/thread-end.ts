import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import { releaseUnusedMemory } from '../memory/release-memory';

/**
 * How an idle job thread ends. Terminated from outside, a worker leaves its heap's pages resident in the process
 * (V8 keeps them for reuse: 40–55 MB per import thread after the UI bench, 217 MB after a synthetic 1.5 M-object job). Asked to
 * end, it first runs a memory-reducing collection on its own heap, which gives those pages back, then closes its
 * port so the thread finishes by itself.
 */

/** The message that asks a job thread to end; no job is a bare string. */
export const END_OF_WORK = 'end-of-work';

/** How long the host waits for an asked thread to end before it terminates it (the collection takes well under a second). */
const END_GRACE_MS = 5_000;

/** Host side: ask `worker` to end; it is terminated if it has not ended within `graceMs`. */
export function endThread(worker: Worker, graceMs = END_GRACE_MS): void {
  const fallback = setTimeout(() => void worker.terminate(), graceMs);
  fallback.unref();
  worker.once('exit', () => clearTimeout(fallback));
  worker.postMessage(END_OF_WORK);
}

/** Worker side: the thread's port; `where` names the script in the error when it is run outside a worker. */
export function jobPort(where: string): MessagePort {
  if (parentPort === null) throw new Error(`${where} runs only as a worker thread`);
  return parentPort;
}

/** Worker side: hands every job to `handle` until the host sends END_OF_WORK. */
export function serveJobs<Job>(port: MessagePort, handle: (job: Job) => void): void {
  port.on('message', (message: Job | typeof END_OF_WORK) => {
    if (message === END_OF_WORK) {
      releaseUnusedMemory();
      port.close();
      return;
    }
    handle(message);
  });
}
