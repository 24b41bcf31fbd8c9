import { describe, expect, it } from 'vitest';
import { addDays, toEpochDay } from '../common/dates';
import type { DailyValuation } from './daily-valuation';
import { moneyWeightedReturn } from './money-weighted';
import { periodFor } from './period';
import { rollingMoneyWeighted, rollingTimeWeighted } from './rolling';
import { timeWeightedReturn } from './time-weighted';

const FIRST = '2021-01-01';

/** An asset whose price grows 10 % every 365 days: P(d) = 1.1^(days since FIRST / 365). */
const price = (date: string): number => Math.pow(1.1, (toEpochDay(date) - toEpochDay(FIRST)) / 365);

/**
 * Every calendar day for 800 days; 1,000 deposited on the first day; then `flows` on given days.
 * The portfolio holds only the asset: a deposit buys at the day's opening (the previous close), as
 * it is at work from the start of the day; a withdrawal sells at the close, as it is at work until the end.
 */
function history(flows: Record<string, number> = {}): DailyValuation[] {
  const rows: DailyValuation[] = [];
  let units = 0;
  for (let i = 0; i < 800; i++) {
    const date = addDays(FIRST, i);
    const flow = i === 0 ? 1000 : (flows[date] ?? 0);
    const tradePrice = i === 0 ? 1 : flow > 0 ? price(addDays(date, -1)) : price(date);
    units += flow / tradePrice;
    rows.push({ date, value: units * price(date), inflow: Math.max(0, flow), outflow: Math.max(0, -flow) });
  }
  return rows;
}

describe('rolling 1-year returns', () => {
  it('starts once a whole year lies behind a day, and gives 10 % for a steady 10 %-a-year asset', () => {
    const rows = history();
    const ttwror = rollingTimeWeighted(rows);
    // The first year starts at the close of 2020-12-31 (capital 0): 2021-12-31 is the first day with a full year.
    expect(ttwror.dates[0]).toBe('2021-12-31');
    expect(ttwror.dates.at(-1)).toBe(rows.at(-1)?.date);
    // Its window starts before the first day, whose deposit buys at the first close P = 1 and earns
    // nothing that day, so the price grows over 364 days only: 1.1^(364/365) − 1.
    expect(ttwror.values[0]).toBeCloseTo(Math.pow(1.1, 364 / 365) - 1, 10);
    // 2022-06-15: from the close of 2021-06-15, 365 days, also 10 %.
    const june = ttwror.dates.indexOf('2022-06-15');
    expect(ttwror.values[june]).toBeCloseTo(0.1, 10);
    const irr = rollingMoneyWeighted(rows);
    expect(irr.dates).toEqual(ttwror.dates);
    expect(irr.values[june]).toBeCloseTo(0.1, 10);
  });

  it('leaves deposits and withdrawals out of the rolling TTWROR', () => {
    const rows = history({ '2021-09-01': 5000, '2022-02-01': -2000, '2022-08-10': 700 });
    const ttwror = rollingTimeWeighted(rows);
    // Bought at the opening and sold at the close, flows change nothing: every full year is still 1.1 − 1.
    for (const date of ['2022-01-01', '2022-02-01', '2022-03-01', '2022-08-10', '2023-03-10']) {
      expect(ttwror.values[ttwror.dates.indexOf(date)]).toBeCloseTo(0.1, 9);
    }
  });

  it('agrees day by day with the period functions over the same year', () => {
    const rows = history({ '2021-09-01': 5000, '2022-02-01': -2000, '2022-08-10': 700 });
    const ttwror = rollingTimeWeighted(rows);
    const irr = rollingMoneyWeighted(rows);
    for (const date of ['2021-12-31', '2022-02-01', '2022-08-11', '2023-03-10']) {
      const period = periodFor('1Y', date, FIRST);
      const k = ttwror.dates.indexOf(date);
      const tw = timeWeightedReturn(rows, period);
      const mw = moneyWeightedReturn(rows, period);
      expect(tw.kind === 'ok' && tw.value).toBeCloseTo(ttwror.values[k] as number, 10);
      expect(mw.kind === 'ok' && mw.annualised).toBeCloseTo(irr.values[k] as number, 9);
    }
  });

  it('is NaN for the years that contain a missing price', () => {
    const rows = history();
    const gap = rows.findIndex((r) => r.date === '2022-03-01');
    rows[gap] = { ...(rows[gap] as DailyValuation), missing: { code: 'MISSING_PRICE', params: { securityId: 3 } } };
    const ttwror = rollingTimeWeighted(rows);
    const irr = rollingMoneyWeighted(rows);
    const at = (date: string): number => ttwror.dates.indexOf(date);
    expect(ttwror.values[at('2022-02-28')]).toBeCloseTo(0.1, 10);
    expect(ttwror.values[at('2022-03-01')]).toBeNaN();
    expect(ttwror.values[at('2023-03-01')]).toBeNaN(); // its year starts at the close of the gap day
    expect(ttwror.values[at('2023-03-02')]).toBeCloseTo(0.1, 10);
    expect(irr.values[at('2022-03-01')]).toBeNaN();
    expect(irr.values[at('2023-03-02')]).toBeCloseTo(0.1, 10);
  });

  it('is empty for a history shorter than a year', () => {
    expect(rollingTimeWeighted(history().slice(0, 300)).dates).toEqual([]);
    expect(rollingMoneyWeighted([]).dates).toEqual([]);
  });
});
