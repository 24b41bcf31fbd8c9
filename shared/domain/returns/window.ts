import { addDays, toEpochDay, type IsoDate } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import type { ReturnPeriod } from './period';
import { unavailable, type ReturnWarning, type Unavailable } from './result';

/**
 * A period laid onto the valuation rows: the row whose close is the starting capital
 * (`base`, −1 when the history starts inside the period, so the capital is 0) and the last
 * row counted (`last`). `start`/`end` are the days actually measured and `days` their span.
 */
export interface ValuationWindow {
  base: number;
  last: number;
  start: IsoDate;
  end: IsoDate;
  days: number;
  warnings: ReturnWarning[];
}

export function valuationWindow(valuations: readonly DailyValuation[], period: ReturnPeriod): ValuationWindow | Unavailable {
  if (period.start >= period.end) return unavailable({ code: 'EMPTY_PERIOD', params: { start: period.start, end: period.end } });
  const first = valuations[0];
  const lastRow = valuations.at(-1);
  if (first === undefined || lastRow === undefined) {
    return unavailable({ code: 'NO_VALUATIONS', params: { start: period.start, end: period.end } });
  }
  const base = lastIndexOnOrBefore(valuations, period.start);
  const last = lastIndexOnOrBefore(valuations, period.end);
  if (last <= base) return unavailable({ code: 'NO_VALUATIONS', params: { start: period.start, end: period.end } });

  const warnings: ReturnWarning[] = [];
  let start = period.start;
  const dayBeforeFirst = addDays(first.date, -1);
  if (base < 0 && period.start < dayBeforeFirst) {
    start = dayBeforeFirst;
    warnings.push({ code: 'PERIOD_SHORTENED', params: { requestedStart: period.start, start } });
  }
  const end = period.end < lastRow.date ? period.end : lastRow.date;
  const days = toEpochDay(end) - toEpochDay(start);

  for (let i = Math.max(0, base); i <= last; i++) {
    const row = valuations[i] as DailyValuation;
    const missing = row.missing;
    if (missing === undefined) continue;
    return missing.code === 'MISSING_PRICE'
      ? unavailable({ code: 'MISSING_PRICE', params: { securityId: missing.params.securityId, date: row.date } })
      : unavailable({ code: 'MISSING_FX', params: { from: missing.params.from, to: missing.params.to, date: row.date } });
  }
  return { base, last, start, end, days, warnings };
}

/** Index of the last row dated on or before `date`, or −1. */
export function lastIndexOnOrBefore(valuations: readonly DailyValuation[], date: IsoDate): number {
  let lo = 0;
  let hi = valuations.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((valuations[mid] as DailyValuation).date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

