import { addDays, isoFromParts, toEpochDay, type IsoDate } from '../common/dates';

/**
 * A period measured from the close of `start` to the close of `end`: the value at the end
 * of `start` is the capital it begins with, and every day after it up to `end` counts.
 * 1Y ending 2025-12-31 is therefore { start: 2024-12-31, end: 2025-12-31 } (365 days) and
 * YTD in 2025 starts at the close of 2024-12-31.
 */
export interface ReturnPeriod {
  start: IsoDate;
  end: IsoDate;
}

export const PERIOD_RANGES = ['1M', '3M', 'YTD', '1Y', '3Y', '5Y', 'Max'] as const;
export type PeriodRange = (typeof PERIOD_RANGES)[number];

/** A custom range as the user enters it: both days included. */
export interface CustomRange {
  from: IsoDate;
  to: IsoDate;
}

const MONTHS_BACK: Record<Exclude<PeriodRange, 'YTD' | 'Max'>, number> = {
  '1M': 1,
  '3M': 3,
  '1Y': 12,
  '3Y': 36,
  '5Y': 60,
};

/**
 * The period of a named range ending at `end` (usually the last valuation day), for a history
 * whose first valuation is `firstDate`. Months are calendar months clamped to the shorter month's
 * end, as the charts count them (1M on 31 March starts at the close of 28/29 February). Max starts
 * the day before the first valuation, so the first day's gain counts. A range reaching before the
 * history is returned as asked; the return functions shorten it and say so.
 */
export function periodFor(range: PeriodRange, end: IsoDate, firstDate: IsoDate): ReturnPeriod {
  if (range === 'Max') return { start: addDays(firstDate, -1), end };
  const [year, month, day] = end.split('-').map(Number) as [number, number, number];
  if (range === 'YTD') return { start: `${String(year - 1).padStart(4, '0')}-12-31`, end };
  return { start: monthsBefore(year, month, day, MONTHS_BACK[range]), end };
}

/** A custom range's days, both included: the period starts at the close of the day before `from`. */
export function customPeriod(range: CustomRange): ReturnPeriod {
  return { start: addDays(range.from, -1), end: range.to };
}

/** Calendar days in the period (365 for a year, 366 across a leap day). */
export function periodDays(period: ReturnPeriod): number {
  return toEpochDay(period.end) - toEpochDay(period.start);
}

function monthsBefore(year: number, month: number, day: number, months: number): IsoDate {
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  // Day 0 of the next month is the last day of this one.
  const lastDayOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoFromParts(y, m, Math.min(day, lastDayOfMonth)) as IsoDate;
}
