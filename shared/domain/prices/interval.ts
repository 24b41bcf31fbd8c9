/**
 * How far apart a series' bars are. Monthly and weekly exports (Investing.com's
 * "Monthly" view, Yahoo's 1wk/1mo) carry one row per period, dated on its first day;
 * reading them as daily bars would make every hover and return look like one session.
 */
export const PRICE_INTERVALS = ['daily', 'weekly', 'monthly'] as const;
export type PriceInterval = (typeof PRICE_INTERVALS)[number];

/**
 * The interval from the gaps between consecutive epoch days (sorted oldest first). The
 * median gap decides, so holidays and a missing month do not tip it: trading days are
 * 1–4 days apart, weeks 5–10, months 25–35 (28 to 31 days, or more after a gap).
 * Fewer than three bars say nothing and count as daily.
 */
export function detectInterval(days: ArrayLike<number>): PriceInterval {
  if (days.length < 3) return 'daily';
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push((days[i] ?? 0) - (days[i - 1] ?? 0));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 1;
  if (median >= 25 && median <= 35) return 'monthly';
  if (median >= 5 && median <= 10) return 'weekly';
  return 'daily';
}

const UNIT: Record<PriceInterval, [one: string, many: string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
};

/** "1 month", "145 months", "3,210 days": the bar count in the interval's unit. */
export function barCountWords(interval: PriceInterval, count: number, formatCount: (n: number) => string): string {
  const [one, many] = UNIT[interval];
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The hover label for a bar: its day for daily bars, "Week of 6 Jan 2025", "Jan 2020". */
export function barPeriodKind(interval: PriceInterval): 'day' | 'week' | 'month' {
  return interval === 'daily' ? 'day' : interval === 'weekly' ? 'week' : 'month';
}
