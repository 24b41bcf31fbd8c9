import { toEpochDay, type IsoDate } from '../common/dates';
import { lowerBound } from './sorted-search';

/**
 * The bar closest in time to `epochDay`, for exact hover values: the chart shows
 * downsampled points, but the tooltip must show the real bar under the cursor.
 * On a tie (cursor exactly between two bars) the earlier bar wins, because the
 * later one had not happened yet at that moment. Null only for an empty series.
 */
export function nearestBar<T extends { date: IsoDate }>(bars: readonly T[], epochDay: number): T | null {
  const index = nearestBarIndex(bars, epochDay);
  return index === -1 ? null : (bars[index] ?? null);
}

export function nearestBarIndex(bars: readonly { date: IsoDate }[], epochDay: number): number {
  if (bars.length === 0) return -1;
  const dayOf = (i: number): number => toEpochDay((bars[i] as { date: IsoDate }).date);
  const after = lowerBound(bars.length, (i) => dayOf(i) < epochDay);
  if (after === 0) return 0;
  if (after === bars.length) return bars.length - 1;
  const before = after - 1;
  return epochDay - dayOf(before) <= dayOf(after) - epochDay ? before : after;
}
