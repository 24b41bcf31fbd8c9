import { fromEpochDay, toEpochDay, type IsoDate } from '../common/dates';
import { lastIndexOnOrBefore, type FxProvider } from '../portfolio/fx';
import { splitsBySecurity, valuationCloses, type PriceSeries } from '../portfolio/price-series';
import { scopeSecurityTransfers } from '../portfolio/security-transfer';
import { portfolioValueSeries, type ValueSeries } from '../portfolio/value-series';
import type { Security } from '../securities/security';
import { dailyValuations, type DailyValuation, type DayValue } from '../returns/daily-valuation';
import type { CashFlow, CashFlowKind } from '../returns/cash-flow';
import { unavailable, type ReturnWarning, type Unavailable } from '../returns/result';
import { cashLineMovements, type CashTransaction, type LedgerAccount, type LedgerTransaction } from './cash';

/** What is measured: the whole portfolio, one account, or one security (in one account or all). */
export type LedgerScope =
  | { kind: 'portfolio' }
  | { kind: 'account'; accountId: number }
  | { kind: 'security'; securityId: number; accountId?: number | undefined };

export interface Ledger {
  baseCurrency: string;
  accounts: readonly LedgerAccount[];
  transactions: readonly LedgerTransaction[];
  cash: readonly CashTransaction[];
  securities: readonly Security[];
  prices: ReadonlyMap<number, PriceSeries>;
  fx: FxProvider;
}

export interface ScopeValuations {
  valuations: DailyValuation[];
  warnings: ReturnWarning[];
  /** The scope's security value series (for the gain split and the chart). */
  series: ValueSeries;
  /** Cash in the scope per currency on each series day (local amounts), accounts that track cash only. */
  cash: Map<string, Float64Array>;
  flows: CashFlow[];
}

function inAccountScope(scope: LedgerScope, accountId: number): boolean {
  return scope.kind === 'portfolio' || (scope.kind === 'account' && scope.accountId === accountId);
}

/**
 * The security transactions a scope holds. Shares moved between two accounts both inside the scope
 * are no event there (the pair drops out); moved in from outside, they bring their lots' own dates
 * and costs (shared/domain/portfolio/security-transfer.ts).
 */
export function scopeTransactions(ledger: Ledger, scope: LedgerScope): LedgerTransaction[] {
  switch (scope.kind) {
    case 'portfolio':
      return scopeSecurityTransfers(ledger.transactions, () => true);
    case 'account':
      return scopeSecurityTransfers(ledger.transactions, (a) => a === scope.accountId);
    case 'security':
      return scopeSecurityTransfers(
        ledger.transactions.filter((t) => t.securityId === scope.securityId),
        (a) => scope.accountId === undefined || a === scope.accountId,
      );
  }
}

/** A cash movement in floating point, for valuations: they feed ratios, and big.js per line would cost a ledger of 10,000 lines most of its time. */
export interface ValuationMovement {
  accountId: number;
  currency: string;
  date: IsoDate;
  amount: number;
}

/** What a trade does to its account's cash, as tradeCashAmount, in floating point. */
function tradeCashNumber(t: LedgerTransaction): number | null {
  switch (t.type) {
    case 'buy':
      return -(t.quantity * t.price + t.fees);
    case 'sell':
      return t.quantity * t.price - t.fees;
    case 'dividend':
      return t.price - t.taxes - t.fees;
    case 'fee':
      return -(t.price + t.fees);
    default:
      return null;
  }
}

/** Cash movements that change the scope's valued cash (accounts that track cash, inside the scope). */
export function scopeCashMovements(ledger: Ledger, scope: LedgerScope): ValuationMovement[] {
  if (scope.kind === 'security') return [];
  const tracking = new Set(ledger.accounts.filter((a) => a.tracksCash && inAccountScope(scope, a.id)).map((a) => a.id));
  const out: ValuationMovement[] = [];
  for (const t of ledger.transactions) {
    if (!tracking.has(t.accountId)) continue;
    const amount = tradeCashNumber(t);
    if (amount !== null) out.push({ accountId: t.accountId, currency: t.currency, date: t.date, amount });
  }
  for (const c of ledger.cash) {
    if (!tracking.has(c.accountId) && (c.counterAccountId === null || !tracking.has(c.counterAccountId))) continue;
    for (const m of cashLineMovements(c)) if (tracking.has(m.accountId)) out.push({ ...m, amount: Number(m.amount) });
  }
  return out;
}

/**
 * The flows across the scope's boundary, base currency at each day's rate. Deposits and
 * withdrawals in accounts that track cash; a transfer between two accounts both inside the scope
 * and both tracking cash is no flow; otherwise the side that tracks cash sees money arrive
 * (transfer-in, or a deposit for the portfolio) or leave. An account without a cash ledger puts
 * money in with each buy and fee and takes it out with each sell, dividend (net of tax and fees)
 * and interest. For one security: its buys and sells, its net dividends and the fee, tax and
 * interest lines that name it.
 */
