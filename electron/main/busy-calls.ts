/**
 * The backend calls still running, so quitting can wait for them: closing the
 * database under a running import would drop it (the worker's job ends in "database
 * is not open"). Free of Electron imports so its rules are tested on their own.
 */

/** Calls that take long enough for quitting to ask first: imports, restores, the demo portfolio. */
export function isLongJob(method: string): boolean {
  return /\.(import|restore|previewImport)$/.test(method) || method === 'demo.load';
}

export class BusyCalls {
  private readonly running = new Map<number, string>();
  private nextId = 1;
  private waiters: (() => void)[] = [];

  /** Marks a call as running; the returned function marks it finished. */
  start(method: string): () => void {
    const id = this.nextId++;
    this.running.set(id, method);
    return () => {
      this.running.delete(id);
      if (this.running.size === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  methods(): string[] {
    return [...this.running.values()];
  }

  /** Resolves once no call is running (at once if none is). */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export type QuitStep = 'quit' | 'wait' | 'ask';

/** What quitting does now: go ahead, wait silently for short calls, or ask about a long job. */
export function quitStep(running: readonly string[]): QuitStep {
  if (running.length === 0) return 'quit';
  return running.some(isLongJob) ? 'ask' : 'wait';
}
