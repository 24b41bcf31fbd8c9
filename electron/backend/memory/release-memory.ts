import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives the system back the memory a burst of work left inside V8 (issue 19: the backend's memory once idle).
 *
 * V8 keeps what it grew to: after an import or a portfolio read the young generation stays at its grown size
 * (128 MB here) though empty, and the heap pages of a worker thread that ends are kept resident by the process
 * for reuse. Ordinary collections return neither. V8's memory-reducing collection (the one it runs itself under
 * memory pressure) shrinks the young generation to its start size and uncommits free pages; run by a worker
 * just before it ends, it frees that worker's heap. Measured with Node 24 (V8 13.6): a process grown to 349 MB
 * reads 61 MB after it, and an ended worker that had 217 MB of heap pages leaves 8 MB instead.
 *
 * Node reaches that collection only through the `gc` function of `--expose-gc`. The flag can be set while running
 * (Node, and Electron's main process, which leaves V8's flags unfrozen for Node), and only a context created
 * afterwards gets the function, so one fresh vm context provides it and the app's own global scope never has a `gc`.
 */

interface GcOptions {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}
type Collect = (options: GcOptions) => void;

let collect: Collect | null | undefined;

function memoryReducingCollector(): Collect | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    return typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    return null;
  }
}

/**
 * Runs one memory-reducing collection on the calling thread (it blocks the thread for tens of milliseconds, so
 * callers run it only when idle). Returns false where V8 offers no such collection; nothing else changes then.
 */
export function releaseUnusedMemory(): boolean {
  if (collect === undefined) collect = memoryReducingCollector();
  if (collect === null) return false;
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}
