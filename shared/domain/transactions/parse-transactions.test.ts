import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTransactionColumns, type TransactionMapping } from './mapping';
import { parseTransactions } from './parse-transactions';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

const SIMPLE = 'Date,Type,Symbol,Quantity,Price,Fees,Currency,Amount';
const parseSimple = (...lines: string[]): ReturnType<typeof parseTransactions> => {
  const text = [SIMPLE, ...lines].join('\n');
  return parseTransactions(text, detectTransactionColumns(text).mapping);
};

describe('parseTransactions with the suggested mapping', () => {
  it('reads the French statement: 5 buys/sells, 2 dividends, 1 more buy; cash lines as cash, footers skipped', () => {
    const text = fixture('eu-broker_releve-de-compte_fr.csv');
    const r = parseTransactions(text, detectTransactionColumns(text).mapping);
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => t.type)).toEqual(['buy', 'buy', 'dividend', 'buy', 'sell', 'buy', 'buy', 'dividend']);
    // line 9: 20/02/2024;22/02/2024;Vente;US0378331005;Apple Inc.;10;185,75;"1.857,50";1,25;EUR  (10 × 185.75 = 1857.50)
    expect(r.transactions.find((t) => t.line === 9)).toEqual({
      type: 'sell', date: '2024-02-20', quantity: 10, price: 185.75, currency: 'EUR', fees: 1.25,
      splitRatio: undefined, note: '', externalId: null, symbol: null, isin: 'US0378331005', name: 'Apple Inc.', line: 9, taxes: 0, account: null,
    });
    // line 7: dividend with only Montant 53,40 → 1 × 53.40
    const dividend = r.transactions.find((t) => t.line === 7);
    expect([dividend?.quantity, dividend?.price]).toEqual([1, 53.4]);
    // 'Cloudflare' has neither ISIN nor symbol: kept by name for the user to resolve
    expect(r.transactions.find((t) => t.line === 6)?.name).toBe('Cloudflare');
    // Versement 5.000,00, Prelevement -1.200,00, Interet 8,75 are the account's cash lines
    expect(r.cash.map((c) => [c.line, c.type, c.amount, c.currency])).toEqual([[10, 'deposit', 5000, 'EUR'], [11, 'withdrawal', 1200, 'EUR'], [13, 'interest', 8.75, 'EUR']]);
    expect(r.skipped.map((s) => s.line)).toEqual([16, 17]);
  });

  it('computes a missing price from amount / quantity', () => {
    // 4 shares for 1,000.00 → 250 per share
    const r = parseSimple('2024-03-01,Buy,ABC,4,,1,USD,"1,000.00"');
    expect(r.transactions[0]?.price).toBe(250);
  });

  it('accepts a sell written with a negative quantity but rejects a negative buy', () => {
    const r = parseSimple('2024-03-01,Sell,ABC,-3,10,1,USD,', '2024-03-02,Buy,ABC,-3,10,1,USD,');
    expect(r.transactions).toHaveLength(1);
    expect(r.transactions[0]?.quantity).toBe(3);
    expect(r.errors).toMatchObject([{ line: 3, field: 'quantity', message: expect.stringContaining('negative quantity (-3)') }]);
  });

  it('reports unknown type words, bad dates, ragged rows and bad currencies with line and field', () => {
    const r = parseSimple(
      '2024-03-01,Buy,ABC,1,10,0,USD,',
      '2024-03-01,Swap,ABC,1,10,0,USD,',
      '2024-13-01,Buy,ABC,1,10,0,USD,',
      '2024-03-01,Buy,ABC,1,10,0',
      '2024-03-01,Buy,ABC,1,10,0,US Dollar,',
      '2024-03-01,Dividend,ABC,,,,USD,-5',
    );
    expect(r.transactions.map((t) => t.line)).toEqual([2]);
    expect(r.errors).toMatchObject([
      { line: 3, field: 'type', message: "Unknown transaction type 'Swap'. Map it to buy, sell, dividend, split, fee, a cash type, or skip it." },
      { line: 4, field: 'date', message: expect.stringContaining("'2024-13-01' is not a calendar date") },
      { line: 5, field: 'row', message: expect.stringContaining('6 values but the header has 8') },
      { line: 6, field: 'currency', message: "Currency: 'US Dollar' is not a three-letter currency code." },
      { line: 7, field: 'amount', message: 'Amount: a dividend cannot be negative (-5).' },
    ]);
  });

  it('rejects an empty file and a header without rows', () => {
    const mapping: TransactionMapping = detectTransactionColumns(`${SIMPLE}\n2024-01-01,Buy,A,1,1,0,USD,`).mapping;
    expect(parseTransactions('', mapping).errors).toMatchObject([{ line: 1, field: 'row', message: 'The file is empty.' }]);
    expect(parseTransactions(`${SIMPLE}\n`, mapping).errors).toMatchObject([
      { line: 1, field: 'row', message: 'The file has a header but no transactions.' },
    ]);
  });

  it('uses the default currency when the file has none, and demands one otherwise', () => {
    const text = 'Date,Type,Symbol,Quantity,Price\n01/02/2024,Buy,ABC,2,5\n';
    const mapping = detectTransactionColumns(text).mapping;
    expect(parseTransactions(text, mapping).errors[0]?.field).toBe('currency');
    const r = parseTransactions(text, { ...mapping, defaultCurrency: 'HKD' });
    // no separator evidence in '2'/'5' and ',' delimiter → '.' decimals and month-first dates
    expect(r.transactions[0]).toMatchObject({ date: '2024-01-02', currency: 'HKD', quantity: 2, price: 5 });
  });
});
