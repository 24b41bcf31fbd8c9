import { releaseUnusedMemory } from './release-memory';

/**
 * Runs `release` once the backend has had no call in flight for `afterMs`: once per busy spell, never during one.
 * A call that arrives later starts a new spell. The timer keeps no process alive.
 */
export interface IdleRelease {
  /** Wraps one call: the spell is busy until it settles. */
  track<T>(call: () => Promise<T>): Promise<T>;
  /** Stops the timer (the backend closes). */
  stop(): void;
}

/**
 * Long enough that a user reading a chart between two clicks is not idle: the collection takes 0.1–0.2 s, and the young
 * generation it shrinks regrows over the next few calls (a 60 ms call reads ~100 ms twice, then 60 again); short enough
 * that memory goes back soon after the work.
 */
export const IDLE_RELEASE_MS = 20_000;

export function idleRelease(afterMs = IDLE_RELEASE_MS, release: () => void = releaseUnusedMemory): IdleRelease {
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const settle = (): void => {
    inFlight -= 1;
    if (inFlight > 0) return;
    cancel();
    timer = setTimeout(() => {
      timer = null;
      if (inFlight === 0) release();
    }, afterMs);
    timer.unref();
  };
  return {
    track<T>(call: () => Promise<T>): Promise<T> {
      inFlight += 1;
      cancel();
      let running: Promise<T>;
      try {
        running = call();
      } catch (error) {
        settle();
        throw error;
      }
      return running.finally(settle);
    },
    stop: cancel,
  };
}
