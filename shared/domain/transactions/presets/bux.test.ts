import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'bux_transactions.csv');

describe('BUX transactions preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'x.csv')).toMatchObject({ kind: 'preset', presetId: 'bux' });
  });

  it('25 lines: 5 trades, 2 dividends, a split, 15 cash lines, the trading fee and the split\'s second line folded in', () => {
    const r = importTransactionFile(text, 'bux.csv');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([8, 15, 2]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // ING: 49 × 11.08 = 542.92 EUR = the Transaction Amount, with the 1.50 trading fee of the same second
    expect(at(4)).toMatchObject({ type: 'buy', quantity: 49, price: 11.08, fees: 1.5, currency: 'EUR' });
    expect(r.skipped.find((s) => s.line === 5)?.reason).toBe('Fee of the trade on line 4, stored with it.');
    // Gilead in dollars: 0.104172 × 109.96 = 11.4548 USD / 1.14547 = 10.00 EUR, the amount paid
    const gild = at(21);
    expect(gild).toMatchObject({ price: 109.96, currency: 'USD', fxRate: { accountCurrency: 'EUR', rate: 1.14547 } });
    const g = gild as NonNullable<typeof gild>;
    expect((g.quantity * g.price) / 1.14547).toBeCloseTo(10, 4);
    // Apple: 2 shares redeemed, 8 delivered: a 1-to-4 split
    expect(at(24)).toMatchObject({ type: 'split', splitRatio: { from: 1, to: 4 }, isin: 'US0378331005' });
    // older rows with an extra empty cell: 500 EUR deposit read from the shifted column
    expect(r.cash[0]).toMatchObject({ line: 2, type: 'deposit', amount: 500, currency: 'EUR' });
    // 6 subscription fees of 2.99 (lines 7 9 10 12 14 15): 6 × 2.99 = 17.94
    expect(r.cash.filter((c) => c.note === 'Subscription Fee').reduce((s, c) => s + c.amount, 0)).toBeCloseTo(17.94, 10);
    expect(at(26)?.externalId).toBe('59009fc3-f72c-451f-9007-28e86adfb5fd - 1');
  });
});
