/**
 * What the Portfolio tab's small charts draw when there are many holdings: a donut of a hundred
 * slivers and a 4,000-pixel bar chart are neither readable nor quick to build (recharts laid them
 * out in over a second). The table under them still lists every holding.
 */

/** Slices of the allocation donut: the `limit - 1` largest, and the rest (drawn as one "other" slice); none left over when all fit. */
export function allocationSlices<T>(items: readonly T[], value: (item: T) => number, limit: number): { shown: T[]; rest: T[] } {
  if (items.length <= limit) return { shown: [...items], rest: [] };
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  return { shown: sorted.slice(0, limit - 1), rest: sorted.slice(limit - 1) };
}

/** The P&L bars: the `limit` holdings with the largest gain or loss either way, in their given order. */
export function largestMoves<T>(items: readonly T[], pnl: (item: T) => number, limit: number): T[] {
  if (items.length <= limit) return [...items];
  const keep = new Set([...items].sort((a, b) => Math.abs(pnl(b)) - Math.abs(pnl(a))).slice(0, limit));
  return items.filter((item) => keep.has(item));
}
