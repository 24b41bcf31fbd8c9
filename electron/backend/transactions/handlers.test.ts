import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Security } from '@shared/api/securities';
import type { ImportPreview, Transaction } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const fixture = (name: string) => ({ fileName: name, contentBase64: readFileSync(FIXTURES + name).toString('base64') });
const textFile = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-11-26');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function alibaba(): Promise<Security> {
  return ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
}

describe('transactions API', () => {
  it('refuses a sell larger than the holding, naming the date and the shares held', async () => {
    const s = await alibaba();
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 100, price: 80, currency: 'HKD', fees: 10 });
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2024-03-01', quantity: 200, price: 70, currency: 'HKD' });
    const refused = await backend.dispatch('transactions.create', {
      securityId: s.id, type: 'sell', date: '2024-05-01', quantity: 400, price: 90, currency: 'HKD',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'On 2024-05-01 you hold only 300 shares, so you cannot sell 400 shares.',
        details: { fields: [{ field: 'quantity', message: 'On 2024-05-01 you hold only 300 shares, so you cannot sell 400 shares.' }] },
      },
    });
    // Field errors: future date, zero price, both reported at once.
    const bad = await backend.dispatch('transactions.create', {
      securityId: s.id, type: 'buy', date: '2026-11-27', quantity: 1, price: 0, currency: 'HKD',
    });
    expect(bad.ok ? [] : (bad.error.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['date', 'price']);
    expect(await ok<Transaction[]>('transactions.list', { securityId: s.id })).toHaveLength(2);
  });

  it('edits, deletes with undo, and protects later sells', async () => {
    const s = await alibaba();
    const buy = await ok<Transaction>('transactions.create', { securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 100, price: 80, currency: 'HKD' });
    const sell = await ok<Transaction>('transactions.create', { securityId: s.id, type: 'sell', date: '2024-02-01', quantity: 60, price: 85, currency: 'HKD' });
    // Shrinking the buy below the later sale is refused and says why.
    const shrink = await backend.dispatch('transactions.update', { id: buy.id, securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 50, price: 80, currency: 'HKD' });
    expect(shrink).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'This change would break a later sale: On 2024-02-01 you hold only 50 shares, so you cannot sell 60 shares.' } });
    const edited = await ok<Transaction>('transactions.update', { id: buy.id, securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 120, price: 79.5, currency: 'HKD', note: 'typo fixed' });
    expect(edited).toMatchObject({ quantity: 120, price: 79.5, note: 'typo fixed', symbol: '9988.HK' });
    expect(await backend.dispatch('transactions.delete', { ids: [buy.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Deleting both together is fine; undo brings back the same rows with the same ids.
    const { deleted } = await ok<{ deleted: Transaction[] }>('transactions.delete', { ids: [sell.id, buy.id] });
    expect(deleted.map((t) => t.id)).toEqual([sell.id, buy.id]);
    expect(await ok<Transaction[]>('transactions.list', {})).toEqual([]);
    expect(await ok('transactions.restore', { transactions: deleted })).toEqual({ restored: 2 });
    expect(await ok<Transaction[]>('transactions.list', {})).toEqual([edited, sell]);
  });

  it('imports a real Schwab export all-or-nothing, with per-line errors, and re-importing adds nothing', async () => {
    const file = fixture('schwab_transactions_no-title-row.csv');
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.format).toEqual({ kind: 'preset', label: 'Charles Schwab transactions', presetId: 'schwab' });
    // Buy BND 45, sell BND 10.065, reinvest 0.0249 BND, BND dividend reinvested 1.84, VTI dividend 8.52.
    expect(preview.rows.map((r) => [r.line, r.type, r.symbol, r.quantity, r.price])).toEqual([
      [2, 'buy', 'BND', 45, 73.7789],
      [4, 'sell', 'BND', 10.065, 73.4049],
      [6, 'buy', 'BND', 0.0249, 73.8993],
      [7, 'dividend', 'BND', 1, 1.84],
      [8, 'dividend', 'VTI', 1, 8.52],
    ]);
    // The statement starts after the position was opened: the sell on 04/18 is not covered.
    expect(preview.errors).toMatchObject([
      { line: 4, field: 'quantity', message: 'On 2023-04-18 you hold only 0.0249 shares, so you cannot sell 10.065 shares.' },
    ]);
    const rejected = await backend.dispatch('transactions.import', { file });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED', details: { file: file.fileName, errors: preview.errors } } });
    expect(await ok<Transaction[]>('transactions.list', {})).toEqual([]);
    expect(backend.db.prepare('SELECT COUNT(*) AS n FROM securities').get()).toEqual({ n: 0 });

    expect(await ok('transactions.import', { file, excludeLines: [4] })).toMatchObject({ added: 4, alreadyImported: 0, excluded: 1, newSecurities: ['BND', 'VTI'] });
    expect(await ok('transactions.import', { file, excludeLines: [4] })).toMatchObject({ added: 0, alreadyImported: 4, excluded: 1, newSecurities: [] });
  });

  it('flags identical rows inside a file and lets the user decide', async () => {
    const csv = [
      'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId',
      '2024-01-02,buy,9988.HK,,,100,80,HKD,0,,,,',
      '2024-01-02,buy,9988.HK,,,100,80,HKD,0,,,,',
      '2024-01-03,buy,1024.HK,,,200,45,HKD,0,,,,',
    ].join('\n');
    const file = textFile('two-buys.csv', csv);
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.rows.map((r) => [r.line, r.possibleDuplicateOf, r.securitySource])).toEqual([
      [2, [2, 3], 'catalogue'],
      [3, [2, 3], 'catalogue'],
      [4, null, 'catalogue'],
    ]);
    // Both real buys kept by default; the user can drop one.
    expect(await ok('transactions.import', { file, excludeLines: [3] })).toMatchObject({ added: 2, excluded: 1 });
    const h = await ok<{ holdings: { symbol: string; quantity: number }[] }>('holdings.list', {});
    expect(h.holdings.map((x) => [x.symbol, x.quantity]).sort()).toEqual([
      ['1024.HK', 200],
      ['9988.HK', 100],
    ]);
  });

  it('exports CSV that re-imports to the same state: nothing added here, everything in a new portfolio', async () => {
    await ok('transactions.import', { file: fixture('ibkr-flex-trades_minimal.csv') });
    const s = await alibaba();
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 100, price: 80, currency: 'HKD', fees: 12.5 });
    await ok('transactions.create', { securityId: s.id, type: 'dividend', date: '2024-06-14', quantity: 100, price: 75.6, currency: 'HKD' });
    await ok('transactions.create', { securityId: s.id, type: 'split', date: '2024-07-01', splitFrom: 1, splitTo: 2, currency: 'HKD' });
    await ok('transactions.create', { securityId: s.id, type: 'fee', date: '2024-08-01', price: 3, currency: 'HKD' });
    const before = await ok<Transaction[]>('transactions.list', {});
    expect(before).toHaveLength(12);
    const { csv, count } = await ok<{ csv: string; count: number }>('transactions.export', {});
    expect(count).toBe(12);
    const file = textFile('export.csv', csv);
    expect(await ok('transactions.import', { file })).toMatchObject({ added: 0, alreadyImported: 12 });

    const other = tempBackend('2026-11-26');
    try {
      const r = await other.dispatch('transactions.import', { file });
      expect(r).toMatchObject({ ok: true, value: { added: 12 } });
      const list = await other.dispatch('transactions.list', {});
      const strip = (rows: Transaction[]) => rows.map(({ id: _id, securityId: _s, externalId: _e, ...rest }) => rest);
      const after = list.ok ? (list.value as Transaction[]) : [];
      expect(strip(after).map((t) => ({ ...t, price: Number(t.price.toPrecision(12)) }))).toEqual(
        strip(before).map((t) => ({ ...t, price: Number(t.price.toPrecision(12)) })),
      );
    } finally {
      other.dispose();
    }
  });

  it('reads a CSV without a preset through a confirmed column mapping (Wealthfolio, semicolons, header renamed)', async () => {
    // Wealthfolio's file has its own preset now; with two header words changed it is just another semicolon CSV.
    const text = readFileSync(FIXTURES + 'wealthfolio_activities_semicolon.csv', 'utf8').replace('activityType;unitPrice', 'Type;Price');
    const file = textFile('activities.csv', text);
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.format.kind).toBe('generic');
    const mapping = preview.generic?.mapping;
    expect(mapping).toMatchObject({ delimiter: ';', columns: { date: 0, symbol: 1, quantity: 3, type: 4, price: 5, currency: 6, fees: 7 } });
    // Deposits, withdrawals and interest (lines 5, 8, 11) are the account's cash lines (ImportResult.cash), not trades or skipped lines.
    expect(preview.skipped.map((s) => s.line)).toEqual([]);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => `${r.type} ${r.symbol} ${r.quantity}`)).toEqual([
      'buy MSFT 10', 'buy AAPL 5', 'dividend MSFT 1', 'sell AAPL 2', 'buy VOO 3', 'dividend VOO 1', 'sell MSFT 5', 'buy TD.TO 10',
    ]);
    // Without the confirmed mapping nothing is stored.
    expect(await backend.dispatch('transactions.import', { file })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok('transactions.import', { file, mapping })).toMatchObject({ added: 8, newSecurities: ['MSFT', 'AAPL', 'VOO', 'TD.TO'] });
    expect(await ok('transactions.import', { file, mapping })).toMatchObject({ added: 0, alreadyImported: 8 });
    const h = await ok<{ holdings: { symbol: string; quantity: number; realizedPnl: number | null; dividends: number | null }[] }>('holdings.list', {});
    const bySymbol = Object.fromEntries(h.holdings.map((x) => [x.symbol, x]));
    // MSFT: 10 bought at 380.50 + 4.95 fees = 3809.95 (380.995 each); 5 sold at 410 − 4.95 = 2045.05; cost 5 × 380.995 = 1904.975; realized 140.075.
    expect(bySymbol.MSFT).toMatchObject({ quantity: 5, dividends: 0.75 });
    expect(bySymbol.MSFT?.realizedPnl).toBeCloseTo(140.075, 9);
    // AAPL: 5 at 185.25 + 4.95 = 931.20 (186.24 each); 2 sold at 175 − 4.95 = 345.05; cost 372.48; realized −27.43.
    expect(bySymbol.AAPL?.quantity).toBe(3);
    expect(bySymbol.AAPL?.realizedPnl).toBeCloseTo(-27.43, 9);
    expect(bySymbol['TD.TO']).toMatchObject({ quantity: 10 });
  });
});
