/**
 * Binary searches over arrays sorted ascending. Price series run to thousands of
 * bars and hover/anchoring look-ups happen on every mouse move, so a linear scan
 * per look-up is not acceptable.
 */

/**
 * First index in [0, length) for which `isBeforeTarget(i)` is false, or `length`
 * when every element lies before the target. `isBeforeTarget` must be true for a
 * prefix of the array and false for the rest.
 */
export function lowerBound(length: number, isBeforeTarget: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBeforeTarget(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose date is on or after `date`, or `items.length`. */
export function firstIndexOnOrAfter(items: readonly { date: string }[], date: string): number {
  return lowerBound(items.length, (i) => (items[i] as { date: string }).date < date);
}

/** Index of the last element whose date is on or before `date`, or -1. */
export function lastIndexOnOrBefore(items: readonly { date: string }[], date: string): number {
  return lowerBound(items.length, (i) => (items[i] as { date: string }).date <= date) - 1;
}
