import { describe, expect, it } from 'vitest';
import { convert, money, toNumber } from '../money';
import { portfolioFlows, type CashFlow } from './cash-flow';
import { dailyValuations, type DailyValuation } from './daily-valuation';
import { moneyWeightedReturn } from './money-weighted';
import { timeWeightedReturn, timeWeightedSeries } from './time-weighted';

const row = (date: string, value: number, inflow = 0, outflow = 0): DailyValuation => ({ date, value, inflow, outflow });

function ok(result: ReturnType<typeof timeWeightedReturn>): { value: number; annualised?: number; days: number; warnings: unknown[] } {
  if (result.kind !== 'ok') throw new Error(`unavailable: ${result.reason.code}`);
  return result;
}

describe('timeWeightedReturn', () => {
  it('leaves a deposit and a withdrawal mid-period out: TTWROR equals the asset return', () => {
    // One asset: 100 → 110 → 99 → 108.9, so its own return is 108.9/100 − 1 = 8.9 %.
    // Day 1: 10 shares bought with a deposit of 1,000 at 100.            V = 1,000
    // Day 2: 110.                                                       V = 1,100, r = 1,100/1,000 − 1 = +10 %
    // Day 3: deposit 1,100 buys 10 more at the opening 110; close 99.   V = 1,980, r = 1,980/(1,100 + 1,100) − 1 = −10 %
    // Day 4: close 108.9; 5 shares sold at the close, 544.50 withdrawn.  V = 1,633.50, r = (1,633.5 + 544.5)/1,980 − 1 = +10 %
    // ∏ = 1.1 × 0.9 × 1.1 = 1.089.
    const valuations = [
      row('2025-01-06', 1000, 1000),
      row('2025-01-07', 1100),
      row('2025-01-08', 1980, 1100),
      row('2025-01-09', 1633.5, 0, 544.5),
    ];
    const result = ok(timeWeightedReturn(valuations, { start: '2025-01-05', end: '2025-01-09' }));
    expect(result.value).toBeCloseTo(108.9 / 100 - 1, 12);
    expect(result.annualised).toBeUndefined();
    expect(result.days).toBe(4);
    expect(result.warnings).toEqual([]);
    // The money-weighted return differs: more money was at work during the fall.
    const irr = moneyWeightedReturn(valuations, { start: '2025-01-05', end: '2025-01-09' });
    expect(irr.kind === 'ok' && irr.value).toBeLessThan(0.089);
  });

  it('draws the chart line from the period start at 0 %', () => {
    const valuations = [row('2025-01-06', 1000, 1000), row('2025-01-07', 1100), row('2025-01-08', 1980, 1100), row('2025-01-09', 1633.5, 0, 544.5)];
    const result = timeWeightedSeries(valuations, { start: '2025-01-06', end: '2025-01-09' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    // From the close of 06 Jan: +10 %, then 1.1 × 0.9 − 1 = −1 %, then 0.99 × 1.1 − 1 = +8.9 %.
    expect(result.series.dates).toEqual(['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09']);
    expect(Array.from(result.series.cumulative, (v) => Number(v.toFixed(10)))).toEqual([0, 0.1, -0.01, 0.089]);
    expect(Array.from(result.series.daily, (v) => Number(v.toFixed(10)))).toEqual([0, 0.1, -0.1, 0.1]);
  });

  it('treats a deposit on the last day as performance-neutral', () => {
    // 1,000 → 1,050 (+5 %); on the last day prices do not move and 500 is deposited: V = 1,550.
    // r = 1,550/(1,050 + 500) − 1 = 0, so TTWROR stays 5 %. IRR: −500 and +500 on the same day cancel.
    const without = [row('2025-03-03', 1000, 1000), row('2025-03-04', 1050), row('2025-03-05', 1050)];
    const withDeposit = [row('2025-03-03', 1000, 1000), row('2025-03-04', 1050), row('2025-03-05', 1550, 500)];
    const period = { start: '2025-03-02', end: '2025-03-05' };
    expect(ok(timeWeightedReturn(withDeposit, period)).value).toBeCloseTo(0.05, 12);
    expect(ok(timeWeightedReturn(without, period)).value).toBeCloseTo(0.05, 12);
    const a = moneyWeightedReturn(withDeposit, period);
    const b = moneyWeightedReturn(without, period);
    expect(a.kind === 'ok' && b.kind === 'ok' && a.value - b.value).toBeCloseTo(0, 10);
  });

  it('counts interest on an empty account as 0 % and warns', () => {
    // Nothing in the account; on 02 Jan 5.00 interest arrives with no capital: (5 + 0)/(0 + 0) has no
    // denominator, so the day contributes 0 and the figure says why. From then on 5 → 5 is 0 %.
    const valuations = [row('2025-01-01', 0), row('2025-01-02', 5), row('2025-01-03', 5)];
    const result = ok(timeWeightedReturn(valuations, { start: '2025-01-01', end: '2025-01-03' }));
    expect(result.value).toBe(0);
    expect(result.warnings).toEqual([
      { code: 'VALUE_WITHOUT_CAPITAL', params: { firstDate: '2025-01-02', lastDate: '2025-01-02', days: 1 } },
    ]);
  });

  it('counts a dividend net of withholding tax as return, not as a flow', () => {
    // Deposit 1,000 buys 10 shares at 100. Dividend 2.00/share: gross 20.00, 15 % tax 3.00, net 17.00 into cash.
    // Day 2: 10 × 100 + 17 = 1,017 → +1.7 %. Day 3: 10 × 105 + 17 = 1,067 → 1,067/1,017 − 1.
    // Total 1.017 × (1,067/1,017) − 1 = 1,067/1,000 − 1 = 6.7 %: price 5 % plus the net dividend 1.7 %.
    const valuations = [row('2025-05-05', 1000, 1000), row('2025-05-06', 1017), row('2025-05-07', 1067)];
    const result = ok(timeWeightedReturn(valuations, { start: '2025-05-04', end: '2025-05-07' }));
    expect(result.value).toBeCloseTo(0.067, 12);
  });

  it('books a currency exchange at a paid rate worse than the reference as a loss on that day', () => {
    // Base EUR. Deposit €1,000; exchanged at the paid 8.30 HKD per EUR into HK$8,300.00; the reference
    // rate that day is 8.40, so the HKD are worth 8,300/8.40 = €988.095238…: r = 8,300/8,400 − 1 = −1/84.
    const booked = convert(money('1000.00', 'EUR'), '8.30', 'HKD');
    expect(booked).toEqual({ amount: '8300.00', currency: 'HKD' });
    const valuations = [row('2025-06-02', 1000, 1000), row('2025-06-03', toNumber(booked.amount) / 8.4)];
    const result = ok(timeWeightedReturn(valuations, { start: '2025-06-01', end: '2025-06-03' }));
    expect(result.value).toBeCloseTo(-1 / 84, 12);
  });

  it('keeps a transfer between two accounts neutral for the portfolio', () => {
    // Account A: 1,000 in cash; account B: 2,000 in a fund that gains 1 % on 03 Jul.
    // On 02 Jul A transfers 500 to B, which buys more of the fund at the opening price.
    //   A: 1,000 → 500 (transfer-out 500) → 500.      B: 2,000 → 2,500 (transfer-in 500) → 2,525.
    // Portfolio: 3,000 → 3,000 → 3,025: +25/3,000 = 0.8333 %, with or without the transfer lines.
    const flows: CashFlow[] = [
      { date: '2025-07-01', kind: 'deposit', amount: 3000 },
      { date: '2025-07-02', kind: 'transfer-out', amount: 500 },
      { date: '2025-07-02', kind: 'transfer-in', amount: 500 },
    ];
    const values = [
      { date: '2025-07-01', value: 3000 },
      { date: '2025-07-02', value: 3000 },
      { date: '2025-07-03', value: 3025 },
    ];
    const period = { start: '2025-06-30', end: '2025-07-03' };
    const portfolio = dailyValuations(values, portfolioFlows(flows)).valuations;
    expect(portfolio[1]).toEqual(row('2025-07-02', 3000));
    expect(ok(timeWeightedReturn(portfolio, period)).value).toBeCloseTo(25 / 3000, 12);
    // Each account on its own: B's transfer-in is a flow there. B: 2,500/(2,000 + 500) − 1 = 0, then 2,525/2,500 − 1 = 1 %.
    const accountB = dailyValuations(
      [
        { date: '2025-07-01', value: 2000 },
        { date: '2025-07-02', value: 2500 },
        { date: '2025-07-03', value: 2525 },
      ],
      [
        { date: '2025-07-01', kind: 'deposit', amount: 2000 },
        { date: '2025-07-02', kind: 'transfer-in', amount: 500 },
      ],
    ).valuations;
    expect(ok(timeWeightedReturn(accountB, period)).value).toBeCloseTo(0.01, 12);
  });

  it('annualises only periods of a year or more', () => {
    // 10,000 → 12,100 over 730 days: R = 21 %, annualised 1.21^(365/730) − 1 = 10 %.
    const two = ok(timeWeightedReturn([row('2023-01-01', 10_000), row('2025-01-01', 12_100)], { start: '2023-01-01', end: '2025-01-01' }));
    expect(two.days).toBe(731); // 2024 is a leap year
    expect(two.annualised).toBeCloseTo(Math.pow(1.21, 365 / 731) - 1, 12);
    const year = ok(timeWeightedReturn([row('2024-12-31', 100), row('2025-12-31', 110)], { start: '2024-12-31', end: '2025-12-31' }));
    expect(year.days).toBe(365);
    expect(year.annualised).toBeCloseTo(0.1, 12);
    const short = ok(timeWeightedReturn([row('2025-01-01', 100), row('2025-12-30', 110)], { start: '2025-01-01', end: '2025-12-30' }));
    expect(short.days).toBe(363);
    expect(short.annualised).toBeUndefined();
  });

  it('is unavailable, naming the security and day, when a price is missing', () => {
    const valuations: DailyValuation[] = [
      row('2025-01-01', 1000),
      { ...row('2025-01-02', 0), missing: { code: 'MISSING_FX', params: { from: 'HKD', to: 'EUR' } } },
      row('2025-01-03', 1010),
      row('2025-01-06', 1020),
    ];
    expect(timeWeightedReturn(valuations, { start: '2025-01-01', end: '2025-01-03' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_FX', params: { from: 'HKD', to: 'EUR', date: '2025-01-02' } },
    });
    // The start capital is a value too: a period starting at the close of the gap day is unavailable;
    // one starting after it is not affected: 1,020/1,010 − 1.
    expect(timeWeightedReturn(valuations, { start: '2025-01-02', end: '2025-01-06' }).kind).toBe('unavailable');
    expect(ok(timeWeightedReturn(valuations, { start: '2025-01-03', end: '2025-01-06' })).value).toBeCloseTo(1020 / 1010 - 1, 12);
  });

  it('shortens a period that begins before the history and says so', () => {
    const result = ok(timeWeightedReturn([row('2025-01-06', 1000, 1000), row('2025-01-07', 1010)], { start: '2020-01-06', end: '2025-01-07' }));
    expect(result.value).toBeCloseTo(0.01, 12);
    expect(result.days).toBe(2);
    expect(result.warnings).toEqual([{ code: 'PERIOD_SHORTENED', params: { requestedStart: '2020-01-06', start: '2025-01-05' } }]);
  });

  it('is unavailable for an empty period or one without valuations', () => {
    const valuations = [row('2025-01-06', 1000, 1000)];
    expect(timeWeightedReturn(valuations, { start: '2025-01-06', end: '2025-01-06' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'EMPTY_PERIOD', params: { start: '2025-01-06', end: '2025-01-06' } },
    });
    expect(timeWeightedReturn(valuations, { start: '2025-01-06', end: '2025-02-06' }).kind).toBe('unavailable');
    expect(timeWeightedReturn([], { start: '2025-01-01', end: '2025-02-01' }).kind).toBe('unavailable');
  });
});

describe('dailyValuations', () => {
  it('moves a weekend flow to the next valuation day and warns about flows after the last', () => {
    const { valuations, warnings } = dailyValuations(
      [
        { date: '2025-01-03', value: 1000 },
        { date: '2025-01-06', value: 1600 },
      ],
      [
        { date: '2025-01-02', kind: 'deposit', amount: 1000 },
        { date: '2025-01-04', kind: 'deposit', amount: 700 },
        { date: '2025-01-05', kind: 'withdrawal', amount: 100 },
        { date: '2025-01-07', kind: 'withdrawal', amount: 50 },
      ],
    );
    expect(valuations).toEqual([row('2025-01-03', 1000, 1000), row('2025-01-06', 1600, 700, 100)]);
    expect(warnings).toEqual([{ code: 'FLOWS_AFTER_LAST_VALUATION', params: { firstDate: '2025-01-07', count: 1 } }]);
  });
});
