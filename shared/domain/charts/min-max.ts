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
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  points.forEach((p, i) => {
    xs[i] = p.x;
    ys[i] = p.y;
  });
  return minMaxIndicesXY(xs, ys, pixelColumns);
}

/**
 * The same selection over parallel coordinate arrays, for callers that hold
 * thousands of bars and should not build a point object for each.
 */
export function minMaxIndicesXY(xs: ArrayLike<number>, ys: ArrayLike<number>, pixelColumns: number): number[] {
  const n = Math.min(xs.length, ys.length);
  const columns = Math.max(1, Math.floor(pixelColumns));
  // Up to first, last and two per column: below that nothing would be dropped.
  if (n <= columns * 2 + 2) return Array.from({ length: n }, (_, i) => i);

  const x0 = xs[0] as number;
  const span = (xs[n - 1] as number) - x0;
  const selected: number[] = [0];

  let column = -1;
  let minIndex = -1;
  let maxIndex = -1;
  let minY = 0;
  let maxY = 0;
  const flush = (): void => {
    if (minIndex === -1) return;
    // Keep x order so the line is drawn left to right.
    if (minIndex === maxIndex) selected.push(minIndex);
    else if (minIndex < maxIndex) selected.push(minIndex, maxIndex);
    else selected.push(maxIndex, minIndex);
  };

  for (let i = 1; i < n - 1; i++) {
    const y = ys[i] as number;
    const c = span > 0 ? Math.min(columns - 1, Math.floor((((xs[i] as number) - x0) / span) * columns)) : 0;
    if (c !== column) {
      flush();
      column = c;
      minIndex = maxIndex = i;
      minY = maxY = y;
    } else if (y < minY) {
      minIndex = i;
      minY = y;
    } else if (y > maxY) {
      maxIndex = i;
      maxY = y;
    }
  }
  flush();
  selected.push(n - 1);
  return selected;
}
