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

function collector(): Collect | null {
  if (collect === undefined) collect = memoryReducingCollector();
  return collect;
}

/** The gc function of a fresh context, if V8's flags already expose one. */
function exposedCollector(): Collect | null {
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
  return typeof gc === 'function' ? (gc as Collect) : null;
}

function memoryReducingCollector(): Collect | null {
  try {
    const found = exposedCollector();
    if (found !== null) return found;
    setFlagsFromString('--expose-gc');
    return exposedCollector();
  } catch {
    return null;
  }
}

/**
 * Whether releaseUnusedMemory can work here. The first call sets the flag; the backend calls it on its main thread at
 * start, so the worker threads it starts later find the function without touching V8's process-wide flags themselves.
 */
export function canReleaseMemory(): boolean {
  return collector() !== null;
}

/**
 * Runs one memory-reducing collection on the calling thread (it blocks the thread for 0.1–0.2 s, so callers run it
 * only when idle). Returns false where V8 offers no such collection; nothing else changes then.
 */
export function releaseUnusedMemory(): boolean {
  const gc = collector();
  if (gc === null) return false;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}
