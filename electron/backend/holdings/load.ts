import type { DatabaseSync } from 'node:sqlite';
import { createFxProvider, fxPairFromSymbol, type FxProvider, type FxSeries } from '@shared/domain/portfolio/fx';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { readCloseSeries } from '../prices/store';
import type { Transaction } from '@shared/domain/portfolio/transaction';
import { listSecurities, type StoredSecurity } from '../securities/store';
import { readSettings } from '../settings/store';
import { listTransactions, toDomain, type StoredTransaction } from '../transactions/store';
import { withoutDemoPrefix } from '@shared/domain/demo';
import { scopeSecurityTransfers } from '@shared/domain/portfolio/security-transfer';
import { dataVersion } from '../db/database';

/** Everything the portfolio math needs, read from the database with plain SQL. */
export interface PortfolioData {
  baseCurrency: string;
  securities: StoredSecurity[];
  transactions: Transaction[];
  prices: Map<number, PriceSeries>;
  fxSeries: FxSeries[];
  fx: FxProvider;
}

interface CacheEntry {
  version: string;
  byAccount: Map<number | undefined, PortfolioData>;
  closes: Map<number, PriceSeries | null>;
  stored?: StoredTransaction[];
}

/**
 * The last data read, per connection, for the data version it was read at: the
 * holdings table, the portfolio chart, returns and cash balances all read the
 * same history, and the domain keeps its typed arrays per bars array, so an
 * unchanged database is read and converted once. Callers treat it as read-only.
 */
const cache = new WeakMap<DatabaseSync, CacheEntry>();

function cacheEntry(db: DatabaseSync): CacheEntry {
  const version = dataVersion(db);
  let entry = cache.get(db);
  if (entry?.version !== version) {
    entry = { version, byAccount: new Map(), closes: new Map() };
    cache.set(db, entry);
  }
  return entry;
}

/** Every stored transaction, read once per data version for the portfolio reads and the returns ledger. Read-only. */
export function loadStoredTransactions(db: DatabaseSync): StoredTransaction[] {
  const entry = cacheEntry(db);
  entry.stored ??= listTransactions(db);
  return entry.stored;
}

/**
 * `accountId`: only that account's transactions (its positions, FIFO within it), shares transferred in
 * carrying their original lots; without it, transfers between the user's accounts drop out.
 */
export function loadPortfolio(db: DatabaseSync, accountId?: number): PortfolioData {
  const entry = cacheEntry(db);
  const cached = entry.byAccount.get(accountId);
  if (cached) return cached;
  const firstDay = firstTradeDays(db);
  const data = readPortfolio(db, accountId, (id, fx) => closesFor(db, entry, id, fx, firstDay));
  entry.byAccount.set(accountId, data);
  return data;
}

/**
 * Reads what the first holdings call needs (the ledger, every traded security's closes, the FX
 * series) into the cache before anyone asks, one security at a time with a turn of the event loop
 * between: calls and, in browser mode, the page's own files are answered meanwhile, and a call
 * that arrives half-way reads only what is still missing. Stops when the connection closes or the
 * data changes (the next call reads afresh anyway). `pause` is the turn (tests pass their own).
 */
export async function warmPortfolio(db: DatabaseSync, pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve))): Promise<void> {
  if (!db.isOpen) return;
  const entry = cacheEntry(db);
  const current = (): boolean => db.isOpen && cacheEntry(db) === entry;
  const firstDay = firstTradeDays(db);
  await pause();
  if (!current()) return;
  for (const s of listSecurities(db)) {
    const fx = s.kind === 'fx' && fxPairFromSymbol(withoutDemoPrefix(s.symbol)) !== null;
    if (!fx && !firstDay.has(s.id)) continue;
    closesFor(db, entry, s.id, fx, firstDay);
    await pause();
    if (!current()) return;
  }
  loadPortfolio(db);
}

/** The day of each security's first transaction in any account: its closes are read from there on. */
function firstTradeDays(db: DatabaseSync): Map<number, string> {
  const firstDay = new Map<number, string>();
  for (const t of loadStoredTransactions(db)) {
    const seen = firstDay.get(t.securityId);
    if (seen === undefined || t.date < seen) firstDay.set(t.securityId, t.date);
  }
  return firstDay;
}

/**
 * A held security's closes from its first transaction in any account on (the valuation starts there;
 * years of history before it are not read); one read serves every account's scope. FX rates whole:
 * a cash line may need a rate before any trade.
 */
function closesFor(db: DatabaseSync, entry: CacheEntry, securityId: number, fx: boolean, firstDay: ReadonlyMap<number, string>): PriceSeries | null {
  if (!entry.closes.has(securityId)) entry.closes.set(securityId, readCloseSeries(db, securityId, fx ? undefined : firstDay.get(securityId)));
  return entry.closes.get(securityId) ?? null;
}

function readPortfolio(db: DatabaseSync, accountId: number | undefined, closeSeries: (securityId: number, fx: boolean) => PriceSeries | null): PortfolioData {
  const securities = listSecurities(db);
  const transactions = scopeSecurityTransfers(
    loadStoredTransactions(db).map((t) => ({ ...toDomain(t), accountId: t.accountId })),
    (a) => accountId === undefined || a === accountId,
  );
  const held = new Set(transactions.map((t) => t.securityId));
  const prices = new Map<number, PriceSeries>();
  const fxSeries: FxSeries[] = [];
  for (const s of securities) {
    // Sample-data FX series are stored as DEMO-HKDEUR=X and the like.
    const pair = s.kind === 'fx' ? fxPairFromSymbol(withoutDemoPrefix(s.symbol)) : null;
    if (!held.has(s.id) && pair === null) continue;
    const series = closeSeries(s.id, pair !== null);
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
