import { toEpochDay, type IsoDate } from '../common/dates';

/**
 * Epoch days of a whole price history, remembered per bars array, so the holdings table and the value series that
 * are computed from the same in-memory history pay for it once.
 */
const cache = new WeakMap<readonly { date: IsoDate }[], Int32Array>();

export function epochDaysOf(bars: readonly { date: IsoDate }[]): Int32Array {
  const cached = cache.get(bars);
  if (cached !== undefined && cached.length === bars.length) return cached;
  const days = new Int32Array(bars.length);
  for (let i = 0; i < bars.length; i++) days[i] = toEpochDay((bars[i] as { date: IsoDate }).date);
  cache.set(bars, days);
  return days;
}

const closesCache = new WeakMap<readonly { close: number }[], Float64Array>();

/** The closes of a history as a typed array, remembered per bars array like `epochDaysOf`. */
export function closesOf(bars: readonly { close: number }[]): Float64Array {
  const cached = closesCache.get(bars);
  if (cached !== undefined && cached.length === bars.length) return cached;
  // A plain loop: Float64Array.from with a mapping function walks an iterator, some ten times slower.
  const closes = new Float64Array(bars.length);
  for (let i = 0; i < bars.length; i++) closes[i] = (bars[i] as { close: number }).close;
  closesCache.set(bars, closes);
  return closes;
}

/**
 * A reader that already has a history's days and closes as numbers (the database stores epoch days)
 * hands them over with the bars, so they are not parsed back from the date strings.
 */
export function rememberColumns(bars: readonly { date: IsoDate; close: number }[], days: Int32Array, closes: Float64Array): void {
  if (days.length !== bars.length || closes.length !== bars.length) return;
  cache.set(bars, days);
  closesCache.set(bars, closes);
}
