import { describe, expect, it } from 'vitest';
import type { DailyValuation } from './daily-valuation';
import { netChange } from './net-change';

const row = (date: string, value: number, inflow = 0, outflow = 0): DailyValuation => ({ date, value, inflow, outflow });

describe('netChange', () => {
  // 10,000 at the close of 2 Jan; 5 Jan: +1,000 deposited, value 11,200; 6 Jan: 500 withdrawn, value 10,900.
  const valuations = [row('2026-01-02', 10_000), row('2026-01-05', 11_200, 1_000), row('2026-01-06', 10_900, 0, 500)];

  it('takes the money put in and taken out off the change of value', () => {
    // 10,900 − 10,000 − (1,000 − 500) = 400; the plain change of value would say 900.
    expect(netChange(valuations, { start: '2026-01-02', end: '2026-01-06' })).toEqual({ kind: 'ok', startValue: 10_000, endValue: 10_900, netFlows: 500, change: 400 });
  });

  it('counts only the flows after the start close', () => {
    // From the close of 5 Jan: 10,900 − 11,200 − (0 − 500) = 200.
    expect(netChange(valuations, { start: '2026-01-05', end: '2026-01-06' })).toMatchObject({ netFlows: -500, change: 200 });
  });

  it('starts from nothing when the history begins inside the period', () => {
    // 0 at the start; the first day's 10,000 value with 10,000 deposited that day is no gain: 10,000 − 0 − 10,000 = 0.
    const fresh = [row('2026-01-05', 10_000, 10_000), row('2026-01-06', 10_250)];
    expect(netChange(fresh, { start: '2025-12-31', end: '2026-01-06' })).toMatchObject({ startValue: 0, netFlows: 10_000, change: 250 });
  });

  it('is unavailable over a missing price, naming the security and day', () => {
    const missing: DailyValuation[] = [row('2026-01-02', 100), { ...row('2026-01-05', 0), missing: { code: 'MISSING_PRICE', params: { securityId: 7 } } }];
    expect(netChange(missing, { start: '2026-01-02', end: '2026-01-05' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_PRICE', params: { securityId: 7, date: '2026-01-05' } },
    });
  });
});
