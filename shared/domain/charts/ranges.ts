import { isoFromParts, type IsoDate } from '../common/dates';

export const CHART_RANGES = ['1M', '3M', '6M', 'YTD', '1Y', '5Y', 'Max'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

const MONTHS_BACK: Record<Exclude<ChartRange, 'YTD' | 'Max'>, number> = {
  '1M': 1,
  '3M': 3,
  '6M': 6,
  '1Y': 12,
  '5Y': 60,
};

/**
 * First calendar day shown for a range ending at `lastDate` (the last bar).
 * Months are calendar months, as users read "1M" on 31 March as "since the end
 * of February": the day is clamped to the shorter month's end. The result never
 * precedes `firstDate`, so a young listing's 5Y view simply shows everything.
 */
export function rangeStart(range: ChartRange, lastDate: IsoDate, firstDate: IsoDate): IsoDate {
  const [year, month, day] = lastDate.split('-').map(Number) as [number, number, number];
  let start: IsoDate;
  if (range === 'Max') start = firstDate;
  else if (range === 'YTD') start = `${String(year).padStart(4, '0')}-01-01`;
  else start = monthsBefore(year, month, day, MONTHS_BACK[range]);
  return start < firstDate ? firstDate : start;
}

function monthsBefore(year: number, month: number, day: number, months: number): IsoDate {
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  // Day 0 of the next month is the last day of this one.
  const lastDayOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoFromParts(y, m, Math.min(day, lastDayOfMonth)) as IsoDate;
}
