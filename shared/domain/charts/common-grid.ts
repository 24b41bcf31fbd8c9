import { mergeIndices } from './chart-point';

/**
 * Row selection for a chart of several series that share one x axis (the
 * compare view): downsampling each series on its own would pick different days
 * per series and the union would hold nearly every day again. Here the rows
 * are split into `maxRows / 2` columns; each column keeps its first row and the
 * row where any series strays furthest from that first row, so spikes in any
 * line survive. Rows in `keepIndices` (news markers) are always kept.
 * `values[row][series]` may be null where a series has no bar that day.
 */
export function commonGridIndices(values: readonly (readonly (number | null)[])[], maxRows: number, keepIndices: Iterable<number> = []): number[] {
  const n = values.length;
  if (n <= maxRows) return mergeIndices(Array.from({ length: n }, (_, i) => i), keepIndices, n);
  const columns = Math.max(1, Math.floor(maxRows / 2));
  const selected: number[] = [];
  for (let c = 0; c < columns; c++) {
    const start = Math.floor((c * n) / columns);
    const end = Math.floor(((c + 1) * n) / columns);
    if (start >= end) continue;
    const first = values[start] as readonly (number | null)[];
    let best = -1;
    let bestIndex = -1;
    for (let i = start + 1; i < end; i++) {
      const row = values[i] as readonly (number | null)[];
      for (let s = 0; s < row.length; s++) {
        const v = row[s];
        const f = first[s];
        if (v === null || v === undefined || f === null || f === undefined) continue;
        const d = Math.abs(v - f);
        if (d > best) {
          best = d;
          bestIndex = i;
        }
      }
    }
    selected.push(start);
    if (bestIndex > start) selected.push(bestIndex);
  }
  if (selected[selected.length - 1] !== n - 1) selected.push(n - 1);
  return mergeIndices(selected, keepIndices, n);
}
