import { toEpochDay, type IsoDate } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import { solveIrr } from './irr-solver';
import type { ReturnPeriod } from './period';
import { DAYS_PER_YEAR, unavailable, type ReturnResult, type Unavailable } from './result';
import { valuationWindow } from './window';

/** An amount on a day, Excel's sign: money the investor pays in is negative, money received positive. */
export interface DatedAmount {
  date: IsoDate;
  amount: number;
}

/** The annual internal rate of return, as Excel's XIRR defines it (actual days / 365). */
export type XirrResult = { kind: 'ok'; rate: number } | Unavailable;

/**
 * XIRR: the annual rate r with Σ amountᵢ / (1 + r)^((dateᵢ − date₀)/365) = 0.
 * Excel's example (−10,000 on 2008-01-01 … 2,750 on 2009-04-01) gives 0.37336.
 */
export function xirr(flows: readonly DatedAmount[], guess = 0.1): XirrResult {
  const first = flows.reduce((min, f) => Math.min(min, toEpochDay(f.date)), Infinity);
  const years = Float64Array.from(flows, (f) => (toEpochDay(f.date) - first) / DAYS_PER_YEAR);
  const amounts = Float64Array.from(flows, (f) => f.amount);
  const solution = solveIrr(years, amounts, guess);
  if (solution.kind === 'no-sign-change') return unavailable({ code: 'NO_SIGN_CHANGE', params: { flows: flows.length } });
  if (solution.kind === 'no-root') return unavailable({ code: 'NO_ROOT', params: { flows: flows.length } });
  return { kind: 'ok', rate: solution.rate };
}

/**
 * Money-weighted return (IRR) of a period: the starting value is paid in at the start, every
 * flow of the period at its day, and the ending value received at the end. `annualised` is the
 * annual IRR (present for periods of a year or more); `value` is that rate compounded over the
 * years money was at work in the period, (1 + IRR)^years − 1, counted from the first non-zero
 * flow (usually the start value), so a single deposit's IRR equals its simple return and
 * compares with the TTWROR of the same period.
 */
export function moneyWeightedReturn(valuations: readonly DailyValuation[], period: ReturnPeriod, guess = 0.1): ReturnResult {
  const window = valuationWindow(valuations, period);
  if ('kind' in window) return window;
  const { base, last, start, end, days } = window;
  const startDay = toEpochDay(start);
  const years: number[] = [];
  const amounts: number[] = [];
  const push = (day: number, amount: number): void => {
    if (amount === 0) return;
    years.push((day - startDay) / DAYS_PER_YEAR);
    amounts.push(amount);
  };
  if (base >= 0) push(startDay, -(valuations[base] as DailyValuation).value);
  for (let i = base + 1; i <= last; i++) {
    const row = valuations[i] as DailyValuation;
    const day = toEpochDay(row.date);
    push(day, row.outflow - row.inflow);
    if (i === last) push(toEpochDay(end), row.value);
  }

  const solution = solveIrr(Float64Array.from(years), Float64Array.from(amounts), guess);
  if (solution.kind === 'no-sign-change') return unavailable({ code: 'NO_SIGN_CHANGE', params: { flows: amounts.length } });
  if (solution.kind === 'no-root') return unavailable({ code: 'NO_ROOT', params: { flows: amounts.length } });
  const atWork = (toEpochDay(end) - startDay) / DAYS_PER_YEAR - Math.min(...years);
  const value = Math.expm1(solution.logRate * atWork);
  return days >= DAYS_PER_YEAR
    ? { kind: 'ok', value, annualised: solution.rate, days, warnings: window.warnings }
    : { kind: 'ok', value, days, warnings: window.warnings };
}
