import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { PriceFileMapping, type PriceSeriesInfo } from '@shared/api/prices';
import { fromEpochDay, toEpochDay, type IsoDate } from '@shared/domain/common/dates';
import { rememberColumns } from '@shared/domain/portfolio/epoch-days';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { allocateBarColumns, type BarColumns } from '@shared/domain/prices/bar-columns';
import { parsePriceAdjustment, type PriceAdjustment } from '@shared/domain/prices/adjustment';
import { detectInterval, type PriceInterval } from '@shared/domain/prices/interval';
import type { PriceBar } from '@shared/domain/securities/security';
import { dataVersion } from '../db/database';

/**
 * The one owner of `price_bars` (security_id, day in epoch days, open, high, low,
 * close, adj_close, volume), `price_series` (how a security's history was
 * adjusted and where it came from) and the remembered price mappings in
 * `import_mappings`. Every other feature reads and writes prices through here.
 * Missing values are NULL in SQL, null in PriceBar and NaN in BarColumns.
 */

/** One stored row of price_bars, mapped once by toBar / into BarColumns. */
interface BarRow {
  day: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adj_close: number | null;
  volume: number | null;
}

interface SeriesRow {
  adjustment: string;
  close_column: string | null;
  source: string | null;
  updated_at: string;
}

const BAR_COLUMNS = 'day, open, high, low, close, adj_close, volume';
const FAR_PAST = -1_000_000_000;
const FAR_FUTURE = 1_000_000_000;

function toBar(r: BarRow): PriceBar {
  return { date: fromEpochDay(r.day), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adj_close, volume: r.volume };
}

function seriesRow(db: DatabaseSync, securityId: number): SeriesRow | undefined {
  return db.prepare('SELECT adjustment, close_column, source, updated_at FROM price_series WHERE security_id = ?').get(securityId) as
    | SeriesRow
    | undefined;
}

/** The adjustment recorded for a security's prices; 'unknown' when none is recorded or the value is not one we know. */
export function seriesAdjustment(db: DatabaseSync, securityId: number): PriceAdjustment {
  return parsePriceAdjustment(seriesRow(db, securityId)?.adjustment);
}

// ---- Readers in the shapes callers need -------------------------------------

/** Bars between two epoch days (inclusive; open-ended when omitted), oldest first, as typed arrays (the import's merge). */
export function readBarColumns(db: DatabaseSync, securityId: number, fromDay?: number, toDay?: number): BarColumns {
  const rows = db
    .prepare(`SELECT ${BAR_COLUMNS} FROM price_bars WHERE security_id = ? AND day BETWEEN ? AND ? ORDER BY day`)
    .all(securityId, fromDay ?? FAR_PAST, toDay ?? FAR_FUTURE) as unknown as BarRow[];
  const out = allocateBarColumns(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out.day[i] = r.day;
    out.open[i] = r.open ?? NaN;
    out.high[i] = r.high ?? NaN;
    out.low[i] = r.low ?? NaN;
    out.close[i] = r.close;
    out.adjClose[i] = r.adj_close ?? NaN;
    out.volume[i] = r.volume ?? NaN;
  }
  return out;
}

/** Bars between two dates (inclusive; open-ended when omitted), oldest first. One range scan on the (security_id, day) key. */
export function readBars(db: DatabaseSync, securityId: number, from?: IsoDate, to?: IsoDate): PriceBar[] {
  const lo = from === undefined ? FAR_PAST : toEpochDay(from);
  const hi = to === undefined ? FAR_FUTURE : toEpochDay(to);
  const rows = db
    .prepare(`SELECT ${BAR_COLUMNS} FROM price_bars WHERE security_id = ? AND day BETWEEN ? AND ? ORDER BY day`)
    .all(securityId, lo, hi) as unknown as BarRow[];
  return rows.map(toBar);
}

