import { addDays, toEpochDay, type IsoDate } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import { solveIrr } from './irr-solver';
import { periodFor } from './period';
import { DAYS_PER_YEAR, ZERO_CAPITAL } from './result';
import { lastIndexOnOrBefore } from './window';

/**
 * A return over the year up to each valuation day, for the "rolling 1 year" chart. A day
 * gets a point once a whole year lies behind it; NaN where that year is not measurable
 * (a missing price or rate in it; for IRR also flows without a sign change).
 */
export interface RollingSeries {
  dates: IsoDate[];
  values: Float64Array;
}

/**
 * Rolling 1-year TTWROR: the growth index ∏(1 + rₜ) is built once over the whole history, so
 * each day's year is the ratio of two index values — O(days), not O(days × 250).
 */
export function rollingTimeWeighted(valuations: readonly DailyValuation[]): RollingSeries {
  const n = valuations.length;
  const growth = new Float64Array(n);
  const missingBefore = missingCounts(valuations);
  let previous = 0;
  let index = 1;
  for (let i = 0; i < n; i++) {
    const row = valuations[i] as DailyValuation;
    const capital = previous + row.inflow;
    // Same rule as timeWeightedSeries: no capital, no return.
    if (row.missing === undefined && Math.abs(capital) > ZERO_CAPITAL) index *= (row.value + row.outflow) / capital;
    growth[i] = index;
    previous = row.missing === undefined ? row.value : previous;
  }

  const windows = yearWindows(valuations);
  const values = new Float64Array(windows.ends.length);
  for (let k = 0; k < windows.ends.length; k++) {
    const base = windows.bases[k] as number;
    const end = windows.ends[k] as number;
    if (hasMissing(missingBefore, base, end)) {
      values[k] = Number.NaN;
      continue;
    }
    const from = base < 0 ? 1 : (growth[base] as number);
    values[k] = from !== 0 ? (growth[end] as number) / from - 1 : directProduct(valuations, base, end);
  }
  return { dates: windows.dates, values };
}

/**
 * Rolling 1-year IRR: for each day, the value a year earlier paid in, the year's flows, and the
 * day's value received, solved with the previous day's rate as the first guess (neighbouring
 * years differ by a day, so the solver usually needs two or three steps).
 */
export function rollingMoneyWeighted(valuations: readonly DailyValuation[]): RollingSeries {
  const missingBefore = missingCounts(valuations);
  const epochDays = Int32Array.from(valuations, (v) => toEpochDay(v.date));
  const flowRows: number[] = [];
  for (let i = 0; i < valuations.length; i++) {
    const row = valuations[i] as DailyValuation;
    if (row.inflow !== row.outflow) flowRows.push(i);
  }

  const windows = yearWindows(valuations);
  const values = new Float64Array(windows.ends.length);
  const years = new Float64Array(flowRows.length + 2);
  const amounts = new Float64Array(flowRows.length + 2);
  let firstFlow = 0;
  let guess = 0.05;
  for (let k = 0; k < windows.ends.length; k++) {
    const base = windows.bases[k] as number;
    const end = windows.ends[k] as number;
    if (hasMissing(missingBefore, base, end)) {
      values[k] = Number.NaN;
      continue;
    }
    const startDay = toEpochDay(windows.starts[k] as IsoDate);
    let count = 0;
    if (base >= 0) {
      years[count] = 0;
      amounts[count++] = -(valuations[base] as DailyValuation).value;
    }
    while (firstFlow < flowRows.length && (flowRows[firstFlow] as number) <= base) firstFlow++;
    for (let f = firstFlow; f < flowRows.length && (flowRows[f] as number) <= end; f++) {
      const row = valuations[flowRows[f] as number] as DailyValuation;
      years[count] = ((epochDays[flowRows[f] as number] as number) - startDay) / DAYS_PER_YEAR;
      amounts[count++] = row.outflow - row.inflow;
    }
    years[count] = ((epochDays[end] as number) - startDay) / DAYS_PER_YEAR;
    amounts[count++] = (valuations[end] as DailyValuation).value;
    const solution = solveIrr(years.subarray(0, count), amounts.subarray(0, count), guess);
    if (solution.kind === 'root') {
      values[k] = solution.rate;
      guess = solution.rate;
    } else values[k] = Number.NaN;
  }
  return { dates: windows.dates, values };
}

/** For each day with a whole year behind it: the row of the year's starting close and the day's row. */
function yearWindows(valuations: readonly DailyValuation[]): { dates: IsoDate[]; starts: IsoDate[]; bases: Int32Array; ends: Int32Array } {
  const first = valuations[0];
  const dates: IsoDate[] = [];
  const starts: IsoDate[] = [];
  const bases: number[] = [];
  const ends: number[] = [];
  if (first === undefined) return { dates, starts, bases: new Int32Array(), ends: new Int32Array() };
  const historyStart = addDays(first.date, -1);
  for (let i = 0; i < valuations.length; i++) {
    const date = (valuations[i] as DailyValuation).date;
    const { start } = periodFor('1Y', date, first.date);
    if (start < historyStart) continue;
    dates.push(date);
    starts.push(start);
    bases.push(lastIndexOnOrBefore(valuations, start));
    ends.push(i);
  }
  return { dates, starts, bases: Int32Array.from(bases), ends: Int32Array.from(ends) };
}

/** missing[i + 1] = rows before and at i whose value is not known. */
function missingCounts(valuations: readonly DailyValuation[]): Int32Array {
  const counts = new Int32Array(valuations.length + 1);
  for (let i = 0; i < valuations.length; i++) counts[i + 1] = (counts[i] as number) + ((valuations[i] as DailyValuation).missing ? 1 : 0);
  return counts;
}

function hasMissing(counts: Int32Array, base: number, end: number): boolean {
  return (counts[end + 1] as number) - (counts[Math.max(0, base)] as number) > 0;
}

/** The growth after a total loss, when the index ratio is 0/0: multiplied out over the window. */
function directProduct(valuations: readonly DailyValuation[], base: number, end: number): number {
  let previous = base >= 0 ? (valuations[base] as DailyValuation).value : 0;
  let growth = 1;
  for (let i = base + 1; i <= end; i++) {
    const row = valuations[i] as DailyValuation;
    const capital = previous + row.inflow;
    if (Math.abs(capital) > ZERO_CAPITAL) growth *= (row.value + row.outflow) / capital;
    previous = row.value;
  }
  return growth - 1;
}
