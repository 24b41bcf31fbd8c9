/**
 * A missing or unusable number as null, the way the API and SQL spell it: NaN in typed
 * arrays, undefined past their end, and ±Infinity (JSON would turn it into null anyway,
 * silently; a money figure that overflowed is not a figure).
 */
export function orNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}