/** The last bar strictly before `date`, for the change of the first visible bar. */
export function barBefore(db: DatabaseSync, securityId: number, date: IsoDate): PriceBar | null {
  const row = db
    .prepare(`SELECT ${BAR_COLUMNS} FROM price_bars WHERE security_id = ? AND day < ? ORDER BY day DESC LIMIT 1`)
    .get(securityId, toEpochDay(date)) as BarRow | undefined;
  return row ? toBar(row) : null;
}

/** The newest bar's close and date, or null without prices. */
export function lastClose(db: DatabaseSync, securityId: number): { close: number; date: IsoDate } | null {
  const row = db.prepare('SELECT day, close FROM price_bars WHERE security_id = ? ORDER BY day DESC LIMIT 1').get(securityId) as
    | { day: number; close: number }
    | undefined;
  return row ? { close: row.close, date: fromEpochDay(row.day) } : null;
}

export interface BarExtent {
  count: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
}

/**
 * How many bars each security has and the days they span, for every security with prices,
 * read once per data version: the GROUP BY walks every bar (half a million in a 20-year, 100-security history,
 * ~50 ms) and each chart request asked for it once or twice. Callers treat the map
 * as read-only.
 */
const extentsCache = new WeakMap<DatabaseSync, { version: string; extents: Map<number, BarExtent> }>();

export function barExtents(db: DatabaseSync): Map<number, BarExtent> {
  const version = dataVersion(db);
  const cached = extentsCache.get(db);
  if (cached?.version === version) return cached.extents;
  const extents = readBarExtents(db);
  extentsCache.set(db, { version, extents });
  return extents;
}

function readBarExtents(db: DatabaseSync): Map<number, BarExtent> {
  const rows = db
    .prepare('SELECT security_id AS id, COUNT(*) AS n, MIN(day) AS lo, MAX(day) AS hi FROM price_bars GROUP BY security_id')
    .all() as unknown as { id: number; n: number; lo: number; hi: number }[];
  return new Map(rows.map((r) => [r.id, { count: r.n, firstDate: fromEpochDay(r.lo), lastDate: fromEpochDay(r.hi) }]));
}

/** How many bars the given securities have together. */
export function countBarsOf(db: DatabaseSync, securityIds: readonly number[]): number {
  if (securityIds.length === 0) return 0;
  const placeholders = securityIds.map(() => '?').join(', ');
  return (db.prepare(`SELECT COUNT(*) AS n FROM price_bars WHERE security_id IN (${placeholders})`).get(...securityIds) as { n: number }).n;
}

/** Full bars with the recorded adjustment, optionally limited to [from, to] (charts). */
export function readPriceSeries(db: DatabaseSync, securityId: number, from?: IsoDate, to?: IsoDate): PriceSeries {
  return { adjustment: seriesAdjustment(db, securityId), bars: readBars(db, securityId, from, to) };
}

/**
 * A security's history as closes only, oldest first, or null without prices (the portfolio math): the
 * whole of it, or from `from` (with the close before it) when nothing earlier is needed.
 */
export function readCloseSeries(db: DatabaseSync, securityId: number, from?: IsoDate): PriceSeries | null {
  // From `from` on, plus the last close before it (a day's value uses the close on or before it).
  const query = from === undefined
    ? db.prepare('SELECT day, close FROM price_bars WHERE security_id = ? ORDER BY day')
    : db.prepare(
        `SELECT day, close FROM price_bars WHERE security_id = ?1
           AND day >= coalesce((SELECT max(day) FROM price_bars WHERE security_id = ?1 AND day <= ?2), ?2) ORDER BY day`,
      );
  // Rows as [day, close] arrays: half a million bars read noticeably faster than as objects.
  query.setReturnArrays(true);
  const rows = (from === undefined ? query.all(securityId) : query.all(securityId, toEpochDay(from))) as unknown as [number, number][];
  if (rows.length === 0) return null;
  const days = new Int32Array(rows.length);
  const closes = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as [number, number];
    days[i] = r[0];
    closes[i] = r[1];
  }
  // The valuation works on the columns; the dated bars (half a million objects for a large
  // portfolio) are built only for a caller that reads them, once.
  let bars: { date: string; close: number }[] | null = null;
  return {
    adjustment: seriesAdjustment(db, securityId),
    columns: { days, closes },
    get bars() {
      if (bars === null) {
        bars = new Array<{ date: string; close: number }>(days.length);
        for (let i = 0; i < days.length; i++) bars[i] = { date: isoOfDay(days[i] as number), close: closes[i] as number };
        rememberColumns(bars, days, closes);
      }
      return bars;
    },
  };
}

