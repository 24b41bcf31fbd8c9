import { toEpochDay, fromEpochDay, type IsoDate } from '../common/dates';
import { closesOf, epochDaysOf } from './epoch-days';

/** One imported exchange-rate series: 1 unit of `from` costs `close` units of `to`. */
export interface FxSeries {
  from: string;
  to: string;
  points: readonly { date: IsoDate; close: number }[];
}

/** A rate, with the day it was quoted (the last quote on or before the day asked for). */
export type FxRate = { rate: number; date: IsoDate; reason?: undefined } | { rate: null; date?: undefined; reason: string };

export interface FxProvider {
  /** Same currency is exactly 1; a missing rate is `null` with a reason, never 1. */
  rate(from: string, to: string, date: IsoDate): FxRate;
  /**
   * Rates for many ascending epoch days in one pass (NaN where no rate exists yet), for
   * loops over thousands of days where a lookup per day would be too slow.
   */
  ratesOnDays(from: string, to: string, days: Int32Array): Float64Array;
  /**
   * `rate(from, to, date).rate` for an epoch day, NaN where it is null: a replay converts every
   * transaction and needs only the number, not an object with the quote's date.
   */
  rateOn(from: string, to: string, day: number): number;
}

/**
 * Reads Yahoo-style FX symbols: 'HKDEUR=X' is HKD→EUR, and the short form 'HKD=X' means
 * USD→HKD (Yahoo quotes the dollar against the named currency).
 */
export function fxPairFromSymbol(symbol: string): { from: string; to: string } | null {
  const long = /^([A-Z]{3})([A-Z]{3})=X$/.exec(symbol);
  if (long) return { from: long[1] as string, to: long[2] as string };
  const short = /^([A-Z]{3})=X$/.exec(symbol);
  return short ? { from: 'USD', to: short[1] as string } : null;
}

interface Leg {
  days: Int32Array;
  rates: Float64Array;
  invert: boolean;
}

interface Edge {
  to: string;
  leg: Leg;
}

/**
 * Resolves A→B from the series directly, from the inverse of B→A, or through other
 * currencies (HKD→USD→EUR from USD/HKD and EUR/USD), choosing the path with the fewest
 * conversions. Each leg uses its last quote on or before the day; the reported date is the
 * oldest of those quotes, so a stale cross rate is visible.
 */
export function createFxProvider(series: readonly FxSeries[]): FxProvider {
  const graph = new Map<string, Edge[]>();
  const addEdge = (a: string, b: string, leg: Leg): void => {
    const edges = graph.get(a) ?? [];
    edges.push({ to: b, leg });
    graph.set(a, edges);
  };
  for (const s of series) {
    const { days, rates } = legColumns(s.points);
    addEdge(s.from, s.to, { days, rates, invert: false });
    addEdge(s.to, s.from, { days, rates, invert: true });
  }

  // By source, then target currency: asked for once per transaction, a key string built per call
  // was most of the look-up's cost.
  const paths = new Map<string, Map<string, Leg[] | null>>();
  const pathOf = (from: string, to: string): Leg[] | null => {
    let targets = paths.get(from);
    if (targets === undefined) paths.set(from, (targets = new Map()));
    let legs = targets.get(to);
    if (legs === undefined) targets.set(to, (legs = shortestPath(graph, from, to)));
    return legs;
  };
  const missing = (from: string, to: string, date: IsoDate): FxRate => ({
    rate: null,
    reason: `no ${from}→${to} rate on or before ${date}`,
  });

  return {
    rate(from, to, date) {
      if (from === to) return { rate: 1, date };
      const legs = pathOf(from, to);
      if (legs === null) return missing(from, to, date);
      const day = toEpochDay(date);
      let rate = 1;
      let oldest = day;
      for (let k = 0; k < legs.length; k++) {
        const leg = legs[k] as Leg;
        const i = lastIndexOnOrBefore(leg.days, day);
        if (i < 0) return missing(from, to, date);
        const r = leg.rates[i] as number;
        rate *= leg.invert ? 1 / r : r;
        oldest = Math.min(oldest, leg.days[i] as number);
      }
      return { rate, date: oldest === day ? date : fromEpochDay(oldest) };
    },
    rateOn(from, to, day) {
      if (from === to) return 1;
      const legs = pathOf(from, to);
      if (legs === null) return Number.NaN;
      let rate = 1;
      for (let k = 0; k < legs.length; k++) {
        const leg = legs[k] as Leg;
        const i = lastIndexOnOrBefore(leg.days, day);
        if (i < 0) return Number.NaN;
        const r = leg.rates[i] as number;
        rate *= leg.invert ? 1 / r : r;
      }
      return rate;
    },
    ratesOnDays(from, to, days) {
      const out = new Float64Array(days.length);
      if (from === to) return out.fill(1);
      const legs = pathOf(from, to);
      if (legs === null) return out.fill(Number.NaN);
      out.fill(1);
      for (const leg of legs) applyLeg(out, days, leg);
      return out;
    },
  };
}

