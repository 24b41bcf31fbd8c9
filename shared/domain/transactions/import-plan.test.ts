import { describe, expect, it } from 'vitest';
import type { Transaction } from '../portfolio/transaction';
import { plannedFields, planTransactionImport, type PlannedRow, type SecurityResolution, type StoredForPlan } from './import-plan';

const HEADER = 'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId';

/** 100 shares of 9988.HK bought on 2024-01-02, already stored. */
const storedBuy: Transaction = {
  id: 1,
  securityId: 7,
  type: 'buy',
  date: '2024-01-02',
  quantity: 100,
  price: 80,
  currency: 'HKD',
  fees: 0,
  note: '',
  externalId: 'T-1',
};
const stored: StoredForPlan[] = [
  {
    transaction: storedBuy,
    symbol: '9988.HK',
    existing: { symbol: '9988.HK', isin: null, type: 'buy', date: '2024-01-02', quantity: 100, price: 80, fees: 0, externalId: 'T-1' },
  },
];
const resolve = (t: { symbol: string | null }): SecurityResolution =>
  t.symbol === '9988.HK'
    ? { source: 'stored', securityId: 7, symbol: '9988.HK' }
    : { source: 'new', symbol: t.symbol ?? '?', entry: { symbol: t.symbol ?? '?', name: '?', exchange: 'OTHER', currency: 'USD', kind: 'stock', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] } };

const plan = (lines: string[], excludeLines: number[] = []) =>
  planTransactionImport({ text: [HEADER, ...lines].join('\n'), fileName: 'mine.csv', mapping: undefined, excludeLines, today: '2026-01-01', stored, resolve });

describe('planTransactionImport', () => {
  it('marks the stored trade as already imported, plans the rest, and names the security it would add', () => {
    const p = plan(['2024-01-02,buy,9988.HK,,Alibaba,100,80,HKD,0,,,,T-1', '2024-02-01,buy,NEW1,,New Co,5,10,USD,1,,,,']);
    expect(p.format).toEqual({ kind: 'preset', label: 'Tickerline export', presetId: 'tickerline' });
    expect(p.planned.map((r) => [r.imported.line, r.status, r.resolution.source])).toEqual([
      [2, 'already-imported', 'stored'],
      [3, 'new', 'new'],
    ]);
    expect(p.newSecurities).toEqual(['NEW1']);
    expect(p.errors).toEqual([]);
  });

  it('refuses selling more than is held: 100 stored + 0 in the file − 150 sold', () => {
    const p = plan(['2024-03-01,sell,9988.HK,,Alibaba,150,90,HKD,0,,,,']);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ line: 2, field: 'quantity' });
  });

  it('works out a split given only as shares added from the holding that day: 100 held, 100 added → 100:200', () => {
    const p = plan(['2024-07-01,split,9988.HK,,Alibaba,100,0,HKD,0,,,,']);
    expect(p.errors).toEqual([]);
    expect(plannedFields(p.planned[0] as PlannedRow)).toMatchObject({ type: 'split', splitFrom: 100, splitTo: 200 });
  });

  it('refuses a broker id used twice for one security, not the same id for another security', () => {
    // X-1 on lines 2 (AAA) and 3 (BBB) is two securities, allowed; line 4 repeats AAA's X-1 (first on line 2),
    // line 5 BBB's (first on line 3); line 6's X-2 is used once.
    const p = plan([
      '2024-02-01,buy,AAA,,A Co,1,10,USD,0,,,,X-1',
      '2024-02-01,buy,BBB,,B Co,1,10,USD,0,,,,X-1',
      '2024-02-02,buy,AAA,,A Co,2,10,USD,0,,,,X-1',
      '2024-02-02,buy,BBB,,B Co,2,10,USD,0,,,,X-1',
      '2024-02-03,buy,AAA,,A Co,3,10,USD,0,,,,X-2',
    ]);
    expect(p.errors.map((e) => [e.line, e.field, e.params])).toEqual([
      [4, 'externalId', { id: 'X-1', line: 2 }],
      [5, 'externalId', { id: 'X-1', line: 3 }],
    ]);
  });

  it('does not check lines the user left out', () => {
    const p = plan(['2024-03-01,sell,9988.HK,,Alibaba,150,90,HKD,0,,,,'], [2]);
    expect(p.errors).toEqual([]);
    expect(p.planned[0]?.excluded).toBe(true);
  });
});
