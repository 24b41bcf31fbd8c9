import { addDays, isoFromParts, type IsoDate } from '../common/dates';
import { incomeTotals, type IncomeAmounts, type IncomeEvent } from './income';

/** A yield as a fraction (0.035 = 3.5 %), gross and net of withholding tax, with the income it rests on. */
export type YieldResult =
  | { kind: 'ok'; gross: number; net: number; income: IncomeAmounts; from: IsoDate; to: IsoDate }
  | { kind: 'unavailable'; reason: { code: 'ZERO_BASE'; params: Record<string, never> } };

/**
 * The twelve months up to and including `asOf`: from the day after the same date a year earlier
 * (clamped to the month's end, so 29 Feb looks back to 1 Mar).
 */
export function trailingTwelveMonths(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const yearBefore = isoFromParts(year - 1, month, Math.min(day, lastDay)) as IsoDate;
  return { from: addDays(yearBefore, 1), to: asOf };
}

/**
 * Trailing-12-month yield: the last twelve months' income over today's market value.
 * Pass the events of the scope measured (one security's dividends, or the whole portfolio's).
 */
export function trailingYield(events: readonly IncomeEvent[], marketValue: number, asOf: IsoDate, baseCurrency: string): YieldResult {
  return yieldOver(events, marketValue, asOf, baseCurrency);
}

/** Yield on cost: the last twelve months' income over what the shares held cost (their cost basis). */
export function yieldOnCost(events: readonly IncomeEvent[], costBasis: number, asOf: IsoDate, baseCurrency: string): YieldResult {
  return yieldOver(events, costBasis, asOf, baseCurrency);
}

function yieldOver(events: readonly IncomeEvent[], base: number, asOf: IsoDate, currency: string): YieldResult {
  if (!(base > 0)) return { kind: 'unavailable', reason: { code: 'ZERO_BASE', params: {} } };
  const range = trailingTwelveMonths(asOf);
  const income = incomeTotals(events, currency, range).total;
  return { kind: 'ok', gross: income.gross / base, net: income.net / base, income, ...range };
}
