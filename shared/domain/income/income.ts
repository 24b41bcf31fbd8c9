import type { IsoDate } from '../common/dates';
import { add, roundToMinorUnit, subtract, toNumber, type DecimalInput } from '../money';

export const INCOME_KINDS = ['dividend', 'interest'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/**
 * A dividend or interest payment as booked, already in the base currency (converted once, at
 * the rate of the booking). `tax` is what was withheld at source; the net received is gross − tax.
 */
export interface IncomeEvent {
  date: IsoDate;
  kind: IncomeKind;
  /** The paying security; null for interest on cash. */
  securityId: number | null;
  gross: DecimalInput;
  tax: DecimalInput;
}

/** Base currency, rounded to its minor unit after summing exactly. */
export interface IncomeAmounts {
  gross: number;
  tax: number;
  net: number;
}

export interface IncomeTotals {
  dividends: IncomeAmounts;
  interest: IncomeAmounts;
  total: IncomeAmounts;
}

/** One bar of the income chart: a month ('2025-03') or a year ('2025'). */
export interface IncomeBucket extends IncomeTotals {
  key: string;
}

export interface SecurityIncome extends IncomeTotals {
  securityId: number;
}

/** Exact running sums of one group of events, rounded only when read. */
class Tally {
  private readonly sums = { dividend: { gross: '0', tax: '0' }, interest: { gross: '0', tax: '0' } };

  addEvent(event: IncomeEvent): void {
    const sum = this.sums[event.kind];
    sum.gross = add(sum.gross, event.gross);
    sum.tax = add(sum.tax, event.tax);
  }

  totals(currency: string): IncomeTotals {
    const d = this.sums.dividend;
    const i = this.sums.interest;
    return {
      dividends: amounts(d.gross, d.tax, currency),
      interest: amounts(i.gross, i.tax, currency),
      total: amounts(add(d.gross, i.gross), add(d.tax, i.tax), currency),
    };
  }
}

function amounts(gross: string, tax: string, currency: string): IncomeAmounts {
  const round = (v: string): number => toNumber(roundToMinorUnit(v, currency));
  return { gross: round(gross), tax: round(tax), net: round(subtract(gross, tax)) };
}

/** Dividends and interest of all events (or those dated within `range`, both days included). */
export function incomeTotals(events: readonly IncomeEvent[], baseCurrency: string, range?: { from: IsoDate; to: IsoDate }): IncomeTotals {
  const tally = new Tally();
  for (const e of events) if (range === undefined || (e.date >= range.from && e.date <= range.to)) tally.addEvent(e);
  return tally.totals(baseCurrency);
}

/**
 * Income per calendar month, ascending, every month from the first to the last event (or of
 * `range`) present, empty months as zeros, so the bars sit on an even time axis.
 */
export function incomeByMonth(events: readonly IncomeEvent[], baseCurrency: string, range?: { from: IsoDate; to: IsoDate }): IncomeBucket[] {
  return buckets(events, baseCurrency, (date) => date.slice(0, 7), nextMonth, range && { from: range.from.slice(0, 7), to: range.to.slice(0, 7) });
}

/** Income per calendar year, ascending, every year from the first to the last event (or of `range`). */
export function incomeByYear(events: readonly IncomeEvent[], baseCurrency: string, range?: { from: IsoDate; to: IsoDate }): IncomeBucket[] {
  return buckets(events, baseCurrency, (date) => date.slice(0, 4), (key) => String(Number(key) + 1).padStart(4, '0'), range && { from: range.from.slice(0, 4), to: range.to.slice(0, 4) });
}

/** Income per paying security (interest on cash left out), largest net first. */
export function incomeBySecurity(events: readonly IncomeEvent[], baseCurrency: string): SecurityIncome[] {
  const tallies = new Map<number, Tally>();
  for (const e of events) {
    if (e.securityId === null) continue;
    let tally = tallies.get(e.securityId);
    if (tally === undefined) tallies.set(e.securityId, (tally = new Tally()));
    tally.addEvent(e);
  }
  return [...tallies]
    .map(([securityId, tally]) => ({ securityId, ...tally.totals(baseCurrency) }))
    .sort((a, b) => b.total.net - a.total.net || a.securityId - b.securityId);
}

function buckets(
  events: readonly IncomeEvent[],
  currency: string,
  keyOf: (date: IsoDate) => string,
  next: (key: string) => string,
  range: { from: string; to: string } | undefined,
): IncomeBucket[] {
  const tallies = new Map<string, Tally>();
  let first = range?.from;
  let last = range?.to;
  for (const e of events) {
    const key = keyOf(e.date);
    if (range !== undefined && (key < range.from || key > range.to)) continue;
    if (first === undefined || key < first) first = key;
    if (last === undefined || key > last) last = key;
    let tally = tallies.get(key);
    if (tally === undefined) tallies.set(key, (tally = new Tally()));
    tally.addEvent(e);
  }
  const out: IncomeBucket[] = [];
  if (first === undefined || last === undefined) return out;
  for (let key = first; key <= last; key = next(key)) out.push({ key, ...(tallies.get(key) ?? new Tally()).totals(currency) });
  return out;
}

function nextMonth(key: string): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