/**
 * Date strings by epoch day: a portfolio's histories share their trading days, so a hundred
 * securities over twenty years format some 7,000 distinct days instead of half a million. An array
 * indexed by day (1970 to 2100, 47,500 slots at most) is a faster look-up than a Map.
 */
const isoByDay: (IsoDate | undefined)[] = [];
const ISO_CACHE_DAYS = 47_500;
function isoOfDay(day: number): IsoDate {
  if (day < 0 || day >= ISO_CACHE_DAYS) return fromEpochDay(day);
  let iso = isoByDay[day];
  if (iso === undefined) {
    iso = fromEpochDay(day);
    isoByDay[day] = iso;
  }
  return iso;
}

/** The spacing of the latest bars: a median over the last 40 gaps is plenty and reads a few rows only. */
function storedInterval(db: DatabaseSync, securityId: number): PriceInterval {
  const query = db.prepare('SELECT day FROM price_bars WHERE security_id = ? ORDER BY day DESC LIMIT 41');
  query.setReturnArrays(true);
  const days = (query.all(securityId) as unknown as [number][]).map((r) => r[0]).reverse();
  return detectInterval(days);
}

/** What the import screen shows about a security's stored prices, or null when it has none. */
export function seriesInfo(db: DatabaseSync, securityId: number): PriceSeriesInfo | null {
  const meta = seriesRow(db, securityId);
  const range = db
    .prepare('SELECT count(*) AS n, min(day) AS first, max(day) AS last FROM price_bars WHERE security_id = ?')
    .get(securityId) as { n: number; first: number | null; last: number | null };
  if (!meta && range.n === 0) return null;
  return {
    securityId,
    count: range.n,
    firstDate: range.first === null ? null : fromEpochDay(range.first),
    lastDate: range.last === null ? null : fromEpochDay(range.last),
    adjustment: parsePriceAdjustment(meta?.adjustment),
    closeColumn: meta?.close_column ?? null,
    source: meta?.source ?? null,
    updatedAt: meta?.updated_at ?? null,
    interval: storedInterval(db, securityId),
  };
}

// ---- Writers ------------------------------------------------------------------

/** Rows per multi-row statement: measured on 1M rows, 500 rows per INSERT is ~35% faster than one row per INSERT. */
export const BATCH_ROWS = 500;
const COLS = 8;

/**
 * Writes selected rows of `bars` (indices in `which`, ascending) with multi-row
 * statements of BATCH_ROWS rows. `upsert` replaces existing bars of the same day.
 * Calls `onBatch` every `yieldEvery` rows so a long write can report progress and yield.
 */
