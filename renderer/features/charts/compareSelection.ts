import { COMPARE_LIMIT } from '@shared/api/charts';

/**
 * The securities Compare draws after a click on one: a chosen one is removed; another is
 * added at the end while there is room. At the limit nothing changes (the screen says so)
 * rather than dropping the oldest line without a word.
 */
export function toggleCompared(ids: readonly number[], id: number): readonly number[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return ids.length >= COMPARE_LIMIT ? ids : [...ids, id];
}

export const compareFull = (ids: readonly number[]): boolean => ids.length >= COMPARE_LIMIT;
