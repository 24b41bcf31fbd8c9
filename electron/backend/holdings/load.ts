import type { DatabaseSync } from 'node:sqlite';
import { fromEpochDay } from '@shared/domain/common/dates';
import { createFxProvider, fxPairFromSymbol, type FxProvider, type FxSeries } from '@shared/domain/portfolio/fx';
import type { PriceAdjustment, PriceSeries } from '@shared/domain/portfolio/price-series';
import type { Transaction } from '@shared/domain/portfolio/transaction';
import { listSecurities, type StoredSecurity } from '../securities/store';
import { readSettings } from '../settings/handlers';
import { listTransactions, toDomain } from '../transactions/store';
import { withoutDemoPrefix } from '@shared/domain/demo';

/** Everything the portfolio math needs, read from the database with plain SQL. */
export interface PortfolioData {
  baseCurrency: string;
  securities: StoredSecurity[];
  transactions: Transaction[];
  prices: Map<number, PriceSeries>;
  fxSeries: FxSeries[];
  fx: FxProvider;
}

const ADJUSTMENTS: readonly PriceAdjustment[] = ['split', 'split+dividend', 'none', 'unknown'];

/** One security's closes, oldest first (`day` is stored as epoch days). */
export function loadPriceSeries(db: DatabaseSync, securityId: number): PriceSeries | null {
  const query = db.prepare('SELECT day, close FROM price_bars WHERE security_id = ? ORDER BY day');
  // Rows as [day, close] arrays: half a million bars read noticeably faster than as objects.
  query.setReturnArrays(true);
  const rows = query.all(securityId) as unknown as [number, number][];
  if (rows.length === 0) return null;
  const meta = db.prepare('SELECT adjustment FROM price_series WHERE security_id = ?').get(securityId) as
    | { adjustment: string }
    | undefined;
  const adjustment = ADJUSTMENTS.find((a) => a === meta?.adjustment) ?? 'unknown';
  const bars = new Array<{ date: string; close: number }>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as [number, number];
    bars[i] = { date: fromEpochDay(r[0]), close: r[1] };
  }
  return { adjustment, bars };
}

export function loadPortfolio(db: DatabaseSync): PortfolioData {
  const securities = listSecurities(db);
  const transactions = listTransactions(db).map(toDomain);
  const held = new Set(transactions.map((t) => t.securityId));
  const prices = new Map<number, PriceSeries>();
  const fxSeries: FxSeries[] = [];
  for (const s of securities) {
    // Sample-data FX series are stored as DEMO-HKDEUR=X and the like.
    const pair = s.kind === 'fx' ? fxPairFromSymbol(withoutDemoPrefix(s.symbol)) : null;
    if (!held.has(s.id) && pair === null) continue;
    const series = loadPriceSeries(db, s.id);
    if (series === null) continue;
    if (held.has(s.id)) prices.set(s.id, series);
    if (pair !== null) fxSeries.push({ from: pair.from, to: pair.to, points: series.bars });
  }
  return {
    baseCurrency: readSettings(db).baseCurrency,
    securities,
    transactions,
    prices,
    fxSeries,
    fx: createFxProvider(fxSeries),
  };
}
