import { toEpochDay, fromEpochDay, type IsoDate } from '../common/dates';

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
    const valid = s.points.filter((p) => Number.isFinite(p.close) && p.close > 0);
    valid.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const days = Int32Array.from(valid, (p) => toEpochDay(p.date));
    const rates = Float64Array.from(valid, (p) => p.close);
    addEdge(s.from, s.to, { days, rates, invert: false });
    addEdge(s.to, s.from, { days, rates, invert: true });
  }

  const paths = new Map<string, Leg[] | null>();
  const pathOf = (from: string, to: string): Leg[] | null => {
    const key = `${from}>${to}`;
    if (!paths.has(key)) paths.set(key, shortestPath(graph, from, to));
    return paths.get(key) ?? null;
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
      for (const leg of legs) {
        const i = lastIndexOnOrBefore(leg.days, day);
        if (i < 0) return missing(from, to, date);
        const r = leg.rates[i] as number;
        rate *= leg.invert ? 1 / r : r;
        oldest = Math.min(oldest, leg.days[i] as number);
      }
      return { rate, date: oldest === day ? date : fromEpochDay(oldest) };
    },
    ratesOnDays(from, to, days) {
      const out = new Float64Array(days.length);
      if (from === to) return out.fill(1);
      const legs = pathOf(from, to);
      if (legs === null) return out.fill(Number.NaN);
      out.fill(1);
      for (const leg of legs) {
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
      return out;
    },
  };
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
