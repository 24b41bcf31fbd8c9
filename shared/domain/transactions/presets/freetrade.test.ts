import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'freetrade_activity.csv');

describe('Freetrade activity preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'freetrade.csv')).toMatchObject({ kind: 'preset', presetId: 'freetrade' });
  });

  it('13 lines: 3 buys and a free share, 4 dividends, top-up/withdrawal/interest, 2 notices skipped', () => {
    const r = importTransactionFile(text, 'freetrade.csv');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([8, 5, 2]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // Alliance Trust: 421 × 11.97869359 = 5043.03 GBP + stamp duty 25.22 = 5068.25, the Total Amount
    expect(at(9)).toMatchObject({ type: 'buy', quantity: 421, price: 11.97869359, currency: 'GBP', fees: 25.22, externalId: '4AQXSI7ZSABW' });
    // Nvidia in dollars: 4.1056135 × 617.439318 = 2534.97 USD; at the market rate 1.2745 that is
    // 1988.99 GBP, plus the FX fee 7.76 GBP = 1996.75, the Total Amount
    const nvda = at(11);
    expect(nvda).toMatchObject({ quantity: 4.1056135, price: 617.439318, currency: 'USD', fxRate: { accountCurrency: 'GBP', rate: 1.2745 } });
    const n = nvda as NonNullable<typeof nvda>;
    expect(round2((n.quantity * n.price) / 1.2745 + 7.76)).toBe(1996.75);
    expect(r.cash.find((c) => c.line === 11)).toMatchObject({ type: 'fee', amount: 7.76, currency: 'GBP' });
    // Apple dividend: 41.83076059 × 0.24 = 10.04 USD gross, 15 % withheld = 1.51
    expect(at(10)).toMatchObject({ type: 'dividend', quantity: 41.83076059, price: 0.24, currency: 'USD', taxes: 1.51 });
    // the free share is bought at its price and its value counted as paid in
    expect(at(13)).toMatchObject({ type: 'buy', quantity: 1, price: 4.9477, note: 'Free share.' });
    expect(r.cash.find((c) => c.line === 13)).toMatchObject({ type: 'deposit', amount: 4.95 });
    expect(r.cash.filter((c) => c.line < 7).map((c) => [c.type, c.amount])).toEqual([['withdrawal', 2412.19], ['deposit', 1000], ['interest', 0.21]]);
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
