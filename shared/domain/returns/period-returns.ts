import type { IsoDate } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import { moneyWeightedReturn } from './money-weighted';
import { PERIOD_RANGES, periodFor, type PeriodRange, type ReturnPeriod } from './period';
import { unavailable, type ReturnResult } from './result';
import { timeWeightedReturn } from './time-weighted';

/** Both returns of one period, as Holdings shows them side by side. */
export interface PeriodReturns {
  period: ReturnPeriod;
  timeWeighted: ReturnResult;
  moneyWeighted: ReturnResult;
}

/**
 * TTWROR and IRR for each named range (by default all seven, 1M to Max; a custom range is `returnsFor`) ending at `end`,
 * which defaults to the last valuation day, all from one full daily series.
 */
export function periodReturns(
  valuations: readonly DailyValuation[],
  ranges: readonly PeriodRange[] = PERIOD_RANGES,
  end?: IsoDate,
): Map<PeriodRange, PeriodReturns> {
  const out = new Map<PeriodRange, PeriodReturns>();
  const first = valuations[0];
  const last = end ?? valuations.at(-1)?.date;
  for (const range of ranges) {
    if (first === undefined || last === undefined) {
      const period = { start: '', end: '' };
      const reason = unavailable({ code: 'NO_VALUATIONS', params: period });
      out.set(range, { period, timeWeighted: reason, moneyWeighted: reason });
      continue;
    }
    const period = periodFor(range, last, first.date);
    out.set(range, { period, ...returnsFor(valuations, period) });
  }
  return out;
}

/** TTWROR and IRR of any period, a custom range included (see `customPeriod`). */
export function returnsFor(valuations: readonly DailyValuation[], period: ReturnPeriod): Omit<PeriodReturns, 'period'> {
  return { timeWeighted: timeWeightedReturn(valuations, period), moneyWeighted: moneyWeightedReturn(valuations, period) };
}
