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
export function pickIndices<T>(points: readonly T[], selected: readonly number[], keepIndices: Iterable<number> = []): T[] {
  return mergeIndices(selected, keepIndices, points.length).map((i) => points[i] as T);
}

/**
 * Union of an ascending selection and extra indices within [0, length), ascending
 * and without repeats. Merges instead of re-sorting the whole selection: that
 * sort was the main cost of chart preparation once markers were added.
 */
export function mergeIndices(ascending: readonly number[], extra: Iterable<number>, length: number): number[] {
  const more = [...extra].filter((i) => Number.isInteger(i) && i >= 0 && i < length).sort((a, b) => a - b);
  const merged: number[] = [];
  let a = 0;
  let b = 0;
  while (a < ascending.length || b < more.length) {
    const next = b >= more.length || (a < ascending.length && (ascending[a] as number) <= (more[b] as number)) ? ascending[a++] : more[b++];
    if (next !== undefined && next !== merged[merged.length - 1]) merged.push(next);
  }
  return merged;
}
