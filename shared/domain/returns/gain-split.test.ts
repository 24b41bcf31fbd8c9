import { describe, expect, it } from 'vitest';
import { gainSplit } from './gain-split';

describe('gainSplit', () => {
  it('splits a dividend with withholding tax into price gain, gross dividend and tax', () => {
    // Base EUR. Deposit €1,000 into cash, buy 10 shares at €100; price ends at €105. Dividend gross €20.00,
    // 15 % withheld €3.00, net €17.00 into cash. End value 1,050 + 17 = 1,067 on 1,000 put in: gain €67.
    const split = gainSplit({
      positions: [
        { start: { local: 0, rate: 1 }, end: { local: 1050, rate: 1 }, flows: [{ local: 1000, rate: 1 }] },
        {
          start: { local: 0, rate: 1 },
          end: { local: 17, rate: 1 },
          flows: [
            { local: 1000, rate: 1 },
            { local: -1000, rate: 1 },
            { local: 17, rate: 1 },
          ],
        },
      ],
      dividends: 20,
      interest: 0,
      fees: 0,
      taxes: 3,
    });
    expect(split).toEqual({ total: 67, priceGain: 50, dividends: 20, interest: 0, fees: 0, taxes: -3, currencyEffect: 0 });
  });

  it('shows an exchange at a worse rate than the reference as a currency effect', () => {
    // €1,000 exchanged at the paid 8.30 HKD/EUR into HK$8,300 (booked at 1/8.30 EUR per HKD); the reference
    // that day is 8.40: 8,300/8.40 = €988.10. Currency effect 8,300 × (1/8.40 − 1/8.30) = −€11.90 = the loss.
    const split = gainSplit({
      positions: [
        { start: { local: 0, rate: 1 }, end: { local: 0, rate: 1 }, flows: [{ local: 1000, rate: 1 }, { local: -1000, rate: 1 }] },
        { start: { local: 0, rate: 1 / 8.4 }, end: { local: 8300, rate: 1 / 8.4 }, flows: [{ local: 8300, rate: 1 / 8.3 }] },
      ],
      dividends: 0,
      interest: 0,
      fees: 0,
      taxes: 0,
    });
    expect(split.priceGain).toBeCloseTo(0, 12);
    expect(split.currencyEffect).toBeCloseTo(8300 / 8.4 - 1000, 10);
    expect(split.total).toBeCloseTo(-11.9047619, 6);
  });

  it('separates a Hong Kong share price gain from the fall of the Hong Kong dollar', () => {
    // 100 shares bought at HK$50 = HK$5,000 when 1 HKD = €0.12 (€600); they end at HK$55 = HK$5,500 at €0.11 (€605).
    // Gain €5 = price gain HK$500 × 0.11 = €55 plus currency effect 5,000 × (0.11 − 0.12) = −€50. A fee of €1.20 on the buy.
    const split = gainSplit({
      positions: [{ start: { local: 0, rate: 0.12 }, end: { local: 5500, rate: 0.11 }, flows: [{ local: 5000, rate: 0.12 }] }],
      dividends: 0,
      interest: 0,
      fees: 1.2,
      taxes: 0,
    });
    expect(split.priceGain).toBeCloseTo(55, 10);
    expect(split.currencyEffect).toBeCloseTo(-50, 10);
    expect(split.fees).toBe(-1.2);
    expect(split.total).toBeCloseTo(3.8, 10);
  });

  it('counts the currency effect on a holding already there at the start and on interest received', () => {
    // US$1,000 cash at the start at €0.90 (€900); US$5 interest at €0.92; end US$1,005 at €0.95 (€954.75).
    // Gain 954.75 − 900 = 54.75 = interest 5 × 0.92 = 4.60 + currency 1,000 × 0.05 + 5 × 0.03 = 50.15.
    const split = gainSplit({
      positions: [{ start: { local: 1000, rate: 0.9 }, end: { local: 1005, rate: 0.95 }, flows: [{ local: 5, rate: 0.92 }] }],
      dividends: 0,
      interest: 4.6,
      fees: 0,
      taxes: 0,
    });
    expect(split.priceGain).toBeCloseTo(0, 12);
    expect(split.currencyEffect).toBeCloseTo(50.15, 10);
    expect(split.total).toBeCloseTo(54.75, 10);
  });
});
