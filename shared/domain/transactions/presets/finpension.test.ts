import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'finpension-3a_transactions.csv');

describe('finpension transactions preset', () => {
  it('is recognised and reads 26 lines: 11 buys, 4 sells, 7 distributions, a deposit, interest and 2 fees', () => {
    expect(detectTransactionFormat(text, 'x.csv')).toMatchObject({ kind: 'preset', presetId: 'finpension' });
    const r = importTransactionFile(text, 'finpension.csv');
    expect(r.errors).toEqual([]);
    const count = (type: string): number => r.transactions.filter((t) => t.type === type).length;
    // buys on lines 4 6 9 10 12–18, sells on 5 7 8 19; 11 + 4 + 7 + 4 cash lines = 26 data lines
    expect([count('buy'), count('sell'), count('dividend')]).toEqual([11, 4, 7]);
    expect(r.cash.map((c) => [c.type, c.amount])).toEqual([['interest', 0.45], ['fee', 1.324], ['fee', 0.6761], ['deposit', 1376.6]]);
    // line 4: 0.001 × 821.80 CHF = 0.8218, the Cash Flow −0.821800
    expect(r.transactions.find((t) => t.line === 4)).toMatchObject({ type: 'buy', quantity: 0.001, price: 821.8, currency: 'CHF', isin: 'CH0189956813' });
    // line 5: a sell with negative shares −0.002 × 1773.37 = 3.54674, the Cash Flow
    expect(r.transactions.find((t) => t.line === 5)).toMatchObject({ type: 'sell', quantity: 0.002, price: 1773.37 });
    // distributions 1.548762 + 0.229673 + 0.949483 + 1.483142 + 0.120375 + 0.621280 + 0.750471 = 5.703186
    expect(r.transactions.filter((t) => t.type === 'dividend').reduce((s, t) => s + t.price, 0)).toBeCloseTo(5.703186, 9);
  });
});
