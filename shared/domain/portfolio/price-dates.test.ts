import { describe, expect, it } from 'vitest';
import { daySessions, priceDateStatus, type DatedHolding } from './price-dates';

describe('priceDateStatus', () => {
  it('is current on the valuation date', () => {
    expect(priceDateStatus('2026-03-26', '2026-03-26')).toEqual({ kind: 'current' });
  });
  it('marks 9988.HK at 27 Feb stale against a 26 Mar valuation', () => {
    // 27 Feb → 28 Feb is 1 day (2026 is not a leap year), then 26 days into March: 27 days behind.
    expect(priceDateStatus('2026-02-27', '2026-03-26')).toEqual({ kind: 'stale', daysBehind: 27 });
  });
  it('calls 9 days behind earlier and 10 days stale', () => {
    // 26 Mar − 17 Mar = 9 days; 26 Mar − 16 Mar = 10 days, the threshold.
    expect(priceDateStatus('2026-03-17', '2026-03-26')).toEqual({ kind: 'earlier', daysBehind: 9 });
    expect(priceDateStatus('2026-03-16', '2026-03-26')).toEqual({ kind: 'stale', daysBehind: 10 });
  });
  it('calls a Friday price earlier on a Monday valuation, not stale', () => {
    // Fri 20 Mar 2026 → Mon 23 Mar 2026: 3 days.
    expect(priceDateStatus('2026-03-20', '2026-03-23')).toEqual({ kind: 'earlier', daysBehind: 3 });
  });
  it('has nothing to say without a price', () => {
    expect(priceDateStatus(null, '2026-03-26')).toEqual({ kind: 'none' });
  });
});

const row = (symbol: string, date: string | null, previousDate?: string, quantity = 100): DatedHolding => ({
  symbol,
  quantity,
  lastPriceDate: date,
  dayChange: date && previousDate ? { date, previousDate } : null,
});

describe('daySessions', () => {
  it('names the common pair when every position moved between the same two sessions', () => {
    expect(daySessions([row('0700.HK', '2026-03-26', '2026-03-25'), row('0005.HK', '2026-03-26', '2026-03-25')], '2026-03-26')).toEqual({
      kind: 'common',
      previousDate: '2026-03-25',
      date: '2026-03-26',
    });
  });
  it('names the positions on their own sessions when one stopped at 27 Feb', () => {
    const holdings = [row('0700.HK', '2026-03-26', '2026-03-25'), row('0005.HK', '2026-03-26', '2026-03-25'), row('9988.HK', '2026-02-27', '2026-02-26')];
    expect(daySessions(holdings, '2026-03-26')).toEqual({ kind: 'ownSessions', previousDate: '2026-03-25', date: '2026-03-26', others: ['9988.HK'] });
  });
  it('counts a position that skipped a session (holiday) as on its own sessions too', () => {
    // Both valued on 26 Mar; two compare with 25 Mar, one (its market closed on 25 Mar) with 24 Mar.
    const holdings = [row('A', '2026-03-26', '2026-03-25'), row('B', '2026-03-26', '2026-03-25'), row('C', '2026-03-26', '2026-03-24')];
    expect(daySessions(holdings, '2026-03-26')).toEqual({ kind: 'ownSessions', previousDate: '2026-03-25', date: '2026-03-26', others: ['C'] });
  });
  it('leaves closed positions and positions without a change out', () => {
    const holdings = [row('A', '2026-03-26', '2026-03-25'), row('SOLD', '2026-01-02', '2026-01-01', 0), row('NEW', '2026-03-26')];
    expect(daySessions(holdings, '2026-03-26')).toEqual({ kind: 'common', previousDate: '2026-03-25', date: '2026-03-26' });
    expect(daySessions([row('NEW', '2026-03-26')], '2026-03-26')).toEqual({ kind: 'none' });
  });
});
