import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'investengine_trades.csv');

describe('InvestEngine trading statement preset', () => {
  it('is recognised and reads 4 buys and a sell of VWRP in pounds, day-first two-digit-year dates', () => {
    expect(detectTransactionFormat(text, 'x.csv')).toMatchObject({ kind: 'preset', presetId: 'investengine' });
    const r = importTransactionFile(text, 'investengine.csv');
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.type, t.date])).toEqual([
      ['buy', '2024-12-23'], ['buy', '2025-01-23'], ['buy', '2025-02-21'], ['buy', '2025-03-21'], ['sell', '2025-04-30'],
    ]);
    // 2.699055 × £110.79 = £299.03 (the file says £299.04: its price is rounded)
    expect(r.transactions[0]).toMatchObject({ quantity: 2.699055, price: 110.79, currency: 'GBP', isin: 'IE00BK5BQT80', name: 'Vanguard FTSE All-World' });
    // bought 2.699055 + 2.594594 + 2.601457 + 2.801021 = 10.696127, exactly what is sold
    const bought = r.transactions.filter((t) => t.type === 'buy').reduce((s, t) => s + t.quantity, 0);
    expect(bought).toBeCloseTo(10.696127, 9);
    expect(r.transactions[4]?.quantity).toBe(10.696127);
  });
});
