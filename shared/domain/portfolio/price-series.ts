import type { PriceAdjustment } from '../prices/adjustment';
import type { IsoDate } from '../common/dates';
import type { PriceBar } from '../securities/security';
import { closesOf, epochDaysOf } from './epoch-days';
import { splitFactor } from './split-ratio';
import type { Transaction } from './transaction';

export type ClosePoint = Pick<PriceBar, 'date' | 'close'>;

export interface PriceSeries {
  adjustment: PriceAdjustment;
  /** Ascending by date, one bar per trading day. */
  bars: readonly ClosePoint[];
}

/** A split the user recorded: from `date` on, each old share is `factor` new shares. */
export interface SplitEvent {
  date: IsoDate;
  factor: number;
}

/** The user's recorded splits of every security, ascending by date, in one pass over the ledger. */
export function splitsBySecurity(transactions: readonly Transaction[]): Map<number, SplitEvent[]> {
  const out = new Map<number, SplitEvent[]>();
  for (const tx of transactions) {
    if (tx.type !== 'split' || !tx.splitRatio) continue;
    const list = out.get(tx.securityId) ?? [];
    list.push({ date: tx.date, factor: splitFactor(tx.splitRatio) });
    out.set(tx.securityId, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/**
 * Whether the series already divides the bars before `split` by its factor. A source can
 * only have adjusted for splits it had seen, so a split after the last bar never counts.
 * For 'unknown' series the bars themselves tell: across an unadjusted split the price
 * drops by about the factor (1208 → 121 for NVDA's 1:10), across an adjusted one it does not.
 */
export function seriesReflectsSplit(series: PriceSeries, split: SplitEvent): boolean {
  const last = series.bars.at(-1);
  if (last === undefined || last.date < split.date) return false;
  if (series.adjustment === 'none') return false;
  if (series.adjustment !== 'unknown') return true;
  const after = series.bars.findIndex((b) => b.date >= split.date);
  if (after <= 0) return true; // no bar before the split: nothing to adjust either way
  const before = series.bars[after - 1] as ClosePoint;
  const first = series.bars[after] as ClosePoint;
  const jump = Math.log(before.close / first.close);
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
  const bars = series.bars;
  const days = epochDaysOf(bars);
  const applied = splits.filter((s) => seriesReflectsSplit(series, s)).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (applied.length === 0) return { days, closes: closesOf(bars) };
  const closes = new Float64Array(bars.length);
  let factor = 1;
  let next = applied.length - 1;
  for (let i = bars.length - 1; i >= 0; i--) {
    const bar = bars[i] as ClosePoint;
    while (next >= 0 && (applied[next] as SplitEvent).date > bar.date) {
      factor *= (applied[next] as SplitEvent).factor;
      next--;
    }
    closes[i] = bar.close * factor;
  }
  return { days, closes };
}

/** `valuationCloses` as plain bars, for callers that show or inspect them. */
export function pricesForValuation(series: PriceSeries, splits: readonly SplitEvent[]): ClosePoint[] {
  const { closes } = valuationCloses(series, splits);
  return series.bars.map((bar, i) => ({ date: bar.date, close: closes[i] as number }));
}
