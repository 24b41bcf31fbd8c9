import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'parqet_activities.csv');

describe('Parqet activities preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'activities.csv')).toMatchObject({ kind: 'preset', presetId: 'parqet' });
  });

  it('27 data lines: 18 buys, 2 sells, 7 dividends and a tax refund', () => {
    const r = importTransactionFile(text, 'parqet.csv');
    expect(r.errors).toEqual([]);
    const count = (type: string): number => r.transactions.filter((t) => t.type === type).length;
    expect([count('buy'), count('sell'), count('dividend')]).toEqual([18, 2, 7]);
    // line 2: 17,83803 shares at 28,03 = 500.0 EUR (17.83803 × 28.03 = 500.0000), the amount column
    expect(r.transactions.find((t) => t.line === 2)).toMatchObject({ type: 'buy', quantity: 17.83803, price: 28.03, currency: 'EUR', isin: 'LU2089238203', account: 'trade_republic' });
    // line 7: 29,86 × 16,747613 = 500.08, but the amount is 500: the price was rounded, 500 / 16.747613 = 29.8550
    expect(r.transactions.find((t) => t.line === 7)?.price).toBeCloseTo(29.855, 5);
    // line 9: Realty Income 40 shares, amount 9,66 gross (0,24 shown), tax 2,48: 9.66 / 40 = 0.2415 a share
    expect(r.transactions.find((t) => t.line === 9)).toMatchObject({ type: 'dividend', quantity: 40, price: 0.2415, taxes: 2.48 });
    // line 20: sell 6 × 263 = 1578, fee 1, capital gains tax 14,83
    expect(r.transactions.find((t) => t.line === 20)).toMatchObject({ type: 'sell', quantity: 6, price: 263, fees: 1, taxes: 14.83 });
    // line 25: a sell at a loss with tax −12,64: tax given back, a refund cash line
    expect(r.transactions.find((t) => t.line === 25)).toMatchObject({ type: 'sell', quantity: 14, price: 22.88, taxes: 0 });
    expect(r.cash).toEqual([expect.objectContaining({ line: 25, type: 'refund', amount: 12.64, currency: 'EUR', isin: 'IL0011582033' })]);
  });
});
