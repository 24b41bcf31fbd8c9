import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'etoro_account-statement.csv');

describe('eToro account statement preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'statement.csv')).toMatchObject({ kind: 'preset', presetId: 'etoro' });
  });

  it('28 lines: 3 buys, 3 sells, 11 dividends, 4 cash lines, 7 skipped (CFDs and a 0.00 fee)', () => {
    const r = importTransactionFile(text, 'etoro.csv');
    expect(r.errors).toEqual([]);
    // 29 physical lines − header = 28 = 17 + 4 + 7
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([17, 4, 7]);
    const count = (type: string): number => r.transactions.filter((t) => t.type === type).length;
    expect([count('buy'), count('sell'), count('dividend')]).toEqual([3, 3, 11]);
    // AMD opened with 49.88 USD for 0.337209 units: 49.88 / 0.337209 = 147.9201 USD a unit
    const amd = r.transactions.find((t) => t.line === 13);
    expect(amd).toMatchObject({ type: 'buy', symbol: 'AMD', quantity: 0.337209, currency: 'USD', externalId: '2596572937-open', date: '2024-01-09' });
    expect(amd?.price).toBeCloseTo(147.9201, 4);
    // closed 16/01 for 61.27 USD over 0.388423 units: 157.7404 a unit (the statement's own numbers)
    expect(r.transactions.find((t) => t.line === 19)?.price).toBeCloseTo(157.7404, 4);
    // dividends in USD, net: 0.17+0.16+0.51+0.28+0.04+0.14+0.29+0.07+0.03+0.01+0.01 = 1.71
    expect(r.transactions.filter((t) => t.type === 'dividend').reduce((s, t) => s + t.price, 0)).toBeCloseTo(1.71, 10);
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([
      [2, 'interest', 0.08],
      [7, 'fee', 1.36],
      [8, 'withdrawal', 100.11],
      [29, 'tax', 6.97], // SDRT '(6.97)': UK stamp duty reserve tax
    ]);
    expect(r.skipped.find((s) => s.line === 24)?.reason).toMatch(/CFD/);
  });
});
