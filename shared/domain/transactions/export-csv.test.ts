import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTransactionFormat, importTransactionFile } from './detect-format';
import { assignStableCashIds, assignStableIds, exportTransactionsCsv, type ExportableCash, type ExportableTransaction } from './export-csv';
import { findDuplicates } from './duplicates';
import { schwabPreset } from './presets/schwab';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const base: ExportableTransaction = {
  type: 'buy', date: '2026-01-12', quantity: 100, price: 154.3, currency: 'HKD', fees: 12.5,
  splitRatio: undefined, note: '', externalId: null, symbol: '9988.HK', isin: 'KYG017191142', name: 'Alibaba Group',
  taxes: 0, account: null,
};

const withoutLine = ({ line: _line, ...rest }: { line: number } & ExportableTransaction): ExportableTransaction => rest;

describe('exportTransactionsCsv', () => {
  it('writes the header, ISO dates, "." decimals and RFC 4180 quoting', () => {
    const quoted = { ...base, note: 'said "buy", then\nbought' };
    const split: ExportableTransaction = {
      ...base, type: 'split', quantity: 0, price: 0, fees: 0, splitRatio: { from: 1, to: 10 },
      symbol: 'NVDA', isin: null, name: 'NVIDIA, Corp', externalId: 'X-1',
    };
    const csv = exportTransactionsCsv([quoted, split]);
    const generatedId = assignStableIds([quoted])[0] ?? '';
    expect(generatedId).toMatch(/^tl-/);
    expect(csv.split('\r\n')).toEqual([
      'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId,Taxes,Account,Amount,CounterAmount,CounterCurrency,CounterAccount',
      `2026-01-12,buy,9988.HK,KYG017191142,Alibaba Group,100,154.3,HKD,12.5,,,"said ""buy"", then\nbought",${generatedId},0,,,,,`,
      '2026-01-12,split,NVDA,,"NVIDIA, Corp",0,0,HKD,0,1,10,,X-1,0,,,,,',
      '',
    ]);
  });

  it('writes formula-leading text so a spreadsheet shows it instead of running it', () => {
    const hostile = { ...base, note: '=HYPERLINK("http://evil.example","click")', name: "=cmd|' /C calc'!A0", externalId: 'X-2' };
    const row = exportTransactionsCsv([hostile]).split('\r\n')[1];
    expect(row).toBe(
      `2026-01-12,buy,9988.HK,KYG017191142,'=cmd|' /C calc'!A0,100,154.3,HKD,12.5,,,"'=HYPERLINK(""http://evil.example"",""click"")",X-2,0,,,,,`,
    );
  });

  it('gives identical rows without an id different, stable ids', () => {
    const ids = assignStableIds([base, base, { ...base, externalId: 'broker-7' }]);
    expect(ids[0]).toMatch(/^tl-[0-9a-f]{16}-0$/);
    expect(ids[1]).toBe(ids[0]?.replace(/-0$/, '-1'));
    expect(ids[2]).toBe('broker-7');
    expect(assignStableIds([base, base])).toEqual(ids.slice(0, 2)); // same on every export
    expect(assignStableIds([{ ...base, fees: 12.51 }])[0]).not.toBe(ids[0]);
  });
});

describe('export → import round trip', () => {
  const schwab = schwabPreset.parse(readFileSync(`${FIXTURES_DIR}/transactions/schwab_transactions_plain.csv`, 'utf8'));
  const originals: ExportableTransaction[] = [
    ...schwab.transactions.map(withoutLine),
    base,
    base, // a genuine second identical buy
    { ...base, price: 0.1 + 0.2, note: ' leading and trailing space ', name: 'Alibaba "BABA"' },
    { ...base, note: '=HYPERLINK("http://evil.example","click")', name: "=cmd|' /C calc'!A0" },
    { ...base, type: 'split', quantity: 0, price: 0, fees: 0, splitRatio: { from: 1, to: 8 }, externalId: 'corp-1' },
    { ...base, type: 'dividend', quantity: 1000, price: 1, fees: 0, taxes: 100, account: 'Broker', externalId: 'div-1' },
  ];
  const cashOf = (c: Partial<ExportableCash> & Pick<ExportableCash, 'type' | 'amount'>): ExportableCash => ({
    date: '2026-01-05', currency: 'EUR', counterAmount: null, counterCurrency: null, counterAccount: null, account: 'Broker',
    symbol: null, isin: null, name: null, note: '', externalId: null, ...c,
  });
  const cash: ExportableCash[] = [
    cashOf({ type: 'deposit', amount: '20000.00' }),
    cashOf({ type: 'exchange', amount: '18000', counterAmount: '142920.5', counterCurrency: 'HKD' }),
    cashOf({ type: 'transfer-out', amount: '250.75', counterAccount: 'Bank', note: 'to savings' }),
    cashOf({ type: 'fee', amount: '1.5', symbol: '9988.HK', externalId: 'custody-1' }),
  ];
  const csv = exportTransactionsCsv(originals, cash);

  it('is recognised as the tickerline preset and reads back to exactly the same transactions', () => {
    expect(detectTransactionFormat(csv, 'tickerline-export.csv')).toEqual({ kind: 'preset', presetId: 'tickerline', label: 'Tickerline export' });
    const back = importTransactionFile(csv, 'tickerline-export.csv');
    expect(back.errors).toEqual([]);
    expect(back.skipped).toEqual([]);
    const ids = assignStableIds(originals);
    expect(back.transactions.map(withoutLine)).toEqual(originals.map((t, i) => ({ ...t, externalId: ids[i] })));
    // a quoted newline would shift lines; here every row is one line: header 1, rows from 2, cash lines after
    expect(back.transactions.at(-1)?.line).toBe(originals.length + 1);
    const cashIds = assignStableCashIds(cash);
    expect(back.cash.map(({ line: _line, ...c }) => c)).toEqual(
      cash.map((c, i) => ({ ...c, amount: Number(c.amount), counterAmount: c.counterAmount === null ? null : Number(c.counterAmount), externalId: cashIds[i] })),
    );
    expect(back.transactions.find((t) => t.note === ' leading and trailing space ')?.price).toBe(0.1 + 0.2);
  });

  it('re-importing over the stored originals finds every row already imported and asks about none', () => {
    const back = importTransactionFile(csv, 'tickerline-export.csv');
    const stored = originals.map((t) => ({ ...t }));
    const report = findDuplicates(back.transactions, stored);
    expect(report.alreadyImported.size).toBe(back.transactions.length);
    expect(new Set(report.alreadyImported.values()).size).toBe(originals.length);
    expect(report.possibleDuplicatesWithinFile).toEqual([]);
    // exporting what came back gives the same file (amounts in their shortest exact form: 20000.00 → 20000)
    const cashBack = back.cash.map(({ line: _line, ...c }) => ({ ...c, amount: String(c.amount), counterAmount: c.counterAmount === null ? null : String(c.counterAmount) }));
    expect(exportTransactionsCsv(back.transactions.map(withoutLine), cashBack)).toBe(csv.replace('20000.00', '20000'));
  });
});
