import { describe, expect, it } from 'vitest';
import { createFxProvider, fxPairFromSymbol } from './fx';
import { usdHkd } from '../../../test-support/price-fixtures';

describe('fxPairFromSymbol', () => {
  it('reads long and short Yahoo FX symbols', () => {
    expect(fxPairFromSymbol('HKDEUR=X')).toEqual({ from: 'HKD', to: 'EUR' });
    expect(fxPairFromSymbol('HKD=X')).toEqual({ from: 'USD', to: 'HKD' });
    expect(fxPairFromSymbol('^HSI')).toBeNull();
  });
});

describe('createFxProvider', () => {
  const fx = createFxProvider([usdHkd(), { from: 'EUR', to: 'USD', points: [{ date: '2026-01-09', close: 1.16 }] }]);

  it('uses the direct series on a trading day', () => {
    expect(fx.rate('USD', 'HKD', '2026-01-09')).toEqual({ rate: 7.791999816894531, date: '2026-01-09' });
  });

  it('inverts the series for the other direction', () => {
    // 1 / 7.794149875640869 = 0.1283013563…
    const r = fx.rate('HKD', 'USD', '2026-01-12');
    expect(r.rate).toBeCloseTo(0.1283013563, 10);
  });

  it('carries the last rate over a weekend and says which day it is from', () => {
    // 2026-01-10 is a Saturday: Friday 2026-01-09's 7.791999816894531 applies.
    expect(fx.rate('USD', 'HKD', '2026-01-10')).toEqual({ rate: 7.791999816894531, date: '2026-01-09' });
  });

  it('crosses through USD: HKD→EUR = (1 / USDHKD) / EURUSD', () => {
    // On 2026-01-12: 1 / 7.794149875640869 / 1.16 = 0.1106046…, the EUR leg is from 01-09.
    const r = fx.rate('HKD', 'EUR', '2026-01-12');
    expect(r.rate).toBeCloseTo(1 / 7.794149875640869 / 1.16, 12);
    expect(r.date).toBe('2026-01-09');
  });

  it('returns null with a reason when no rate exists on or before the day — never 1', () => {
    expect(fx.rate('HKD', 'EUR', '2026-01-08')).toEqual({ rate: null, reason: 'no HKD→EUR rate on or before 2026-01-08' });
    expect(fx.rate('CNY', 'EUR', '2026-01-12')).toEqual({ rate: null, reason: 'no CNY→EUR rate on or before 2026-01-12' });
    expect(fx.rate('HKD', 'USD', '2024-12-31').rate).toBeNull();
  });

  it('is exactly 1 for the same currency even without any series', () => {
    expect(createFxProvider([]).rate('EUR', 'EUR', '2026-01-12')).toEqual({ rate: 1, date: '2026-01-12' });
  });

  it('leaves out unusable quotes and reads a series given out of order by day', () => {
    const messy = createFxProvider([
      {
        from: 'EUR',
        to: 'CHF',
        points: [
          { date: '2026-01-09', close: 0.93 },
          { date: '2026-01-05', close: 0 }, // not a rate: left out
          { date: '2026-01-07', close: 0.94 },
          { date: '2026-01-08', close: Number.NaN }, // left out
        ],
      },
    ]);
    // 2026-01-08 uses 2026-01-07's 0.94; 2026-01-06 has no usable quote before it (the 0 does not count).
    expect(messy.rate('EUR', 'CHF', '2026-01-08')).toEqual({ rate: 0.94, date: '2026-01-07' });
    expect(messy.rate('EUR', 'CHF', '2026-01-09')).toEqual({ rate: 0.93, date: '2026-01-09' });
    expect(messy.rate('EUR', 'CHF', '2026-01-06').rate).toBeNull();
  });

  it('gives the bare number for an epoch day, NaN where the rate is missing', () => {
    // 2026-01-12 is epoch day 20465: HKD→EUR = 1 / 7.794149875640869 / 1.16 through USD, as rate() says.
    expect(fx.rateOn('HKD', 'EUR', 20465)).toBe(fx.rate('HKD', 'EUR', '2026-01-12').rate);
    expect(fx.rateOn('HKD', 'EUR', 20465)).toBeCloseTo(1 / 7.794149875640869 / 1.16, 12);
    // Saturday 2026-01-10 (20463) carries Friday's 7.791999816894531 over.
    expect(fx.rateOn('USD', 'HKD', 20463)).toBe(7.791999816894531);
    expect(fx.rateOn('EUR', 'EUR', 0)).toBe(1);
    // 2026-01-08 (20461) is before the only EURUSD quote; CNY has no series at all.
    expect(fx.rateOn('HKD', 'EUR', 20461)).toBeNaN();
    expect(fx.rateOn('CNY', 'EUR', 20465)).toBeNaN();
  });

  it('gives the same rates for many days at once, NaN before the first quote', () => {
    const days = Int32Array.from([20461, 20463, 20464, 20466]); // 2026-01-08, 01-10, 01-11, 01-13
    const rates = fx.ratesOnDays('HKD', 'EUR', days);
    expect(Number.isNaN(rates[0])).toBe(true);
    expect(rates[1]).toBeCloseTo(1 / 7.791999816894531 / 1.16, 12);
    expect(rates[3]).toBeCloseTo(1 / 7.79640007019043 / 1.16, 12);
  });
});
