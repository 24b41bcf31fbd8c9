import { MAX_DISCARDED_AT_ONCE } from '@shared/api/file-limits';

/**
 * The staged files a window holds: staged by it and not discarded yet. Its import cards are the
 * only ones that know these ids, so when the window is left (reloaded or closed) nobody can name
 * them again, and without a word from the leaving page they would wait in the backend's memory for
 * STAGED_FILE_IDLE_MS (30 minutes; each run of the UI bench left ~32 MB of price and transaction files
 * that way, and a long session as many as it reloaded). Files the backend already let go (imported)
 * may still be listed: discarding them again is a no-op.
 */
export interface HeldFiles {
  staged(stagedId: string): void;
  discarded(stagedId: string): void;
  /** Sends every held id to `send` in calls of at most MAX_DISCARDED_AT_ONCE, and forgets them. */
  releaseAll(): void;
  readonly count: number;
}

export function heldFiles(send: (stagedIds: string[]) => void): HeldFiles {
  const ids = new Set<string>();
  return {
    staged: (id) => void ids.add(id),
    discarded: (id) => void ids.delete(id),
    releaseAll() {
      const all = [...ids];
      ids.clear();
      for (let i = 0; i < all.length; i += MAX_DISCARDED_AT_ONCE) send(all.slice(i, i + MAX_DISCARDED_AT_ONCE));
    },
    get count() {
      return ids.size;
    },
  };
}
