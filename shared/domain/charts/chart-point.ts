/** The minimal shape the downsamplers need; callers keep their own extra fields. */
export interface XYPoint {
  x: number;
  y: number;
}

/**
 * Adds the indices a caller insists on (points carrying event markers) to a
 * downsampler's selection, so a marker never floats beside the line because its
 * bar was dropped. Returns the points in their original order, without repeats.
 */
export function pickIndices<T>(points: readonly T[], selected: Iterable<number>, keepIndices: Iterable<number> = []): T[] {
  const chosen = new Set<number>();
  for (const i of selected) chosen.add(i);
  for (const i of keepIndices) if (Number.isInteger(i) && i >= 0 && i < points.length) chosen.add(i);
  return [...chosen].sort((a, b) => a - b).map((i) => points[i] as T);
}
