import type { IsoDate } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import type { ReturnPeriod } from './period';
import { annualise, ZERO_CAPITAL, type ReturnResult, type ReturnWarning, type Unavailable } from './result';
import { valuationWindow } from './window';

/**
 * True time-weighted rate of return (TTWROR), the growth of one unit of capital regardless of
 * when money came or went. Each valuation day t contributes
 *
 *     rₜ = (Vₜ + Outₜ) / (Vₜ₋₁ + Inₜ) − 1
 *
 * with inflows at work from the start of the day and outflows until its end; the period's
 * return is ∏(1 + rₜ) − 1. Interest, dividends, fees and taxes are not flows: they change Vₜ
 * and so are part of the return. A day whose capital Vₜ₋₁ + Inₜ is zero contributes 0; if the
 * value still changed (interest on an empty account) the result carries a warning.
 */
export function timeWeightedReturn(valuations: readonly DailyValuation[], period: ReturnPeriod): ReturnResult {
  const series = timeWeightedSeries(valuations, period);
  return series.kind === 'ok' ? series.result : series;
}

/** The cumulative TTWROR after each day of the period, for the performance chart. */
export interface TimeWeightedSeries {
  /** dates[0] is the period's start (0 %); then every valuation day of the period. */
  dates: IsoDate[];
  /** Cumulative return up to the end of dates[i] (0.1 = +10 %). */
  cumulative: Float64Array;
  /** The day's own rₜ (0 at the start point). */
  daily: Float64Array;
}

export type TimeWeightedSeriesResult =
  | { kind: 'ok'; series: TimeWeightedSeries; result: Extract<ReturnResult, { kind: 'ok' }> }
  | Unavailable;


export function timeWeightedSeries(valuations: readonly DailyValuation[], period: ReturnPeriod): TimeWeightedSeriesResult {
  const window = valuationWindow(valuations, period);
  if ('kind' in window) return window;
  const { base, last, start, days } = window;
  const n = last - base;
  const dates: IsoDate[] = new Array<IsoDate>(n + 1);
  const cumulative = new Float64Array(n + 1);
  const daily = new Float64Array(n + 1);
  dates[0] = start;

  let previous = base >= 0 ? (valuations[base] as DailyValuation).value : 0;
  let growth = 1;
  const idle = { first: '', last: '', days: 0 };
  for (let k = 1; k <= n; k++) {
    const row = valuations[base + k] as DailyValuation;
    const capital = previous + row.inflow;
    const ending = row.value + row.outflow;
    let r = 0;
    if (Math.abs(capital) > ZERO_CAPITAL) r = ending / capital - 1;
    else if (Math.abs(ending) > ZERO_CAPITAL) {
      if (idle.days === 0) idle.first = row.date;
      idle.last = row.date;
      idle.days++;
    }
    growth *= 1 + r;
    dates[k] = row.date;
    daily[k] = r;
    cumulative[k] = growth - 1;
    previous = row.value;
  }

  const warnings: ReturnWarning[] = [...window.warnings];
  if (idle.days > 0) {
    warnings.push({ code: 'VALUE_WITHOUT_CAPITAL', params: { firstDate: idle.first, lastDate: idle.last, days: idle.days } });
  }
  const value = growth - 1;
  const annualised = annualise(value, days);
  const result: Extract<ReturnResult, { kind: 'ok' }> =
    annualised === undefined ? { kind: 'ok', value, days, warnings } : { kind: 'ok', value, annualised, days, warnings };
  return { kind: 'ok', series: { dates, cumulative, daily }, result };
}
