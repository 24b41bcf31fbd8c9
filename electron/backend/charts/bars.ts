import type { DatabaseSync } from 'node:sqlite';
import { fromEpochDay, toEpochDay, type IsoDate } from '@shared/domain/common/dates';
import type { PriceAdjustment, PriceSeries } from '@shared/domain/portfolio/price-series';
import type { PriceBar } from '@shared/domain/securities/security';
import { recordSeries } from '../prices/series';

/**
 * Plain SQL over price_bars (owned by the price import). Reads only the days a
 * chart needs: one index range scan on the (security_id, day) primary key.
 */
interface BarRow {
  day: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adj_close: number | null;
  volume: number | null;
}

export function readBars(db: DatabaseSync, securityId: number, from?: IsoDate, to?: IsoDate): PriceBar[] {
  const lo = from === undefined ? -1e9 : toEpochDay(from);
  const hi = to === undefined ? 1e9 : toEpochDay(to);
  const rows = db
    .prepare(
      'SELECT day, open, high, low, close, adj_close, volume FROM price_bars WHERE security_id = ? AND day BETWEEN ? AND ? ORDER BY day',
    )
    .all(securityId, lo, hi) as unknown as BarRow[];
  return rows.map(toBar);
}

function toBar(r: BarRow): PriceBar {
  return { date: fromEpochDay(r.day), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adj_close, volume: r.volume };
}

/** The last bar strictly before `date`, for the change of the first visible bar. */
export function barBefore(db: DatabaseSync, securityId: number, date: IsoDate): PriceBar | null {
  const row = db
    .prepare('SELECT day, open, high, low, close, adj_close, volume FROM price_bars WHERE security_id = ? AND day < ? ORDER BY day DESC LIMIT 1')
    .get(securityId, toEpochDay(date)) as BarRow | undefined;
  return row ? toBar(row) : null;
}

export interface BarExtent {
  count: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
}

export function barExtents(db: DatabaseSync): Map<number, BarExtent> {
  const rows = db
    .prepare('SELECT security_id AS id, COUNT(*) AS n, MIN(day) AS lo, MAX(day) AS hi FROM price_bars GROUP BY security_id')
    .all() as unknown as { id: number; n: number; lo: number; hi: number }[];
  return new Map(rows.map((r) => [r.id, { count: r.n, firstDate: fromEpochDay(r.lo), lastDate: fromEpochDay(r.hi) }]));
}

export function readPriceSeries(db: DatabaseSync, securityId: number, from?: IsoDate, to?: IsoDate): PriceSeries {
  const row = db.prepare('SELECT adjustment FROM price_series WHERE security_id = ?').get(securityId) as
    | { adjustment: PriceAdjustment }
    | undefined;
  return { adjustment: row?.adjustment ?? 'unknown', bars: readBars(db, securityId, from, to) };
}

/** Inserts or replaces bars; used by the demo loader and by tests that import fixture files. */
export function writeBars(db: DatabaseSync, securityId: number, bars: readonly Omit<PriceBar, 'adjClose'>[], adjustment: PriceAdjustment = 'unknown', source = ''): void {
  recordSeries(db, securityId, adjustment, 'Close', source);
  const insert = db.prepare(
    'INSERT OR REPLACE INTO price_bars (security_id, day, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  for (const b of bars) insert.run(securityId, toEpochDay(b.date), b.open, b.high, b.low, b.close, b.volume);
}