export async function writeBarColumns(
  db: DatabaseSync,
  securityId: number,
  bars: BarColumns,
  which: Int32Array,
  upsert: boolean,
  onBatch?: (written: number) => Promise<void> | void,
  yieldEvery = 50_000,
): Promise<void> {
  const n = which.length;
  if (n === 0) return;
  const full = prepareInsert(db, BATCH_ROWS, upsert);
  const args: (number | null)[] = new Array<number | null>(BATCH_ROWS * COLS);
  let sinceYield = 0;
  for (let start = 0; start < n; start += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, n - start);
    const stmt = count === BATCH_ROWS ? full : prepareInsert(db, count, upsert);
    if (count !== BATCH_ROWS) args.length = count * COLS;
    for (let k = 0; k < count; k++) {
      const i = which[start + k]!;
      const o = k * COLS;
      args[o] = securityId;
      args[o + 1] = bars.day[i]!;
      args[o + 2] = bars.open[i]!;
      args[o + 3] = bars.high[i]!;
      args[o + 4] = bars.low[i]!;
      args[o + 5] = bars.close[i]!;
      args[o + 6] = bars.adjClose[i]!;
      args[o + 7] = bars.volume[i]!;
    }
    stmt.run(...args);
    sinceYield += count;
    if (onBatch && (sinceYield >= yieldEvery || start + count >= n)) {
      sinceYield = 0;
      await onBatch(start + count);
    }
  }
}

function prepareInsert(db: DatabaseSync, rows: number, upsert: boolean): StatementSync {
  const values = new Array<string>(rows).fill('(?,?,?,?,?,?,?,?)').join(',');
  const conflict = upsert
    ? ' ON CONFLICT(security_id, day) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, adj_close = excluded.adj_close, volume = excluded.volume'
    : '';
  return db.prepare(`INSERT INTO price_bars (security_id, day, open, high, low, close, adj_close, volume) VALUES ${values}${conflict}`);
}

/**
 * Inserts or replaces bars given as objects (without adjusted close) and records
 * the series; used by the sample-data loader and by tests that seed real files.
 */
export function writeBars(
  db: DatabaseSync,
  securityId: number,
  bars: readonly Omit<PriceBar, 'adjClose'>[],
  adjustment: PriceAdjustment = 'unknown',
  source = '',
): void {
  recordSeries(db, securityId, adjustment, 'Close', source);
  insertBars(db, securityId, bars);
}

/** Inserts or replaces bars without touching the series record (writeBars, and tests that seed a raw file). */
export function insertBars(db: DatabaseSync, securityId: number, bars: readonly Omit<PriceBar, 'adjClose'>[]): void {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO price_bars (security_id, day, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  for (const b of bars) insert.run(securityId, toEpochDay(b.date), b.open, b.high, b.low, b.close, b.volume);
}

export function recordSeries(db: DatabaseSync, securityId: number, adjustment: PriceAdjustment, closeColumn: string, source: string): void {
  db.prepare(
    `INSERT INTO price_series (security_id, adjustment, close_column, source, updated_at)
     VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT(security_id) DO UPDATE SET adjustment = excluded.adjustment, close_column = excluded.close_column,
       source = excluded.source, updated_at = excluded.updated_at`,
  ).run(securityId, adjustment, closeColumn, source);
}

/** Removes a security's bars and series record; returns how many bars were deleted. */
export function deleteSeries(db: DatabaseSync, securityId: number): number {
  const bars = db.prepare('DELETE FROM price_bars WHERE security_id = ?').run(securityId);
  db.prepare('DELETE FROM price_series WHERE security_id = ?').run(securityId);
  return Number(bars.changes);
}

// ---- Remembered mappings (import_mappings, kind 'prices') ------------------------

export function rememberedMapping(db: DatabaseSync, shapeKey: string): PriceFileMapping | null {
  const row = db.prepare("SELECT mapping FROM import_mappings WHERE shape_key = ? AND kind = 'prices'").get(shapeKey) as
    | { mapping: string }
    | undefined;
  if (!row) return null;
  try {
    // A mapping stored by an older version that no longer validates is ignored, not trusted.
    const parsed = PriceFileMapping.safeParse(JSON.parse(row.mapping));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberMapping(db: DatabaseSync, shapeKey: string, mapping: PriceFileMapping): void {
  db.prepare(
    `INSERT INTO import_mappings (shape_key, kind, mapping, updated_at) VALUES (?, 'prices', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT(shape_key) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(shapeKey, JSON.stringify(mapping));
}
