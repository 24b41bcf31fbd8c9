import { pickIndices, type XYPoint } from './chart-point';

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps the points that shape
 * the line as the eye sees it. Used where the visual shape matters more than the
 * exact extremes (compare view, small multiples). The first and last points are
 * always kept. With `keepIndices` the result can hold up to
 * `threshold + keepIndices.length` points.
 */
export function downsampleLttb<T extends XYPoint>(
  points: readonly T[],
  threshold: number,
  keepIndices: Iterable<number> = [],
): T[] {
  return pickIndices(points, lttbIndices(points, threshold), keepIndices);
}

export function lttbIndices(points: readonly XYPoint[], threshold: number): number[] {
  const n = points.length;
  if (threshold >= n) return points.map((_, i) => i);
  if (n === 0) return [];
  if (threshold <= 2) return n === 1 ? [0] : [0, n - 1];

  const at = (i: number): XYPoint => points[i] as XYPoint;
  // The first and last points are fixed, the middle n-2 are split into threshold-2 buckets.
  const bucketSize = (n - 2) / (threshold - 2);
  const selected: number[] = [0];
  let anchor = 0;

  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;

    // The third triangle corner is the average of the next bucket (or the last point).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += at(i).x;
      avgY += at(i).y;
    }
    const count = nextEnd - nextStart;
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    } else {
      avgX = at(n - 1).x;
      avgY = at(n - 1).y;
    }

    const a = at(anchor);
    let bestArea = -1;
    let best = start;
    for (let i = start; i < end; i++) {
      const p = at(i);
      // Twice the triangle area; the factor does not change which point wins.
      const area = Math.abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    selected.push(best);
    anchor = best;
  }

  selected.push(n - 1);
  return selected;
}
