import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const sample = readFixture('transactions', 'wealthfolio_activities_sample-import.csv');
const semicolon = readFixture('transactions', 'wealthfolio_activities_semicolon.csv');

describe('Wealthfolio activities preset', () => {
  it('is recognised from either header spelling (type/unit_price, activityType/unitPrice)', () => {
    expect(detectTransactionFormat(sample, 'activities.csv')).toMatchObject({ kind: 'preset', presetId: 'wealthfolio' });
    expect(detectTransactionFormat(semicolon, 'x.csv')).toMatchObject({ kind: 'preset', presetId: 'wealthfolio' });
  });

  it("reads Wealthfolio's own sample: 8 security lines and 6 cash lines, nothing left over", () => {
    const r = importTransactionFile(sample, 'sample.csv');
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.line, t.type, t.symbol, t.quantity, t.price, t.fees])).toEqual([
      [2, 'buy', 'AAPL', 10, 185.5, 4.95],
      [3, 'buy', 'MSFT', 5, 380, 4.95],
      // 10 shares × 0.24 = 2.40
      [4, 'dividend', 'AAPL', 1, 2.4, 0],
      [5, 'sell', 'AAPL', 5, 192, 4.95],
      // TRANSFER_IN of 2 GOOGL at 140: shares moved in at their cost
      [10, 'buy', 'GOOGL', 2, 140, 0],
      [11, 'split', 'NVDA', 0, 0, 0],
      [14, 'buy', 'TD.TO', 20, 85, 9.99],
      // 50 × 1.25 = 62.50
      [15, 'dividend', 'VTI', 1, 62.5, 0],
    ]);
    expect(r.transactions.find((t) => t.line === 11)).toMatchObject({ splitRatio: { from: 1, to: 3 }, note: '3-for-1 stock split' });
    expect(r.transactions.find((t) => t.line === 14)?.currency).toBe('CAD');
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([
      [6, 'deposit', 5000],
      [7, 'withdrawal', 1000],
      [8, 'interest', 12.5],
      [9, 'fee', 25],
      [12, 'tax', 150],
      [13, 'refund', 50],
    ]);
  });

  it('reads the semicolon variant: dividends from amount, cash lines written as 1 × price', () => {
    const r = importTransactionFile(semicolon, 'semi.csv');
    expect(r.errors).toEqual([]);
    expect(r.transactions.filter((t) => t.type === 'dividend').map((t) => [t.line, t.price])).toEqual([
      [4, 0.75],
      [9, 1.5],
    ]);
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([
      [5, 'deposit', 1000],
      [8, 'withdrawal', 500],
      [11, 'interest', 12.5],
    ]);
    // MSFT: 10 bought (line 2), 5 sold (line 10)
    const msft = r.transactions.filter((t) => t.symbol === 'MSFT' && t.type !== 'dividend').map((t) => (t.type === 'buy' ? t.quantity : -t.quantity));
    expect(msft.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
