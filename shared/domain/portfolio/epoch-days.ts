import type { IsoDate } from '../common/dates';

/**
 * Epoch days of a whole price history. The shared `toEpochDay` builds a Date per call,
 * which is fine for single dates but dominates the run time for 100 securities × 20 years
 * of bars; this reads the digits directly (days-from-civil, proleptic Gregorian) and
 * remembers the result per bars array, so the holdings table and the value series that
 * are computed from the same in-memory history pay for it once.
 */
const cache = new WeakMap<readonly { date: IsoDate }[], Int32Array>();

export function epochDaysOf(bars: readonly { date: IsoDate }[]): Int32Array {
  const cached = cache.get(bars);
  if (cached !== undefined && cached.length === bars.length) return cached;
  const days = new Int32Array(bars.length);
  for (let i = 0; i < bars.length; i++) days[i] = fastEpochDay((bars[i] as { date: IsoDate }).date);
  cache.set(bars, days);
  return days;
}

/** Same result as `toEpochDay` for valid 'YYYY-MM-DD' strings. */
export function fastEpochDay(date: IsoDate): number {
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * Same result as `fromEpochDay` (civil-from-days), without building a Date: the value series
 * labels thousands of days at once.
 */
export function fastIsoDate(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const closesCache = new WeakMap<readonly { close: number }[], Float64Array>();

/** The closes of a history as a typed array, remembered per bars array like `epochDaysOf`. */
export function closesOf(bars: readonly { close: number }[]): Float64Array {
  const cached = closesCache.get(bars);
  if (cached !== undefined && cached.length === bars.length) return cached;
  const closes = Float64Array.from(bars, (b) => b.close);
  closesCache.set(bars, closes);
  return closes;
}
