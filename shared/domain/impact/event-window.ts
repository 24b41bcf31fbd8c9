import type { IsoDate } from '../common/dates';
import { firstIndexOnOrAfter } from '../charts/sorted-search';

/** One bar of a small multiple: `offset` trading days from the event session (0). */
export interface EventWindowPoint {
  offset: number;
  date: IsoDate;
  close: number;
  /** Fraction of the base close: 0 at the close before the event (offset −1). */
  change: number;
}

export interface EventWindowSeries {
  securityId: number;
  sessionDate: IsoDate | null;
  baseDate: IsoDate | null;
  baseClose: number | null;
  /** Offsets −before..+after; shorter at the edges of the price history. */
  points: EventWindowPoint[];
  missing: 'no-session' | 'no-prior-session' | 'invalid-price' | null;
}

export interface LinkedSecurityBars {
  securityId: number;
  /** The event's session on this security's exchange (see anchorEvent). */
  sessionDate: IsoDate | null;
  /** Sorted ascending. */
  bars: readonly { date: IsoDate; close: number }[];
}

export interface EventWindowOptions {
  before?: number;
  after?: number;
}

/**
 * Small-multiple series around one event, one per linked security. The x axis
 * counts trading days, not calendar days, so a Hong Kong and a New York listing
 * line up session by session despite different holidays; the date is kept for
 * the tooltip. Everything is rebased to the close before the event, the price
 * that could not yet know the news, so the lines show what the event added.
 */
export function buildEventWindow(
  linked: readonly LinkedSecurityBars[],
  { before = 5, after = 10 }: EventWindowOptions = {},
): EventWindowSeries[] {
  return linked.map((security) => windowFor(security, before, after));
}

function windowFor(security: LinkedSecurityBars, before: number, after: number): EventWindowSeries {
  const { securityId, sessionDate, bars } = security;
  const empty = { securityId, sessionDate, baseDate: null, baseClose: null, points: [] };
  if (sessionDate === null) return { ...empty, missing: 'no-session' };
  const sessionIndex = firstIndexOnOrAfter(bars, sessionDate);
  if (bars[sessionIndex]?.date !== sessionDate) return { ...empty, missing: 'no-session' };
  const base = bars[sessionIndex - 1];
  if (base === undefined) return { ...empty, missing: 'no-prior-session' };
  if (!(base.close > 0)) return { ...empty, baseDate: base.date, missing: 'invalid-price' };

  const points: EventWindowPoint[] = [];
  for (let offset = -before; offset <= after; offset++) {
    const bar = bars[sessionIndex + offset];
    if (bar === undefined) continue;
    points.push({ offset, date: bar.date, close: bar.close, change: bar.close / base.close - 1 });
  }
  return { securityId, sessionDate, baseDate: base.date, baseClose: base.close, points, missing: null };
}
