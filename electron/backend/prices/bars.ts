import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Plain SQL access to `price_bars` (security_id, day epoch-days, open, high, low,
 * close, adj_close, volume). Missing values are NULL in SQL and NaN in the typed
 * arrays; SQLite stores a bound NaN as NULL, so the arrays can be bound as they are.
 */

/** Daily bars of one security, oldest first, as parallel typed arrays. */
export interface StoredBars {
  length: number;
  day: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
}

interface BarRow {
  day: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adj_close: number | null;
  volume: number | null;
}

export function allocateBars(n: number): StoredBars {
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

/** Bars of a security between two epoch days (inclusive; open-ended when omitted), oldest first. */
export function readBars(db: DatabaseSync, securityId: number, fromDay?: number, toDay?: number): StoredBars {
  const rows = db
    .prepare(
      'SELECT day, open, high, low, close, adj_close, volume FROM price_bars WHERE security_id = ? AND day BETWEEN ? AND ? ORDER BY day',
    )
    .all(securityId, fromDay ?? -1_000_000, toDay ?? 1_000_000) as unknown as BarRow[];
  const out = allocateBars(rows.length);
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

export function countBars(db: DatabaseSync, securityId: number, fromDay: number, toDay: number): number {
  const row = db.prepare('SELECT count(*) AS n FROM price_bars WHERE security_id = ? AND day BETWEEN ? AND ?').get(securityId, fromDay, toDay) as {
    n: number;
  };
  return row.n;
}

/** Rows per multi-row statement: measured on 1M rows, 500 rows per INSERT is ~35% faster than one row per INSERT. */
export const BATCH_ROWS = 500;
const COLS = 8;

/**
 * Writes selected rows of `bars` (indices in `which`, ascending) with multi-row
 * statements of BATCH_ROWS rows. `upsert` replaces existing bars of the same day.
 * Calls `onBatch` every `yieldEvery` rows so a long write can report progress and yield.
 */
export async function writeBars(
  db: DatabaseSync,
  securityId: number,
  bars: StoredBars,
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
