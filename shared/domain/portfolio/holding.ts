import { fromEpochDay, toEpochDay, type IsoDate } from '../common/dates';
import { localizedError } from '../common/errors';
import { orNull } from '../common/numbers';
import type { Security } from '../securities/security';
import { lastIndexOnOrBefore, type FxProvider } from './fx';
import { addProblem, noPriceYet, noRate, type HoldingProblem } from './holding-problem';
import type { Lot } from './lots';
import { replayPosition } from './position';
import { splitsBySecurity, valuationCloses, type PriceSeries, type SplitEvent } from './price-series';
import { groupForReplay } from './replay-order';
import type { Transaction } from './transaction';

/** The latest session's move of the position, last close against the one before. */
export interface DayChange {
  date: IsoDate;
  previousDate: IsoDate;
  /** Previous close in today's share units (divided by any split in between). */
  previousClose: number;
  /** Price change in percent, security currency. */
  pct: number;
  /** Position change in the security's currency: current quantity × price change. */
  amount: number;
  /** Position change in base currency, including the exchange-rate move between the two days. */
  amountBase: number | null;
  pctBase: number | null;
  /** The position's value at the previous close in base currency, for portfolio-wide percentages. */
  previousValueBase: number | null;
}

/**
 * One security's position. Unsuffixed amounts are in the security's currency (`currency`),
 * `…Base` amounts in the portfolio's base currency. `null` means "cannot be known" — no price
 * yet, or a missing exchange rate — and `problems` says why; it never means zero.
 * Trades in the day's session are not part of `dayChange`: it is the price move of the
 * position held at the end of the day.
 */
export interface Holding {
  securityId: number;
  symbol: string;
  name: string;
  currency: string;
  quantity: number;
  /** Cost per share including buy fees, of the shares still held (FIFO). */
  averageCost: number | null;
  costBasis: number | null;
  /** At the exchange rates of the buy dates. */
  costBasisBase: number | null;
  lastPrice: number | null;
  lastPriceDate: IsoDate | null;
  marketValue: number | null;
  marketValueBase: number | null;
  unrealizedPnl: number | null;
  unrealizedPnlPct: number | null;
  unrealizedPnlBase: number | null;
  unrealizedPnlBasePct: number | null;
  realizedPnl: number | null;
  realizedPnlBase: number | null;
  dividends: number | null;
  dividendsBase: number | null;
  fees: number | null;
  feesBase: number | null;
  dayChange: DayChange | null;
  /** Share of the total base market value of the holdings whose value is known (0..1). */
  weight: number | null;
  lots: Lot[];
  problems: HoldingProblem[];
}

export interface PortfolioTotals {
  /** Sums over the holdings where the figure is known; see `incomplete` for the others. */
  marketValue: number;
  costBasis: number;
  unrealizedPnl: number;
  unrealizedPnlPct: number | null;
  realizedPnl: number;
  dividends: number;
  fees: number;
  dayChange: number;
  dayChangePct: number | null;
  /** Holdings left out of at least one total, with the reasons (missing rate, no price yet). */
  incomplete: { securityId: number; symbol: string; reasons: HoldingProblem[] }[];
}

export interface HoldingsReport {
  baseCurrency: string;
  /** The day values are for: `asOf`, else the latest price date of an open position. */
  valuationDate: IsoDate | null;
  holdings: Holding[];
  totals: PortfolioTotals;
}

/**
 * Positions and totals from the ledger. Transactions after `asOf` are ignored; the ledger
 * must be valid (see ledger.ts) or a VALIDATION AppError names the uncovered sell.
 * Same-day order and split handling: see replay-order.ts and price-series.ts.
 */
