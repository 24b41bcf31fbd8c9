import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { CashTransaction } from '@shared/api/cash';
import type { ImportPreview, Transaction } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const fixture = (name: string) => ({ fileName: name, contentBase64: readFileSync(`${FIXTURES_DIR}/transactions/${name}`).toString('base64') });
const bytesFile = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

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

const TICKERLINE_HEADER = 'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId';

describe('transactions import: decoding, warnings, summary, locale, target account', () => {
  it('reads a UTF-16LE file (Excel "Unicode text") instead of failing every line', async () => {
    const text = `${TICKERLINE_HEADER}\r\n2024-01-02,buy,AAPL,,Apple,3,150,USD,1,,,Café,\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: bytesFile('unicode.csv', utf16) });
    expect(preview.encoding).toBe('utf-16le');
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.symbol, r.quantity, r.price, r.note])).toEqual([['AAPL', 3, 150, 'Café']]);
  });

  it('reads Windows-1252 (ü as one byte 0xFC) and refuses a PNG with a clear message', async () => {
    const latin = Buffer.from(`${TICKERLINE_HEADER}\n2024-01-02,buy,AAPL,,Apple,3,150,USD,1,,,M\u00fcnchen,\n`, 'latin1');
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: bytesFile('latin.csv', latin) });
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.rows[0]?.note).toBe('München');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const refused = await backend.dispatch('transactions.previewImport', { file: bytesFile('chart.png', png) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining("'chart.png' is a binary file") } });
  });

  it('warns about a dividend with no shares held, and sums the file up', async () => {
    // Line 2 buys 3 AAPL; line 3 a dividend of 2 × 0.25 on AAPL (held); line 4 a dividend on MSFT, never bought.
    const text = [
      TICKERLINE_HEADER,
      '2024-01-02,buy,AAPL,,Apple,3,150,USD,1,,,,',
      '2024-02-15,dividend,AAPL,,Apple,3,0.25,USD,0,,,,',
      '2024-03-14,dividend,MSFT,,Microsoft,1,7.5,USD,0,,,,',
    ].join('\n');
    const file = bytesFile('mine.csv', Buffer.from(text));
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toMatchObject([
      {
        line: 4,
        field: 'quantity',
        message: 'Dividend on 2024-03-14 for MSFT, but no shares of it are held that day. Import the statement with its purchase first, or check the security.',
      },
    ]);
    expect(preview.summary).toMatchObject({ format: 'Tickerline export', lines: 3, trades: 1, perType: { buy: 1, dividend: 2 }, cashLines: 0, skipped: 0, errors: 0, warnings: 1 });
    // A warning does not stop the import: the money did arrive.
    expect(await ok('transactions.import', { file })).toMatchObject({ added: 3 });
  });

  it("settles ambiguous dates and numbers of a generic file by the user's locale", async () => {
    // English header, tab-separated, every date ambiguous (03/04/2024) and every amount ambiguous (1,250).
    const text = ['Date\tType\tSymbol\tQuantity\tPrice\tCurrency', '03/04/2024\tBuy\tAAPL\t2\t1,250\tUSD', '05/06/2024\tSell\tAAPL\t1\t1,300\tUSD'].join('\n');
    const file = bytesFile('tabbed.tsv', Buffer.from(text));
    const gb = await ok<ImportPreview>('transactions.previewImport', { file });
    // Default locale en-GB: day first (3 April), decimal point: 1,250 is one thousand two hundred and fifty.
    expect(gb.rows.map((r) => [r.date, r.price])).toEqual([['2024-04-03', 1250], ['2024-06-05', 1300]]);
    await ok('settings.update', { locale: 'de-DE' });
    const de = await ok<ImportPreview>('transactions.previewImport', { file });
    // de-DE: day first too, and a decimal comma: 1,250 is 1.25.
    expect(de.rows.map((r) => [r.date, r.price])).toEqual([['2024-04-03', 1.25], ['2024-06-05', 1.3]]);
    await ok('settings.update', { locale: 'en-US' });
    const us = await ok<ImportPreview>('transactions.previewImport', { file });
    // en-US: month first (4 March), decimal point.
    expect(us.rows.map((r) => [r.date, r.price])).toEqual([['2024-03-04', 1250], ['2024-05-06', 1300]]);
  });

  it("books a preset's cash lines in the cash ledger of the account the user chose", async () => {
    const degiro = await ok<Account>('accounts.create', { name: 'Degiro', currency: 'EUR' });
    const file = fixture('degiro_account-statement_nl.csv');
    // The statement starts mid-history: lines 29, 39 and 56 sell shares bought before it, so the user leaves them out.
    const first = await ok<ImportPreview>('transactions.previewImport', { file, accountId: degiro.id });
    expect(first.errors.map((e) => [e.line, e.field])).toEqual([[29, 'quantity'], [39, 'quantity'], [56, 'quantity']]);
    const excludeLines = [29, 39, 56];
    const preview = await ok<ImportPreview>('transactions.previewImport', { file, accountId: degiro.id, excludeLines });
    expect(preview.errors).toEqual([]);
    expect(preview.targetAccountId).toBe(degiro.id);
    expect(preview.cash.length).toBeGreaterThan(0);
    expect(preview.cash.every((c) => c.accountId === degiro.id)).toBe(true);
    const result = await ok<{ added: number; cashAdded: number }>('transactions.import', { file, accountId: degiro.id, excludeLines });
    expect(result.cashAdded).toBe(preview.cash.length);
    const cash = await ok<CashTransaction[]>('cash.list', { accountId: degiro.id });
    expect(cash).toHaveLength(preview.cash.length);
    const rows = await ok<Transaction[]>('transactions.list', { accountId: degiro.id });
    expect(rows).toHaveLength(result.added);
    // Nothing landed in the default account.
    const all = await ok<CashTransaction[]>('cash.list', {});
    expect(all).toHaveLength(preview.cash.length);
  });

  it('lists the first 1,000 lines of a large file and every line with a problem, and counts them all', async () => {
    // 1,200 buys of 1 AAPL at 100 on consecutive days from 2020-01-01, then a sell of 5,000 (only 1,200 held) on line 1,202.
    const lines = [TICKERLINE_HEADER];
    for (let i = 0; i < 1200; i++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)},buy,AAPL,,Apple,1,100,USD,0,,,,`);
    lines.push('2024-01-02,sell,AAPL,,Apple,5000,100,USD,0,,,,');
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: bytesFile('big.csv', Buffer.from(lines.join('\n'))) });
    expect(preview.counts).toEqual({ rows: 1201, newRows: 1201, alreadyImported: 0, possibleDuplicates: 0, cash: 0, newCash: 0, leftOut: 0 });
    expect(preview.rows).toHaveLength(1001);
    expect(preview.rows.at(-1)?.line).toBe(1202);
    expect(preview.errors.map((e) => e.line)).toEqual([1202]);
  });
});