/**
 * A series' usable quotes (finite, above zero) as ascending epoch days and rates. A series read from
 * the database is all usable and in order already: then its days and closes are the ones remembered
 * for its points array (epoch-days.ts), shared read-only, and a provider built per request reads no
 * date string again. Otherwise the quotes are filtered and sorted by day, equal days kept in order.
 */
function legColumns(points: FxSeries['points']): { days: Int32Array; rates: Float64Array } {
  const allDays = epochDaysOf(points);
  const allRates = closesOf(points);
  if (allUsableInOrder(allDays, allRates)) return { days: allDays, rates: allRates };
  const valid: number[] = [];
  for (let i = 0; i < allDays.length; i++) {
    const close = allRates[i] as number;
    if (Number.isFinite(close) && close > 0) valid.push(i);
  }
  valid.sort((x, y) => (allDays[x] as number) - (allDays[y] as number));
  const days = new Int32Array(valid.length);
  const rates = new Float64Array(valid.length);
  for (let k = 0; k < valid.length; k++) {
    days[k] = allDays[valid[k] as number] as number;
    rates[k] = allRates[valid[k] as number] as number;
  }
  return { days, rates };
}

/** Whether every quote is usable and no day comes before the one above it (its own function: see applyLeg). */
function allUsableInOrder(days: Int32Array, rates: Float64Array): boolean {
  for (let i = 0; i < days.length; i++) {
    const rate = rates[i] as number;
    if (!(Number.isFinite(rate) && rate > 0) || (i > 0 && (days[i - 1] as number) > (days[i] as number))) return false;
  }
  return true;
}

/**
 * Multiplies each day's rate by the leg's (NaN before its first quote). Long loops live in small
 * functions of their own here: the engine compiles a long loop while it runs, and such code that also
 * covered the lines after the loop was thrown away again on every later call (see groupForReplay).
 */
function applyLeg(out: Float64Array, days: Int32Array, leg: Leg): void {
  let j = -1;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    while (j + 1 < leg.days.length && (leg.days[j + 1] as number) <= day) j++;
    if (j < 0) out[i] = Number.NaN;
    else {
      const r = leg.rates[j] as number;
      out[i] = (out[i] as number) * (leg.invert ? 1 / r : r);
    }
  }
}

function shortestPath(graph: Map<string, Edge[]>, from: string, to: string): Leg[] | null {
  const cameFrom = new Map<string, { prev: string; leg: Leg }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const ccy of frontier) {
      for (const edge of graph.get(ccy) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        cameFrom.set(edge.to, { prev: ccy, leg: edge.leg });
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const legs: Leg[] = [];
  for (let at = to; at !== from; ) {
    const step = cameFrom.get(at);
    if (step === undefined) return null;
    legs.unshift(step.leg);
    at = step.prev;
  }
  return legs;
}

/** Index of the last element ≤ day in an ascending array, or -1. */
export function lastIndexOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