export function scopeFlows(ledger: Ledger, scope: LedgerScope): { kind: 'ok'; flows: CashFlow[] } | Unavailable {
  const { fx, baseCurrency } = ledger;
  const tracks = new Map(ledger.accounts.map((a) => [a.id, a.tracksCash]));
  const flows: CashFlow[] = [];
  let failed: Unavailable | null = null;
  const push = (date: IsoDate, kind: CashFlowKind, currency: string, local: number): void => {
    if (local === 0 || failed !== null) return;
    const rate = fx.rate(currency, baseCurrency, date);
    if (rate.rate === null) {
      failed = unavailable({ code: 'MISSING_FX', params: { from: currency, to: baseCurrency, date } });
      return;
    }
    // A negative amount flips the direction (a dividend reversed, a sell below its fees).
    if (local < 0) kind = OPPOSITE[kind];
    flows.push({ date, kind, amount: Math.abs(local) * rate.rate });
  };

  const tradeAsFlow = (t: LedgerTransaction): void => {
    const local = tradeCashNumber(t);
    if (local === null) return;
    // The scope receives what the cash pays: a buy (−cash) is money put in.
    const kind: CashFlowKind = t.type === 'buy' ? 'buy' : t.type === 'sell' ? 'sell' : t.type === 'dividend' ? 'payout' : 'charge';
    push(t.date, kind, t.currency, kind === 'buy' || kind === 'charge' ? -local : local);
  };

  // Shares moved across the scope's edge cross it at their value that day: between two of the user's
  // accounts a transfer (a flow for each account), from or to elsewhere a delivery.
  let splits: Map<number, { date: IsoDate; factor: number }[]> | null = null;
  const transferAsFlow = (t: LedgerTransaction): void => {
    const security = ledger.securities.find((s) => s.id === t.securityId);
    const series = ledger.prices.get(t.securityId);
    splits ??= splitsBySecurity(ledger.transactions);
    const closes = series === undefined ? null : valuationCloses(series, splits.get(t.securityId) ?? []);
    const at = closes === null ? -1 : lastIndexOnOrBefore(closes.days, toEpochDay(t.date));
    if (security === undefined || closes === null || at < 0) {
      failed ??= unavailable({ code: 'MISSING_PRICE', params: { securityId: t.securityId, date: t.date } });
      return;
    }
    const between = scope.kind !== 'portfolio' && t.counterAccountId != null;
    const kind: CashFlowKind = t.type === 'transfer-in' ? (between ? 'transfer-in' : 'delivery-in') : between ? 'transfer-out' : 'delivery-out';
    push(t.date, kind, security.currency, t.quantity * (closes.closes[at] as number));
  };
  const transfersAsFlows = (): void => {
    for (const t of scopeTransactions(ledger, scope)) if (t.type === 'transfer-in' || t.type === 'transfer-out') transferAsFlow(t);
  };

  if (scope.kind === 'security') {
    for (const t of scopeTransactions(ledger, scope)) tradeAsFlow(t);
    transfersAsFlows();
    for (const c of ledger.cash) {
      if (c.securityId !== scope.securityId || (scope.accountId !== undefined && c.accountId !== scope.accountId)) continue;
      if (c.type === 'fee' || c.type === 'tax') push(c.date, 'charge', c.currency, Number(c.amount));
      else if (c.type === 'interest' || c.type === 'refund') push(c.date, 'payout', c.currency, Number(c.amount));
    }
    return failed ?? { kind: 'ok', flows };
  }

  for (const t of ledger.transactions) if (inAccountScope(scope, t.accountId) && tracks.get(t.accountId) !== true) tradeAsFlow(t);
  transfersAsFlows();

  const valued = (accountId: number | null): boolean => accountId !== null && inAccountScope(scope, accountId) && tracks.get(accountId) === true;
  for (const c of ledger.cash) {
    const amount = Number(c.amount);
    if (c.type === 'transfer-in' || c.type === 'transfer-out') {
      const from = c.type === 'transfer-out' ? c.accountId : c.counterAccountId;
      const to = c.type === 'transfer-out' ? c.counterAccountId : c.accountId;
      const fromValued = valued(from);
      const toValued = valued(to);
      if (fromValued === toValued) continue;
      // Leaving the portfolio for an account it does not value is money taken out, as a withdrawal.
      const inside = (id: number | null): boolean => id !== null && inAccountScope(scope, id);
      if (fromValued) push(c.date, scope.kind === 'portfolio' && !inside(to) ? 'withdrawal' : 'transfer-out', c.currency, amount);
      else push(c.date, scope.kind === 'portfolio' && !inside(from) ? 'deposit' : 'transfer-in', c.currency, amount);
      continue;
    }
    if (!inAccountScope(scope, c.accountId)) continue;
    if (tracks.get(c.accountId) === true) {
      if (c.type === 'deposit') push(c.date, 'deposit', c.currency, amount);
      else if (c.type === 'withdrawal') push(c.date, 'withdrawal', c.currency, amount);
    } else if (c.type === 'interest' || c.type === 'refund') push(c.date, 'payout', c.currency, amount);
    else if (c.type === 'fee' || c.type === 'tax') push(c.date, 'charge', c.currency, amount);
  }
  return failed ?? { kind: 'ok', flows };
}

