import { describe, expect, it } from 'vitest';
import { addDays } from '../common/dates';
import { seededRandom } from '../common/random';
import type { DailyValuation } from './daily-valuation';
import { moneyWeightedReturn, xirr } from './money-weighted';

const row = (date: string, value: number, inflow = 0, outflow = 0): DailyValuation => ({ date, value, inflow, outflow });

describe('xirr', () => {
  it("gives Excel's documented example: 37.34 %", () => {
    const result = xirr([
      { date: '2008-01-01', amount: -10_000 },
      { date: '2008-03-01', amount: 2_750 },
      { date: '2008-10-30', amount: 4_250 },
      { date: '2009-02-15', amount: 3_250 },
      { date: '2009-04-01', amount: 2_750 },
    ]);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.rate).toBeCloseTo(0.3734, 4); // Excel: 0.373362535
    expect(result.rate).toBeCloseTo(0.373362535, 8);
  });

  it('finds 10 % for −1,000 and +1,100 a 365-day year later', () => {
    const result = xirr([
      { date: '2009-01-01', amount: -1000 },
      { date: '2010-01-01', amount: 1100 },
    ]);
    expect(result).toEqual({ kind: 'ok', rate: expect.closeTo(0.1, 12) as number });
  });

  it('finds 10 % with a second deposit: 1,000(1+r)² + 1,000(1+r) = 2,310', () => {
    // (1+r)² + (1+r) − 2.31 = 0 → 1+r = (−1 + √10.24)/2 = (−1 + 3.2)/2 = 1.1.
    const result = xirr([
      { date: '2009-01-01', amount: -1000 },
      { date: '2010-01-01', amount: -1000 },
      { date: '2011-01-01', amount: 2310 },
    ]);
    expect(result.kind === 'ok' && result.rate).toBeCloseTo(0.1, 10);
  });

  it('finds 10 % with a withdrawal: 1,000 = 550/1.1 + 605/1.1²', () => {
    // 550/1.1 = 500 and 605/1.21 = 500.
    const result = xirr([
      { date: '2009-01-01', amount: -1000 },
      { date: '2010-01-01', amount: 550 },
      { date: '2011-01-01', amount: 605 },
    ]);
    expect(result.kind === 'ok' && result.rate).toBeCloseTo(0.1, 10);
  });

  it('solves a total loss close to −100 % and a tenfold gain', () => {
    // −1,000 then +1 a year later: 1 + r = 1/1000.
    const loss = xirr([
      { date: '2009-01-01', amount: -1000 },
      { date: '2010-01-01', amount: 1 },
    ]);
    expect(loss.kind === 'ok' && loss.rate).toBeCloseTo(-0.999, 10);
    const gain = xirr([
      { date: '2009-01-01', amount: -1000 },
      { date: '2010-01-01', amount: 10_000 },
    ]);
    expect(gain.kind === 'ok' && gain.rate).toBeCloseTo(9, 8);
  });

  it('is unavailable, with a code, when the flows never change sign', () => {
    expect(
      xirr([
        { date: '2009-01-01', amount: -1000 },
        { date: '2010-01-01', amount: -50 },
      ]),
    ).toEqual({ kind: 'unavailable', reason: { code: 'NO_SIGN_CHANGE', params: { flows: 2 } } });
    expect(xirr([]).kind).toBe('unavailable');
  });

  it('is unavailable when the flows change sign but have no root', () => {
    // +100, −300, +300 a year apart: with v = 1/(1+r) > 0, 100 − 300v + 300v² has discriminant
    // 90,000 − 120,000 < 0, so the present value is positive for every rate.
    expect(
      xirr([
        { date: '2009-01-01', amount: 100 },
        { date: '2010-01-01', amount: -300 },
        { date: '2011-01-01', amount: 300 },
      ]),
    ).toEqual({ kind: 'unavailable', reason: { code: 'NO_ROOT', params: { flows: 3 } } });
  });
});

