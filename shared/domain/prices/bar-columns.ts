/**
 * Daily bars of one security, oldest first, as parallel typed arrays (`day` in
 * epoch days). A missing value is NaN: a million bars fit in eight flat arrays,
 * and SQLite stores a bound NaN as NULL, so they can be written as they are.
 */
export interface BarColumns {
  length: number;
  day: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
}

export function allocateBarColumns(n: number): BarColumns {
  return {
    length: n,
    day: new Int32Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
  };
}
