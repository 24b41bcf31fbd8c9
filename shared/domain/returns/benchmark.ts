import { toEpochDay, type IsoDate } from '../common/dates';
import type { ClosePoint } from '../portfolio/price-series';
import type { DailyValuation } from './daily-valuation';
import type { ReturnPeriod } from './period';
import { annualise, DAYS_PER_YEAR, unavailable, type ReturnWarning, type Unavailable } from './result';
import { timeWeightedSeries } from './time-weighted';

/** The portfolio against a benchmark over one period, with the number of daily observations behind beta and alpha. */
export interface BenchmarkComparison {
  kind: 'ok';
  /** TTWROR of the period. */
  portfolioReturn: number;
  /** The benchmark's close-to-close return over the same period. */
  benchmarkReturn: number;
  /** portfolioReturn − benchmarkReturn. */
  excessReturn: number;
  /** Annualised portfolio return − annualised benchmark return, for periods of a year or more. */
  excessAnnualised?: number;
  /** Slope of the portfolio's daily returns on the benchmark's (least squares). */
  beta: number;
  /** Intercept of that regression per observation (risk-free rate taken as 0). */
  alphaDaily: number;
  /** alphaDaily × observations per year (observations × 365 / days), the usual way daily alpha is quoted. */
  alpha: number;
  /** Pairs of consecutive days on which both the portfolio and the benchmark have a value. */
  observations: number;
  days: number;
  /**
   * The day whose close both sides are measured from: the period's start, or the first day the
   * benchmark has a close when its history begins later (then a BENCHMARK_SHORTENED warning says so).
   */
  start: IsoDate;
  warnings: ReturnWarning[];
}

/**
 * Index of the first of `dates` on which the benchmark has a close (on that day or before), or -1
 * when it has none up to the last of them. A benchmark younger than the portfolio is compared
 * from there: both lines start on that day.
 */
export function benchmarkStartIndex(dates: readonly IsoDate[], benchmark: readonly ClosePoint[]): number {
  const first = benchmark[0]?.date;
  if (first === undefined) return -1;
  for (let i = 0; i < dates.length; i++) if ((dates[i] as IsoDate) >= first) return i;
  return -1;
}

/**
 * Compares the portfolio's TTWROR with a benchmark series (closes in the base currency; the
 * caller converts). Daily returns are paired only on days both have: a benchmark holiday is
 * spanned by one longer return rather than filled with a 0 % day, which would bias beta.
 */
export function compareWithBenchmark(
  valuations: readonly DailyValuation[],
  benchmark: readonly ClosePoint[],
  period: ReturnPeriod,
): BenchmarkComparison | Unavailable {
  const tw = timeWeightedSeries(valuations, period);
  if (tw.kind !== 'ok') return tw;
  const { dates, cumulative } = tw.series;
  const closes = new Map<IsoDate, number>(benchmark.map((b) => [b.date, b.close]));

  const first = benchmarkStartIndex(dates, benchmark);
  if (first < 0) return unavailable({ code: 'MISSING_BENCHMARK_PRICE', params: { date: dates.at(-1) as IsoDate } });
  const start = dates[first] as IsoDate;
  const startClose = closeOnOrBefore(benchmark, start) as number;
  const endClose = closeOnOrBefore(benchmark, dates.at(-1) as IsoDate) as number;
  const benchmarkReturn = endClose / startClose - 1;

  const portfolioDaily: number[] = [];
  const benchmarkDaily: number[] = [];
  let previous = -1;
  for (let i = first; i < dates.length; i++) {
    const close = closes.get(dates[i] as IsoDate);
    if (close === undefined) continue;
    if (previous >= 0) {
      portfolioDaily.push((1 + (cumulative[i] as number)) / (1 + (cumulative[previous] as number)) - 1);
      benchmarkDaily.push(close / (closes.get(dates[previous] as IsoDate) as number) - 1);
    }
    previous = i;
  }

  const observations = portfolioDaily.length;
  const fit = regression(benchmarkDaily, portfolioDaily);
  if (fit === null) return unavailable({ code: 'TOO_FEW_OBSERVATIONS', params: { observations } });

  // TTWROR links day by day, so the portfolio's return from a later start is the ratio of its growth factors.
  const shortened = first > 0;
  const portfolioReturn = shortened ? (1 + tw.result.value) / (1 + (cumulative[first] as number)) - 1 : tw.result.value;
  const days = shortened ? toEpochDay(dates.at(-1) as IsoDate) - toEpochDay(start) : tw.result.days;
  const warnings: ReturnWarning[] = shortened
    ? [...tw.result.warnings, { code: 'BENCHMARK_SHORTENED', params: { requestedStart: dates[0] as IsoDate, start } }]
    : tw.result.warnings;
  const portfolioAnnual = annualise(portfolioReturn, days);
  const benchmarkAnnual = annualise(benchmarkReturn, days);
  const comparison: BenchmarkComparison = {
    kind: 'ok',
    portfolioReturn,
    benchmarkReturn,
    excessReturn: portfolioReturn - benchmarkReturn,
    beta: fit.slope,
    alphaDaily: fit.intercept,
    alpha: (fit.intercept * observations * DAYS_PER_YEAR) / days,
    observations,
    days,
    start,
    warnings,
  };
  if (portfolioAnnual !== undefined && benchmarkAnnual !== undefined) comparison.excessAnnualised = portfolioAnnual - benchmarkAnnual;
  return comparison;
}

/** Least-squares y = intercept + slope·x; null below two points or when x never varies. */
function regression(x: readonly number[], y: readonly number[]): { slope: number; intercept: number } | null {
  const n = x.length;
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i] as number;
    meanY += y[i] as number;
  }
  meanX /= n;
  meanY /= n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    covariance += dx * ((y[i] as number) - meanY);
    variance += dx * dx;
  }
  if (variance === 0) return null;
  const slope = covariance / variance;
  return { slope, intercept: meanY - slope * meanX };
}

function closeOnOrBefore(series: readonly ClosePoint[], date: IsoDate): number | null {
  let lo = 0;
  let hi = series.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const point = series[mid] as ClosePoint;
    if (point.date <= date) {
      found = point.close;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
