import { describe, expect, it } from 'vitest';
import { incomeByMonth, trailingYield, type IncomeEvent } from '../income';
import { convert, money, multiply, roundToMinorUnit, subtract, sum, toNumber } from '../money';
import { dailyValuations } from './daily-valuation';
import { gainSplit } from './gain-split';
import { moneyWeightedReturn } from './money-weighted';
import { timeWeightedSeries } from './time-weighted';

/**
 * The first-user story, by hand, across money, returns and income. Base EUR; the reference
 * rate is 8.40 HKD per EUR until 4 June and 8.00 on 5 June.
 *
 *  2 Jun  deposit €10,000.00                                         V = 10,000
 *  3 Jun  exchange €10,000 at the paid 8.30 → HK$83,000.00            V = 83,000 / 8.40 = 9,880.95
 *  4 Jun  buy 500 9988.HK at HK$142.90 = HK$71,450.00 + HK$50 fee     cash HK$11,500; V = 82,950 / 8.40 = 9,875.00
 *  5 Jun  dividend HK$0.95 × 500 = HK$475.00 gross, 10 % withheld HK$47.50, net HK$427.50;
 *         close HK$150.00: 75,000 + 11,927.50 = HK$86,927.50            V = 86,927.50 / 8.00 = 10,865.9375
 */
describe('a new user: deposit, exchange, buy Alibaba, dividend with withholding tax', () => {
  const hkd = convert(money('10000.00', 'EUR'), '8.30', 'HKD');
  const cost = multiply(500, '142.90');
  const gross = roundToMinorUnit(multiply(500, '0.95'), 'HKD');
  const tax = roundToMinorUnit(multiply(gross, '0.10'), 'HKD');
  const cash = sum([hkd.amount, `-${cost}`, '-50.00', subtract(gross, tax)]);
  const values = [
    { date: '2025-06-02', value: 10_000 },
    { date: '2025-06-03', value: toNumber(hkd.amount) / 8.4 },
    { date: '2025-06-04', value: toNumber(sum([multiply(500, '142.90'), '11500.00'])) / 8.4 },
    { date: '2025-06-05', value: toNumber(sum([multiply(500, '150.00'), cash])) / 8 },
  ];
  const { valuations } = dailyValuations(values, [{ date: '2025-06-02', kind: 'deposit', amount: 10_000 }]);
  const period = { start: '2025-06-01', end: '2025-06-05' };

  it('books every amount exactly', () => {
    expect(hkd).toEqual({ amount: '83000.00', currency: 'HKD' });
    expect(cost).toBe('71450');
    expect([gross, tax]).toEqual(['475.00', '47.50']);
    expect(cash).toBe('11927.5');
  });

  it('reads TTWROR and IRR: 10,865.9375 / 10,000 − 1 = 8.659375 %', () => {
    const tw = timeWeightedSeries(valuations, period);
    expect(tw.kind).toBe('ok');
    if (tw.kind !== 'ok') return;
    expect(tw.result.value).toBeCloseTo(0.08659375, 12);
    // Days: 0 %, the exchange spread 83,000/84,000 − 1, the buy fee 82,950/83,000 − 1, then the dividend,
    // the price and the HKD's rise together: (86,927.50/8) / (82,950/8.40) − 1.
    expect(Array.from(tw.series.daily.slice(1))).toEqual([
      expect.closeTo(0, 12),
      expect.closeTo(83_000 / 84_000 - 1, 12),
      expect.closeTo(82_950 / 83_000 - 1, 12),
      expect.closeTo(86_927.5 / 8 / (82_950 / 8.4) - 1, 12),
    ]);
    // One deposit only: the money-weighted return of the period is the same 8.659375 %.
    const mw = moneyWeightedReturn(valuations, period);
    expect(mw.kind === 'ok' && mw.value).toBeCloseTo(0.08659375, 9);
  });

  it('splits the €865.94 gain into price, dividend, fee, tax and currency', () => {
    // Price: (75,000 − 71,450)/8 = 443.75. Dividend 475/8 = 59.375, tax 47.50/8 = 5.9375, fee 50/8.40 = 5.952381.
    // Currency: shares 71,450 × (1/8 − 1/8.40) = 425.297619; cash 83,000 × (1/8 − 1/8.30) = 375.00 on the HKD
    // bought at the paid rate, less 71,500 × (1/8 − 1/8.40) = 425.595238 spent on the buy: 374.702381.
    // 443.75 + 374.702381 + 59.375 − 5.952381 − 5.9375 = 865.9375.
    const split = gainSplit({
      positions: [
        { start: { local: 0, rate: 1 }, end: { local: 0, rate: 1 }, flows: [{ local: 10_000, rate: 1 }, { local: -10_000, rate: 1 }] },
        {
          start: { local: 0, rate: 1 / 8.4 },
          end: { local: 11_927.5, rate: 1 / 8 },
          flows: [
            { local: 83_000, rate: 1 / 8.3 },
            { local: -71_500, rate: 1 / 8.4 },
            { local: 427.5, rate: 1 / 8 },
          ],
        },
        { start: { local: 0, rate: 1 / 8.4 }, end: { local: 75_000, rate: 1 / 8 }, flows: [{ local: 71_450, rate: 1 / 8.4 }] },
      ],
      dividends: 475 / 8,
      interest: 0,
      fees: 50 / 8.4,
      taxes: 47.5 / 8,
    });
    expect(split.priceGain).toBeCloseTo(443.75, 9);
    expect(split.currencyEffect).toBeCloseTo(374.702381, 6);
    expect(split.total).toBeCloseTo(865.9375, 9);
  });

  it('shows the dividend in the income bars, gross, tax and net, in euros', () => {
    // Booked at 8.00: 475/8 = 59.375 → €59.38 gross, 47.50/8 = 5.9375 → €5.94 tax; net 59.38 − 5.94 = €53.44.
    const event: IncomeEvent = {
      date: '2025-06-05',
      kind: 'dividend',
      securityId: 9988,
      gross: convert(money(gross, 'HKD'), '0.125', 'EUR').amount,
      tax: convert(money(tax, 'HKD'), '0.125', 'EUR').amount,
    };
    expect(incomeByMonth([event], 'EUR')).toEqual([
      {
        key: '2025-06',
        dividends: { gross: 59.38, tax: 5.94, net: 53.44 },
        interest: { gross: 0, tax: 0, net: 0 },
        total: { gross: 59.38, tax: 5.94, net: 53.44 },
      },
    ]);
    // Trailing-12-month yield on the €9,375 position (75,000/8): 59.38 / 9,375 = 0.6334 %.
    const yieldNow = trailingYield([event], 9375, '2025-06-05', 'EUR');
    expect(yieldNow.kind === 'ok' && yieldNow.gross).toBeCloseTo(59.38 / 9375, 12);
  });
});
