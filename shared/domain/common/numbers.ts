/** A missing number (NaN in typed arrays, undefined past their end) as null, the way the API and SQL spell it. */
export function orNull(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}