export function computeHoldings(
  transactions: readonly Transaction[],
  prices: ReadonlyMap<number, PriceSeries>,
  securities: readonly Security[],
  fx: FxProvider,
  baseCurrency: string,
  asOf?: IsoDate,
): HoldingsReport {
  const byId = new Map(securities.map((s) => [s.id, s]));
  const bySecurity = groupForReplay(transactions, asOf === undefined ? undefined : (tx) => tx.date <= asOf);
  for (const [securityId, txs] of bySecurity) {
    if (byId.has(securityId)) continue;
    // The first line in replay order that names an unknown security.
    const tx = txs[0] as Transaction;
    throw localizedError('NOT_FOUND', 'errors:transactions.securityMissing', { id: String(tx.id) }, {
      transactionId: tx.id,
      field: 'securityId',
      securityId: tx.securityId,
    });
  }

  const allSplits = splitsBySecurity(transactions);
  const positions = [...bySecurity].map(([securityId, txs]) => {
    const security = byId.get(securityId) as Security;
    const state = replayPosition(txs, security, fx, baseCurrency);
    const series = prices.get(securityId);
    // Splits after asOf still matter: an adjusted series has divided the prices before them.
    const splits = allSplits.get(securityId) ?? [];
    const closes = series ? valuationCloses(series, splits) : null;
    return { security, state, closes, splits };
  });

  const valuationDate =
    asOf ??
    latest(positions.filter((p) => p.state.book.quantity > 0).map((p) => lastDay(p.closes))) ??
    latest(transactions.map((t) => t.date));

  const holdings = positions.map(({ security, state, closes, splits }) =>
    toHolding(security, state, closes, splits, fx, baseCurrency, valuationDate),
  );
  assignWeights(holdings);
  holdings.sort(
    (a, b) => (b.marketValueBase ?? -Infinity) - (a.marketValueBase ?? -Infinity) || a.symbol.localeCompare(b.symbol),
  );
  return { baseCurrency, valuationDate, holdings, totals: totalsOf(holdings) };
}

function toHolding(
  security: Security,
  state: ReturnType<typeof replayPosition>,
  closes: ReturnType<typeof valuationCloses> | null,
  splits: readonly SplitEvent[],
  fx: FxProvider,
  baseCurrency: string,
  valuationDate: IsoDate | null,
): Holding {
  const problems = [...state.problems];
  const quantity = state.book.quantity;
  const open = quantity > 0;
  const cost = state.book.cost;
  const costBase = state.book.costBase;

  const at = closes && valuationDate ? lastIndexOnOrBefore(closes.days, toEpochDay(valuationDate)) : -1;
  const lastPrice = at >= 0 && closes ? (closes.closes[at] as number) : null;
  const lastPriceDate = at >= 0 && closes ? fromEpochDay(closes.days[at] as number) : null;
  if (open && lastPrice === null) {
    addProblem(problems, noPriceYet(security.symbol, valuationDate));
  }

  let marketValue: number | null = open ? null : 0;
  let marketValueBase: number | null = open ? null : 0;
  if (open && lastPrice !== null && valuationDate !== null) {
    marketValue = quantity * lastPrice;
    const rate = fx.rate(security.currency, baseCurrency, valuationDate);
    if (rate.rate === null) addProblem(problems, noRate(security.currency, baseCurrency, valuationDate));
    else marketValueBase = marketValue * rate.rate;
  }

  const costBasis = orNull(cost);
  const costBasisBase = orNull(costBase);
  const unrealizedPnl = marketValue !== null && costBasis !== null ? marketValue - costBasis : null;
  const unrealizedPnlBase = marketValueBase !== null && costBasisBase !== null ? marketValueBase - costBasisBase : null;

  return {
    securityId: security.id,
    symbol: security.symbol,
    name: security.name,
    currency: security.currency,
    quantity,
    averageCost: open && costBasis !== null ? costBasis / quantity : null,
    costBasis,
    costBasisBase,
    lastPrice,
    lastPriceDate,
    marketValue,
    marketValueBase,
    unrealizedPnl,
    unrealizedPnlPct: percentOf(unrealizedPnl, costBasis),
    unrealizedPnlBase,
    unrealizedPnlBasePct: percentOf(unrealizedPnlBase, costBasisBase),
    realizedPnl: orNull(state.realized),
    realizedPnlBase: orNull(state.realizedBase),
    dividends: orNull(state.dividends),
    dividendsBase: orNull(state.dividendsBase),
    fees: orNull(state.fees),
    feesBase: orNull(state.feesBase),
    dayChange: open && closes && at >= 1 ? dayChangeOf(closes, at, quantity, splits, security.currency, baseCurrency, fx) : null,
    weight: null,
    lots: state.book.openLots(),
    problems,
  };
}

