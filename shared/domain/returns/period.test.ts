import { describe, expect, it } from 'vitest';
import type { DailyValuation } from './daily-valuation';
import { customPeriod, periodDays, periodFor } from './period';
import { periodReturns } from './period-returns';

describe('periodFor', () => {
  it('measures each range from the close of its start day', () => {
    const first = '2006-01-02';
    expect(periodFor('1M', '2025-12-31', first)).toEqual({ start: '2025-11-30', end: '2025-12-31' });
    expect(periodFor('3M', '2025-12-31', first)).toEqual({ start: '2025-09-30', end: '2025-12-31' });
    expect(periodFor('YTD', '2025-06-15', first)).toEqual({ start: '2024-12-31', end: '2025-06-15' });
    expect(periodFor('1Y', '2025-12-31', first)).toEqual({ start: '2024-12-31', end: '2025-12-31' });
    expect(periodFor('3Y', '2025-12-31', first)).toEqual({ start: '2022-12-31', end: '2025-12-31' });
    expect(periodFor('5Y', '2025-12-31', first)).toEqual({ start: '2020-12-31', end: '2025-12-31' });
    expect(periodFor('Max', '2025-12-31', first)).toEqual({ start: '2006-01-01', end: '2025-12-31' });
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(periodFor('1M', '2025-03-31', '2000-01-03').start).toBe('2025-02-28');
    expect(periodFor('3M', '2024-05-31', '2000-01-03').start).toBe('2024-02-29');
    expect(periodFor('1Y', '2025-02-28', '2000-01-03').start).toBe('2024-02-28');
  });

  it('counts a year as 365 days, 366 across a leap day', () => {
    expect(periodDays(periodFor('1Y', '2025-12-31', '2000-01-03'))).toBe(365);
    expect(periodDays(periodFor('1Y', '2024-12-31', '2000-01-03'))).toBe(366);
  });

  it('includes both days of a custom range', () => {
    expect(customPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ start: '2025-02-28', end: '2025-03-31' });
  });
});

describe('periodReturns', () => {
  it('gives TTWROR and IRR for every range from one daily series', () => {
    // 100 on 2023-12-29 (first day, bought with a deposit), 110 at the close of 2024-12-31, 121 at the close of 2025-12-31.
    const valuations: DailyValuation[] = [
      { date: '2023-12-29', value: 100, inflow: 100, outflow: 0 },
      { date: '2024-12-31', value: 110, inflow: 0, outflow: 0 },
      { date: '2025-11-28', value: 115, inflow: 0, outflow: 0 },
      { date: '2025-12-31', value: 121, inflow: 0, outflow: 0 },
    ];
    const returns = periodReturns(valuations);
    const oneYear = returns.get('1Y');
    // 1Y and YTD both start at the close of 2024-12-31: 121/110 − 1 = 10 %, over exactly 365 days.
    expect(oneYear?.timeWeighted).toEqual({ kind: 'ok', value: expect.closeTo(0.1, 12) as number, annualised: expect.closeTo(0.1, 12) as number, days: 365, warnings: [] });
    expect(oneYear?.moneyWeighted.kind === 'ok' && oneYear.moneyWeighted.annualised).toBeCloseTo(0.1, 10);
    expect(returns.get('YTD')?.timeWeighted.kind === 'ok' && returns.get('YTD')?.timeWeighted).toMatchObject({ days: 365 });
    // 1M from the close of 2025-11-30, valued at the 28 Nov close: 121/115 − 1.
    const oneMonth = returns.get('1M')?.timeWeighted;
    expect(oneMonth?.kind === 'ok' && oneMonth.value).toBeCloseTo(121 / 115 - 1, 12);
    // Max from the close of 2023-12-28 (capital 0; the deposit arrives at the start of the first day): 121/100 − 1.
    const max = returns.get('Max')?.timeWeighted;
    expect(max?.kind === 'ok' && max.value).toBeCloseTo(0.21, 12);
    expect(max?.kind === 'ok' && max.days).toBe(734);
    // 3Y and 5Y reach before the first valuation: measured like Max, with a warning.
    const fiveYears = returns.get('5Y')?.timeWeighted;
    expect(fiveYears?.kind === 'ok' && fiveYears.warnings[0]?.code).toBe('PERIOD_SHORTENED');
    expect(returns.size).toBe(7);
  });
});
