import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDuplicates, type ExistingTransaction } from './duplicates';
import type { ImportedTransaction } from './imported-transaction';
import { ibkrFlexTradesPreset } from './presets/ibkr';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const ibkrMinimal = ibkrFlexTradesPreset.parse(readFileSync(FIXTURES + 'ibkr-flex-trades_minimal.csv', 'utf8')).transactions;
const ibkrVti = ibkrFlexTradesPreset.parse(readFileSync(FIXTURES + 'ibkr-flex-trades_vti.csv', 'utf8')).transactions;

const stored = (t: ImportedTransaction, changes: Partial<ExistingTransaction> = {}): ExistingTransaction => ({
  date: t.date, type: t.type, symbol: t.symbol, isin: t.isin, quantity: t.quantity, price: t.price,
  fees: t.fees, externalId: t.externalId, ...changes,
});

describe('findDuplicates', () => {
  it('matches by fields when the file has no ids (IBKR minimal), one stored row per imported row', () => {
    // store the first 3 buys (lines 2–4); lines 5–9 are new
    const existing = ibkrMinimal.slice(0, 3).map((t) => stored(t));
    const report = findDuplicates(ibkrMinimal, existing);
    // rows 0–2 (lines 2–4) are stored lines 0–2; rows 3–7 have no entry: new
    expect([...report.alreadyImported]).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(report.possibleDuplicatesWithinFile).toEqual([]);
  });

  it('matches by ISIN even when the stored row also knows the symbol, and not when fees differ', () => {
    const first = ibkrMinimal[1] as ImportedTransaction; // 95 × 93.78 USD, fee 1
    expect(findDuplicates([first], [stored(first, { symbol: 'VWO' })]).alreadyImported.has(0)).toBe(true);
    expect(findDuplicates([first], [stored(first, { fees: 1.5 })]).alreadyImported.has(0)).toBe(false);
  });

  it('uses the broker id when both sides have one: same id matches, different ids never do', () => {
    const vti = ibkrVti[0] as ImportedTransaction;
    expect(findDuplicates([vti], [stored(vti, { quantity: 999 })]).alreadyImported.has(0)).toBe(true);
    expect(findDuplicates([vti], [stored(vti, { externalId: 'other' })]).alreadyImported.has(0)).toBe(false);
    // a stored row entered by hand (no id) with the same fields is the same trade
    expect(findDuplicates([vti], [stored(vti, { externalId: null })]).alreadyImported.has(0)).toBe(true);
  });

  it('flags identical rows inside one file without dropping them; one stored copy absorbs only one', () => {
    const buy = ibkrMinimal[2] as ImportedTransaction;
    const twice = [buy, { ...buy, line: 20 }];
    const report = findDuplicates(twice, [stored(buy)]);
    // the first copy is the stored line 0; the second is new
    expect([...report.alreadyImported]).toEqual([[0, 0]]);
    expect(report.possibleDuplicatesWithinFile).toEqual([[buy.line, 20]]);
    // distinct broker ids say the broker saw two trades: nothing to ask
    const distinct = findDuplicates([{ ...buy, externalId: 'a' }, { ...buy, externalId: 'b', line: 20 }], []);
    expect(distinct.possibleDuplicatesWithinFile).toEqual([]);
  });

  it('does not take rows whose quantity and price only make the same bucket number for identical ones', () => {
    const buy = { ...(ibkrMinimal[2] as ImportedTransaction), externalId: null };
    // 7,919 shares at 0 and 0 shares at 1,000,003 share the bucket number 7,919 × 1,000,003 = 1,000,003 × 7,919.
    const a = { ...buy, quantity: 7_919, price: 0, line: 30 };
    const b = { ...buy, quantity: 0, price: 1_000_003, line: 31 };
    // ...and a third row identical to the first is still found, in the same bucket.
    const c = { ...a, line: 32 };
    expect(findDuplicates([a, b, c], []).possibleDuplicatesWithinFile).toEqual([[30, 32]]);
  });
});