const OPPOSITE: Record<CashFlowKind, CashFlowKind> = {
  deposit: 'withdrawal',
  withdrawal: 'deposit',
  'transfer-in': 'transfer-out',
  'transfer-out': 'transfer-in',
  'delivery-in': 'delivery-out',
  'delivery-out': 'delivery-in',
  buy: 'sell',
  sell: 'buy',
  payout: 'charge',
  charge: 'payout',
};

/** Running cash per currency on each of `days` (local amounts, after every movement of the day). */
export function cashOnDays(movements: readonly ValuationMovement[], days: Int32Array): Map<string, Float64Array> {
  const byCurrency = new Map<string, { day: number; amount: number }[]>();
  for (const m of movements) {
    const list = byCurrency.get(m.currency) ?? [];
    list.push({ day: toEpochDay(m.date), amount: m.amount });
    byCurrency.set(m.currency, list);
  }
  const out = new Map<string, Float64Array>();
  for (const [currency, list] of byCurrency) {
    list.sort((a, b) => a.day - b.day);
    const values = new Float64Array(days.length);
    let k = 0;
    let balance = 0;
    for (let i = 0; i < days.length; i++) {
      while (k < list.length && (list[k] as { day: number }).day <= (days[i] as number)) balance += (list[k++] as { amount: number }).amount;
      values[i] = balance;
    }
    out.set(currency, values);
  }
  return out;
}

/**
 * The daily valuations of a scope, ready for the returns functions: the value of its securities
 * plus its cash (each currency at the day's rate), and its flows. A day on which a held security
 * has no price, or a held currency no rate, is missing, naming which.
 */
export function scopeValuations(ledger: Ledger, scope: LedgerScope): ScopeValuations | Unavailable {
  const transactions = scopeTransactions(ledger, scope);
  const movements = scopeCashMovements(ledger, scope);
  let series = portfolioValueSeries(transactions, ledger.prices, ledger.securities, ledger.fx, ledger.baseCurrency);
  if (series.days.length === 0 && movements.length > 0) series = cashOnlyGrid(series, movements);
  const cash = cashOnDays(movements, series.days);
  const flows = scopeFlows(ledger, scope);
  if (flows.kind !== 'ok') return flows;

  const values: DayValue[] = new Array<DayValue>(series.days.length);
  const cashBase = new Float64Array(series.days.length);
  const missingFx: (string | null)[] = new Array<string | null>(series.days.length).fill(null);
  for (const [currency, amounts] of cash) {
    const rates = ledger.fx.ratesOnDays(currency, ledger.baseCurrency, series.days);
    for (let i = 0; i < amounts.length; i++) {
      const amount = amounts[i] as number;
      if (amount === 0) continue;
      const rate = rates[i] as number;
      if (Number.isNaN(rate)) missingFx[i] ??= currency;
      else cashBase[i] = (cashBase[i] as number) + amount * rate;
    }
  }
  for (let i = 0; i < series.days.length; i++) {
    const day: DayValue = { date: series.dates[i] as IsoDate, value: (series.marketValue[i] as number) + (cashBase[i] as number) };
    if (series.incomplete[i] === 1) {
      const holding = series.holdings.find((h) => Number.isNaN(h.marketValue[i]));
      if (holding !== undefined) day.missing = { code: 'MISSING_PRICE', params: { securityId: holding.securityId } };
    }
    const currency = missingFx[i];
    if (day.missing === undefined && currency !== null && currency !== undefined) {
      day.missing = { code: 'MISSING_FX', params: { from: currency, to: ledger.baseCurrency } };
    }
    values[i] = day;
  }
  const { valuations, warnings } = dailyValuations(values, flows.flows);
  return { valuations, warnings, series, cash, flows: flows.flows };
}

/**
 * An account that holds only cash (a savings account) has no price days: its valuation days are
 * the days its cash moved, so interest and transfers there still give a return.
 */
function cashOnlyGrid(empty: ValueSeries, movements: readonly ValuationMovement[]): ValueSeries {
  const days = Int32Array.from(new Set(movements.map((m) => toEpochDay(m.date)))).sort();
  const n = days.length;
  return {
    ...empty,
    days,
    dates: Array.from(days, fromEpochDay),
    marketValue: new Float64Array(n),
    costBasis: new Float64Array(n),
    incomplete: new Uint8Array(n),
    holdings: [],
  };
}
