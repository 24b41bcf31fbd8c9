import type { IsoDate } from '../common/dates';
import { localizedError } from '../common/errors';
import { firstIndexOnOrAfter } from './sorted-search';

export interface ClosePoint {
  date: IsoDate;
  close: number;
}

/** `change` is a fraction of the start close: 0.05 means +5 %, the start itself is 0. */
export type NormalizedPoint<T extends ClosePoint> = T & { change: number };

/**
 * Rebases a series to its first visible close, for the compare view where
 * securities with very different prices share one axis. `start` is either an
 * index into `series` or a date: with a date, a series that has no bar on that
 * day (other exchange's holiday, listed later) starts at its first bar after it,
 * so every line in the view begins at 0 %. Points before the start are dropped.
 */
export function normalizeToPercent<T extends ClosePoint>(
  series: readonly T[],
  start: number | IsoDate,
): NormalizedPoint<T>[] {
  if (typeof start === 'number' && (!Number.isInteger(start) || start < 0)) {
    throw localizedError('VALIDATION', 'errors:charts.startNotBar', undefined, { field: 'start', value: start });
  }
  const startIndex = typeof start === 'number' ? start : firstIndexOnOrAfter(series, start);
  const first = series[startIndex];
  if (first === undefined) return [];
  if (!(first.close > 0)) {
    throw localizedError('VALIDATION', 'errors:charts.closeNotPositive', { date: first.date }, {
      field: 'close',
      date: first.date,
      value: first.close,
    });
  }
  const result: NormalizedPoint<T>[] = [];
  for (let i = startIndex; i < series.length; i++) {
    const point = series[i] as T;
    result.push({ ...point, change: point.close / first.close - 1 });
  }
  return result;
}