describe('transactions import: the plan kept from the preview', () => {
  const text = [TICKERLINE_HEADER, '2024-01-02,buy,AAPL,,Apple,3,150,USD,1,,,,b1', '2024-01-03,buy,AAPL,,Apple,2,151,USD,1,,,,b2'].join('\n');
  const file = bytesFile('kept.csv', Buffer.from(text));

  it('is used when nothing changed: the import stores what the preview showed', async () => {
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.counts?.newRows).toBe(2);
    const outcome = await ok<{ added: number }>('transactions.import', { file });
    expect(outcome.added).toBe(2);
    // 3 + 2 shares, stored once each.
    const list = await ok<Transaction[]>('transactions.list', {});
    expect(list.map((t) => [t.externalId, t.quantity])).toEqual([
      ['b1', 3],
      ['b2', 2],
    ]);
  });

  it('is not used after the ledger changed: a line stored since the preview is recognised, not added twice', async () => {
    await ok<ImportPreview>('transactions.previewImport', { file });
    // Between preview and import, the first line is imported by another route (a one-line file with the same broker id b1).
    const one = bytesFile('one.csv', Buffer.from([TICKERLINE_HEADER, '2024-01-02,buy,AAPL,,Apple,3,150,USD,1,,,,b1'].join('\n')));
    expect((await ok<{ added: number }>('transactions.import', { file: one })).added).toBe(1);
    const outcome = await ok<{ added: number; alreadyImported: number }>('transactions.import', { file });
    // Planned afresh: b1 is already stored, only b2 is new.
    expect(outcome).toMatchObject({ added: 1, alreadyImported: 1 });
    expect((await ok<Transaction[]>('transactions.list', {})).length).toBe(2);
  });

  it('is not used for other options: leaving a line out after the preview leaves it out', async () => {
    await ok<ImportPreview>('transactions.previewImport', { file });
    const outcome = await ok<{ added: number; excluded: number }>('transactions.import', { file, excludeLines: [3] });
    expect(outcome).toMatchObject({ added: 1, excluded: 1 });
  });

  it('is not used after a change made through the app between preview and import', async () => {
    await ok<ImportPreview>('transactions.previewImport', { file });
    // A hand-entered buy of the same day and figures, stored after the preview, matches line 2.
    const apple = await ok<{ id: number }>('securities.create', { catalogueSymbol: 'AAPL' });
    const created = await backend.dispatch('transactions.create', {
      securityId: apple.id,
      type: 'buy',
      date: '2024-01-02',
      quantity: 3,
      price: 150,
      currency: 'USD',
      fees: 1,
      note: '',
    });
    expect(created.ok).toBe(true);
    const outcome = await ok<{ added: number; alreadyImported: number }>('transactions.import', { file });
    // Line 2 has a broker id and the hand-entered line none: the fields decide, so line 2 is already there.
    expect(outcome).toMatchObject({ added: 1, alreadyImported: 1 });
  });
});
