import { pickIndices, type XYPoint } from './chart-point';

/**
 * Min/max per pixel column: a price line drawn from these points looks exactly
 * like the full series, because within one pixel column only the highest and
 * lowest values are visible. Unlike LTTB it never hides a spike, which matters
 * when a news marker sits on a crash day. Columns split the x range evenly (x is
 * time, so gaps such as holidays stay gaps). First and last points are always
 * kept, and so are `keepIndices`.
 */
export function downsampleMinMax<T extends XYPoint>(
  points: readonly T[],
  pixelColumns: number,
  keepIndices: Iterable<number> = [],
): T[] {
  return pickIndices(points, minMaxIndices(points, pixelColumns), keepIndices);
}

export function minMaxIndices(points: readonly XYPoint[], pixelColumns: number): number[] {
  const n = points.length;
  const columns = Math.max(1, Math.floor(pixelColumns));
  // Up to first, last and two per column: below that nothing would be dropped.
  if (n <= columns * 2 + 2) return points.map((_, i) => i);

  const at = (i: number): XYPoint => points[i] as XYPoint;
  const x0 = at(0).x;
  const span = at(n - 1).x - x0;
  const selected: number[] = [0];

  let column = -1;
  let minIndex = -1;
  let maxIndex = -1;
  const flush = (): void => {
    if (minIndex === -1) return;
    // Keep x order so the line is drawn left to right.
    if (minIndex === maxIndex) selected.push(minIndex);
    else if (minIndex < maxIndex) selected.push(minIndex, maxIndex);
    else selected.push(maxIndex, minIndex);
  };

  for (let i = 1; i < n - 1; i++) {
    const p = at(i);
    const c = span > 0 ? Math.min(columns - 1, Math.floor(((p.x - x0) / span) * columns)) : 0;
    if (c !== column) {
      flush();
      column = c;
      minIndex = i;
      maxIndex = i;
      continue;
    }
    if (p.y < at(minIndex).y) minIndex = i;
    if (p.y > at(maxIndex).y) maxIndex = i;
  }
  flush();
  selected.push(n - 1);
  return selected;
}
