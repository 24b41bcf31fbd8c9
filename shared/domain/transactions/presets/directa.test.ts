import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const text = readFixture('transactions', 'directa_movimenti_it.csv');

describe('Directa movimenti preset', () => {
  it('finds the header below the title block and says the file is Italian', () => {
    expect(detectTransactionFormat(text, 'movimenti.csv')).toEqual({ kind: 'preset', presetId: 'directa', label: 'Directa movimenti', language: 'Italian' });
  });

  it('25 data lines: 10 buys, a sell, 5 payments with their withholding, 3 cash lines, 5 skipped, 1 unknown', () => {
    const r = importTransactionFile(text, 'directa.csv');
    // 'Pippo' on line 34 is not an operation Directa has; it must be left out by the user, not guessed
    expect(r.errors).toMatchObject([{ line: 34, field: 'type', message: "Directa: 'Pippo' is not a transaction type Tickerline knows; enter the line by hand or leave it out." }]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([16, 3, 5]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // ICOV: 3 shares for 431.04 EUR → 143.68 a share
    expect(at(23)).toMatchObject({ type: 'buy', quantity: 3, price: 143.68, currency: 'EUR', isin: 'IE00B3B8Q275', symbol: 'ICOV' });
    // AV sold: 200 for 666 EUR → 3.33
    expect(at(33)).toMatchObject({ type: 'sell', quantity: 200, price: 3.33 });
    // IEMB distribution 20.95 with 3.57 withheld (17 %); bond coupon 71.25 with 18.53 withheld (26 %)
    expect(at(12)).toMatchObject({ type: 'dividend', price: 20.95, taxes: 3.57, symbol: 'IEMB' });
    expect(at(19)).toMatchObject({ type: 'dividend', price: 71.25, taxes: 18.53, isin: 'IT0005595373' });
    // capital gains tax 'Ritenuta su plusvalenza' −2.86 is a tax paid; two deposits of 1200
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([[11, 'deposit', 1200], [16, 'tax', 2.86], [18, 'deposit', 1200]]);
  });
});
