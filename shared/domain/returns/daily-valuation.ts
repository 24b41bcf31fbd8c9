import { toEpochDay, type IsoDate } from '../common/dates';
import { isInflow, type CashFlow } from './cash-flow';
import type { MissingValue, ReturnWarning } from './result';

/**
 * The input every return is computed from: one row per valuation day (a day with prices),
 * ascending, for the scope measured (portfolio, account or security).
 */
export interface DailyValuation {
  date: IsoDate;
  /** Value at the end of the day, base currency, cash included. Ignored when `missing` is set. */
  value: number;
  /** Money put in that day (base currency, ≥ 0); it is at work from the start of the day. */
  inflow: number;
  /** Money taken out that day (base currency, ≥ 0); it was at work until the end of the day. */
  outflow: number;
  /** Set when the value cannot be known that day (no price, no exchange rate). */
  missing?: MissingValue;
}

/** A value on a valuation day, as the value series gives it. */
export interface DayValue {
  date: IsoDate;
  value: number;
  missing?: MissingValue;
}

/**
 * Joins a value series and the flows into daily valuations. A flow on a day without a
 * valuation (a weekend deposit) counts on the next valuation day: the value first reflects
 * it there. Flows before the first valuation count on the first; flows after the last are
 * left out with a warning, since no value after them is known yet.
 */
export function dailyValuations(
  values: readonly DayValue[],
  flows: readonly CashFlow[],
): { valuations: DailyValuation[]; warnings: ReturnWarning[] } {
  const valuations: DailyValuation[] = values.map((v) => {
    const row: DailyValuation = { date: v.date, value: v.value, inflow: 0, outflow: 0 };
    if (v.missing !== undefined) row.missing = v.missing;
    return row;
  });
  const days = Int32Array.from(values, (v) => toEpochDay(v.date));
  // Sorted by integer day: comparing date strings dominated for ledgers of 10,000 lines.
  const flowDays = Int32Array.from(flows, (f) => toEpochDay(f.date));
  const order = Array.from(flows.keys()).sort((a, b) => (flowDays[a] as number) - (flowDays[b] as number) || a - b);
  const warnings: ReturnWarning[] = [];
  let late = 0;
  let firstLate: IsoDate | null = null;
  let i = 0;
  for (const k of order) {
    const flow = flows[k] as CashFlow;
    const day = flowDays[k] as number;
    while (i < days.length && (days[i] as number) < day) i++;
    const row = valuations[i];
    if (row === undefined) {
      late++;
      firstLate ??= flow.date;
      continue;
    }
    if (isInflow(flow.kind)) row.inflow += flow.amount;
    else row.outflow += flow.amount;
  }
  if (firstLate !== null) warnings.push({ code: 'FLOWS_AFTER_LAST_VALUATION', params: { firstDate: firstLate, count: late } });
  return { valuations, warnings };
}