describe('moneyWeightedReturn', () => {
  it('pays in the start value, the flows and receives the end value', () => {
    // Start 1,000 at the close of 2009-01-01; a deposit of 1,000 on 2010-01-01; 2,310 at the close of 2011-01-01.
    // Same flows as the second xirr case: 10 % a year; over 730 days (1.1)² − 1 = 21 %.
    const valuations = [row('2009-01-01', 1000), row('2009-07-01', 1040), row('2010-01-01', 2100, 1000), row('2011-01-01', 2310)];
    const result = moneyWeightedReturn(valuations, { start: '2009-01-01', end: '2011-01-01' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.days).toBe(730);
    expect(result.annualised).toBeCloseTo(0.1, 10);
    expect(result.value).toBeCloseTo(0.21, 10);
  });

  it('counts a withdrawal as money received on its day', () => {
    // 1,000 at the start, 550 withdrawn a year later, 605 left at the end: 10 % a year (see xirr above).
    const valuations = [row('2009-01-01', 1000), row('2010-01-01', 550, 0, 550), row('2011-01-01', 605)];
    const result = moneyWeightedReturn(valuations, { start: '2009-01-01', end: '2011-01-01' });
    expect(result.kind === 'ok' && result.annualised).toBeCloseTo(0.1, 10);
  });

  it('gives no annual figure for a period shorter than a year', () => {
    // 1,000 → 1,010 over 31 days: the period's IRR is exactly +1 %.
    const result = moneyWeightedReturn([row('2025-01-01', 1000), row('2025-02-01', 1010)], { start: '2025-01-01', end: '2025-02-01' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.annualised).toBeUndefined();
    expect(result.value).toBeCloseTo(0.01, 10);
  });

  it('solves short periods whose annual rate is extreme, and gives their period return', () => {
    // +8 % in 3 days is 1.08^(365/3) − 1 ≈ 1.2e4 a year; −10 % in 3 days is 0.9^(365/3) − 1 ≈ −99.9997 %.
    const up = moneyWeightedReturn([row('2025-06-02', 1000, 1000), row('2025-06-05', 1080)], { start: '2025-06-01', end: '2025-06-05' });
    expect(up.kind === 'ok' && up.value).toBeCloseTo(0.08, 10);
    const down = moneyWeightedReturn([row('2025-06-02', 1000, 1000), row('2025-06-05', 900)], { start: '2025-06-01', end: '2025-06-05' });
    expect(down.kind === 'ok' && down.value).toBeCloseTo(-0.1, 10);
    const annual = xirr([
      { date: '2025-06-02', amount: -1000 },
      { date: '2025-06-05', amount: 1080 },
    ]);
    expect(annual.kind === 'ok' && annual.rate / (Math.pow(1.08, 365 / 3) - 1)).toBeCloseTo(1, 8);
  });

  it('is unavailable when a price is missing in the period', () => {
    const valuations: DailyValuation[] = [
      row('2025-01-01', 1000),
      { ...row('2025-01-02', 0), missing: { code: 'MISSING_PRICE', params: { securityId: 7 } } },
      row('2025-01-03', 1010),
    ];
    expect(moneyWeightedReturn(valuations, { start: '2025-01-01', end: '2025-01-03' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_PRICE', params: { securityId: 7, date: '2025-01-02' } },
    });
  });
});

describe('xirr on constructed cases', () => {
  it('recovers the rate a set of flows was built from, from −90 % to +500 % a year', () => {
    // Deposits on random days, then the final amount that makes the present value zero at the chosen
    // rate: Σ dᵢ (1+r)^((T − tᵢ)/365). With every deposit negative and one receipt the root is unique.
    const rand = seededRandom(12);
    for (const rate of [-0.9, -0.35, 0, 0.042, 0.25, 1.5, 5]) {
      const flows: { date: string; amount: number }[] = [];
      let final = 0;
      const endDay = 3650;
      for (let i = 0; i < 20; i++) {
        const day = Math.floor(rand() * endDay);
        const amount = -(100 + Math.floor(rand() * 10_000));
        flows.push({ date: addDays('2010-01-01', day), amount });
        final += -amount * Math.pow(1 + rate, (endDay - day) / 365);
      }
      flows.push({ date: addDays('2010-01-01', endDay), amount: final });
      const result = xirr(flows);
      expect(result.kind === 'ok' && result.rate).toBeCloseTo(rate, 8);
    }
  });
});