function dayChangeOf(
  closes: ReturnType<typeof valuationCloses>,
  at: number,
  quantity: number,
  splits: readonly SplitEvent[],
  currency: string,
  baseCurrency: string,
  fx: FxProvider,
): DayChange {
  const date = fromEpochDay(closes.days[at] as number);
  const previousDate = fromEpochDay(closes.days[at - 1] as number);
  // A split between the two sessions changes the share unit; compare like with like.
  let between = 1;
  for (const s of splits) if (s.date > previousDate && s.date <= date) between *= s.factor;
  const last = closes.closes[at] as number;
  const previousClose = (closes.closes[at - 1] as number) / between;
  const amount = quantity * (last - previousClose);
  const rateNow = fx.rate(currency, baseCurrency, date).rate;
  const ratePrev = fx.rate(currency, baseCurrency, previousDate).rate;
  const previousValueBase = ratePrev !== null ? quantity * previousClose * ratePrev : null;
  const amountBase = rateNow !== null && previousValueBase !== null ? quantity * last * rateNow - previousValueBase : null;
  return {
    date,
    previousDate,
    previousClose,
    pct: ((last - previousClose) / previousClose) * 100,
    amount,
    amountBase,
    pctBase: percentOf(amountBase, previousValueBase),
    previousValueBase,
  };
}

function assignWeights(holdings: Holding[]): void {
  let total = 0;
  for (const h of holdings) total += h.marketValueBase ?? 0;
  for (const h of holdings) {
    h.weight = h.marketValueBase !== null && total > 0 ? h.marketValueBase / total : null;
  }
}

function totalsOf(holdings: readonly Holding[]): PortfolioTotals {
  const sum = (pick: (h: Holding) => number | null | undefined): number =>
    holdings.reduce((acc, h) => acc + (pick(h) ?? 0), 0);
  const valued = holdings.filter((h) => h.marketValueBase !== null && h.costBasisBase !== null);
  const marketValue = sum((h) => h.marketValueBase);
  const unrealizedPnl = valued.reduce((acc, h) => acc + (h.unrealizedPnlBase as number), 0);
  const unrealizedCost = valued.reduce((acc, h) => acc + (h.costBasisBase as number), 0);
  const dayChange = sum((h) => h.dayChange?.amountBase);
  const previousValue = sum((h) => (h.dayChange?.amountBase != null ? h.dayChange.previousValueBase : null));
  return {
    marketValue,
    costBasis: sum((h) => h.costBasisBase),
    unrealizedPnl,
    unrealizedPnlPct: percentOf(unrealizedPnl, unrealizedCost),
    realizedPnl: sum((h) => h.realizedPnlBase),
    dividends: sum((h) => h.dividendsBase),
    fees: sum((h) => h.feesBase),
    dayChange,
    dayChangePct: percentOf(dayChange, previousValue),
    incomplete: holdings
      .filter((h) => h.problems.length > 0)
      .map((h) => ({ securityId: h.securityId, symbol: h.symbol, reasons: h.problems })),
  };
}

function percentOf(part: number | null, whole: number | null): number | null {
  return part !== null && whole !== null && whole !== 0 ? (part / whole) * 100 : null;
}

function lastDay(closes: ReturnType<typeof valuationCloses> | null): IsoDate | null {
  const day = closes?.days.at(-1);
  return day === undefined ? null : fromEpochDay(day);
}

function latest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d !== null && (best === null || d > best)) best = d;
  return best;
}
