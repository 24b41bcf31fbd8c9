import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'ibkr-flex-cash-transactions_dividends.csv');

describe('IBKR Flex cash transactions CSV preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'x.csv')).toMatchObject({ kind: 'preset', presetId: 'ibkr-flex-cash' });
  });

  it('11 lines: 7 dividends stored gross, their 4 withholding taxes folded in', () => {
    const r = importTransactionFile(text, 'cash.csv');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([7, 0, 4]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // VT 2023-06-23: 137.23 USD gross, 20.58 US tax (15 %: 137.23 × 0.15 = 20.58) → net 116.65
    expect(at(2)).toMatchObject({ type: 'dividend', date: '2023-06-23', price: 137.23, taxes: 20.58, currency: 'USD', isin: 'US9220427424', symbol: 'VT' });
    // SMMCHA on 2023-09-13 has two dividends: the CH tax −14.68 belongs to the 5.99/share ordinary one
    // (41.93 × 0.35 = 14.68), not to the 0.69/share return of capital
    expect(at(8)).toMatchObject({ price: 41.93, taxes: 14.68, currency: 'CHF' });
    expect(at(7)).toMatchObject({ price: 4.83, taxes: 0 });
    // payments in lieu of dividends are dividends too
    expect(at(11)).toMatchObject({ price: 455, currency: 'JPY', taxes: 0 });
    // VT over the year: 137.23 + 85.97 + 169.77 = 392.97 gross, 20.58 + 12.90 + 25.47 = 58.95 withheld
    const vt = r.transactions.filter((t) => t.isin === 'US9220427424');
    expect(vt.reduce((s, t) => s + t.price, 0)).toBeCloseTo(392.97, 10);
    expect(vt.reduce((s, t) => s + t.taxes, 0)).toBeCloseTo(58.95, 10);
  });
});
