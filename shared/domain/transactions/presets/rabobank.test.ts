import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'rabobank_mutaties_nl.csv');

describe('Rabobank beleggen mutaties preset', () => {
  it('is recognised (semicolons with decimal commas and trailing empty cells) and says Dutch', () => {
    expect(detectTransactionFormat(text, 'mutaties.csv')).toMatchObject({ kind: 'preset', presetId: 'rabobank', language: 'Dutch' });
  });

  it('12 lines: 5 fund buys, a sale, 2 dividends net of tax, 2 deposits, a fee and interest, in account 12345678', () => {
    const r = importTransactionFile(text, 'mutaties.csv');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([8, 4, 0]);
    // line 2: 1,8726 × 84,2637 = 157.79 = Waarde
    expect(r.transactions[0]).toMatchObject({ type: 'buy', quantity: 1.8726, price: 84.2637, currency: 'EUR', isin: 'NL0014857104', account: '12345678' });
    // line 3: Volume −1,2343 is a sale of 1.2343
    expect(r.transactions[1]).toMatchObject({ type: 'sell', quantity: 1.2343 });
    // line 12: 60,5563 × 1,331559 = 80.63 gross (Waarde); Bedrag 68,54 net; 80.63 − 68.54 = 12.09 dividend tax (15 %)
    expect(r.transactions.find((t) => t.line === 12)).toMatchObject({ type: 'dividend', quantity: 60.5563, price: 1.331559, taxes: 12.09 });
    // line 13: 49,00 − 41,65 = 7.35
    expect(r.transactions.find((t) => t.line === 13)?.taxes).toBe(7.35);
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([[6, 'deposit', 250], [7, 'fee', 17.44], [8, 'interest', 1.63], [11, 'deposit', 250]]);
  });
});
