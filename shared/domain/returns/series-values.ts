import type { ValueSeries } from '../portfolio/value-series';
import type { DayValue } from './daily-valuation';

/**
 * The day values of a portfolio value series, optionally plus a cash balance on the same days
 * (base currency). A day on which some held security has no value yet (no price, no rate) is
 * marked missing with the first such security, so a return over it is "unavailable" naming it
 * instead of counting the partial total.
 */
export function dayValuesFromSeries(series: ValueSeries, cash?: ArrayLike<number>): DayValue[] {
  const out: DayValue[] = new Array<DayValue>(series.days.length);
  for (let i = 0; i < series.days.length; i++) {
    const value = (series.marketValue[i] as number) + (cash === undefined ? 0 : (cash[i] as number));
    const day: DayValue = { date: series.dates[i] as string, value };
    if (series.incomplete[i] === 1) {
      const holding = series.holdings.find((h) => Number.isNaN(h.marketValue[i]));
      if (holding !== undefined) day.missing = { code: 'MISSING_PRICE', params: { securityId: holding.securityId } };
    }
    out[i] = day;
  }
  return out;
}
