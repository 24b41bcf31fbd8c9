import type { PriceAdjustment } from '../prices/adjustment';
import { toEpochDay, type IsoDate } from '../common/dates';
import type { PriceBar } from '../securities/security';
import { closesOf, epochDaysOf } from './epoch-days';
import { splitFactor } from './split-ratio';
import type { Transaction } from './transaction';

export type ClosePoint = Pick<PriceBar, 'date' | 'close'>;

export interface PriceSeries {
  adjustment: PriceAdjustment;
  /** Ascending by date, one bar per trading day. */
  bars: readonly ClosePoint[];
  /**
   * The same days (epoch days) and closes as typed arrays, when the reader has them (the database
   * stores epoch days): the valuation reads these and never needs the bars, which a reader may then
   * build only when asked for (see readCloseSeries). Read-only; same length and order as `bars`.
   */
  columns?: { days: Int32Array; closes: Float64Array };
}

/** A split the user recorded: from `date` on, each old share is `factor` new shares. */
export interface SplitEvent {
  date: IsoDate;
  factor: number;
}

const byDate = (a: SplitEvent, b: SplitEvent): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The user's recorded splits of every security, ascending by date, in one pass over the ledger. */
export function splitsBySecurity(transactions: readonly Transaction[]): Map<number, SplitEvent[]> {
  const out = collectSplits(transactions);
  for (const list of out.values()) if (list.length > 1) list.sort(byDate);
  return out;
}

/** The loop over the ledger on its own, for the reason given at replay-order.ts's bySecurity. */
function collectSplits(transactions: readonly Transaction[]): Map<number, SplitEvent[]> {
  const out = new Map<number, SplitEvent[]>();
  for (let i = 0; i < transactions.length; i++) {
    const tx = transactions[i] as Transaction;
    if (tx.type !== 'split' || !tx.splitRatio) continue;
    const list = out.get(tx.securityId) ?? [];
    list.push({ date: tx.date, factor: splitFactor(tx.splitRatio) });
    out.set(tx.securityId, list);
  }
  return out;
}

/**
 * Whether the series already divides the bars before `split` by its factor. A source can
 * only have adjusted for splits it had seen, so a split after the last bar never counts.
 * For 'unknown' series the bars themselves tell: across an unadjusted split the price
 * drops by about the factor (1208 → 121 for NVDA's 1:10), across an adjusted one it does not.
 */
export function seriesReflectsSplit(series: PriceSeries, split: SplitEvent): boolean {
  // On the typed columns (days and closes): the bars may not even be built (see PriceSeries.columns).
  const days = series.columns?.days ?? epochDaysOf(series.bars);
  const n = days.length;
  const splitDay = toEpochDay(split.date);
  if (n === 0 || (days[n - 1] as number) < splitDay) return false;
  if (series.adjustment === 'none') return false;
  if (series.adjustment !== 'unknown') return true;
  const closes = series.columns?.closes ?? closesOf(series.bars);
  // First bar on or after the split day.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < splitDay) lo = mid + 1;
    else hi = mid;
  }
  const after = lo;
  if (after <= 0) return true; // no bar before the split: nothing to adjust either way
  const jump = Math.log((closes[after - 1] as number) / (closes[after] as number));
  return Math.abs(jump) < Math.abs(jump - Math.log(split.factor));
}

/** Traded closes as typed arrays, for loops over thousands of days. */
export interface ValuationCloses {
  /** Both arrays may be shared with other callers of the same bars (cached): read, never write. */
  days: Int32Array;
  closes: Float64Array;
}

/**
 * Prices in the same units as the ledger's share counts. The ledger counts pre-split shares
 * before a split date, so a split-adjusted close there is multiplied back by the factors of
 * every split after it that the series reflects: NVDA's adjusted 120.86 on 2024-06-07
 * becomes the 1208.60 a pre-split share actually cost. Never value pre-split shares at
 * adjusted prices — that understates the position tenfold.
 */
export function valuationCloses(series: PriceSeries, splits: readonly SplitEvent[]): ValuationCloses {
  const days = series.columns?.days ?? epochDaysOf(series.bars);
  const traded = series.columns?.closes ?? closesOf(series.bars);
  const applied = splits.filter((s) => seriesReflectsSplit(series, s)).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (applied.length === 0) return { days, closes: traded };
  // The same history and splits come back for every scope (portfolio, each account): adjusted once.
  const key = applied.map((s) => `${s.date}:${s.factor}`).join('|');
  let bySplits = adjustedCache.get(traded);
  const cached = bySplits?.get(key);
  if (cached !== undefined) return { days, closes: cached };
  const splitDays = applied.map((s) => toEpochDay(s.date));
  const closes = new Float64Array(days.length);
  let factor = 1;
  let next = applied.length - 1;
  for (let i = days.length - 1; i >= 0; i--) {
    while (next >= 0 && (splitDays[next] as number) > (days[i] as number)) {
      factor *= (applied[next] as SplitEvent).factor;
      next--;
    }
    closes[i] = (traded[i] as number) * factor;
  }
  if (bySplits === undefined) adjustedCache.set(traded, (bySplits = new Map()));
  bySplits.set(key, closes);
  return { days, closes };
}

/** Split-adjusted closes per traded closes array and set of applied splits (read-only, like the days). */
const adjustedCache = new WeakMap<Float64Array, Map<string, Float64Array>>();

/** `valuationCloses` as plain bars, for callers that show or inspect them. */
export function pricesForValuation(series: PriceSeries, splits: readonly SplitEvent[]): ClosePoint[] {
  const { closes } = valuationCloses(series, splits);
  return series.bars.map((bar, i) => ({ date: bar.date, close: closes[i] as number }));
}
