import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { HoldingsReport } from '@shared/api/holdings';
import type { ImportPreview } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2025-04-01');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const textFile = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

/**
 * Portfolio Performance securities accounts with the Depot and Gegenkonto columns: Depot A buys 10 SAP for
 * €1,000 + €10 fees (€101 a share) and receives 5 ALV.DE from another broker at €300, moves 4 SAP to Depot B
 * (both sides in the file), and delivers 2 ALV.DE out.
 */
const depots = [
  'Datum;Typ;Wert;Buchungswährung;Gebühren;Steuern;Stück;ISIN;Ticker-Symbol;Wertpapiername;Notiz;Depot;Gegenkonto',
  '2024-01-10T00:00;Kauf;1.010,00;EUR;10,00;0,00;10;DE0007164600;SAP.DE;SAP SE;;Depot A;',
  '2024-02-01T00:00;Einlieferung;1.500,00;EUR;0,00;0,00;5;DE0008404005;ALV.DE;Allianz SE;;Depot A;',
  '2024-03-01T00:00;Umbuchung (Ausgang);-480,00;EUR;0,00;0,00;4;DE0007164600;SAP.DE;SAP SE;;Depot A;Depot B',
  '2024-03-01T00:00;Umbuchung (Eingang);480,00;EUR;0,00;0,00;4;DE0007164600;SAP.DE;SAP SE;;Depot B;Depot A',
  '2024-04-02T00:00;Auslieferung;-320,00;EUR;0,00;0,00;2;DE0008404005;ALV.DE;Allianz SE;;Depot A;',
].join('\n');

// The import runs in its worker thread, started from source under tsx: allow for a loaded machine.
describe('Portfolio Performance transfers through the import', { timeout: 60_000 }, () => {
  it('stores deliveries as shares in and out, and an Umbuchung as a transfer pair whose lots move with their cost', async () => {
    const file = textFile('Depots.csv', depots);
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.type, r.quantity, r.account])).toEqual([
      [2, 'buy', 10, 'Depot A'],
      [3, 'transfer-in', 5, 'Depot A'],
      [4, 'transfer-out', 4, 'Depot A'],
      [5, 'transfer-in', 4, 'Depot B'],
      [6, 'transfer-out', 2, 'Depot A'],
    ]);
    expect(await ok('transactions.import', { file })).toMatchObject({ added: 5, newAccounts: ['Depot A', 'Depot B'] });

    const accounts = await ok<Account[]>('accounts.list', {});
    const id = (name: string): number => (accounts.find((a) => a.name === name) as Account).id;
    const stored = backend.db.prepare("SELECT type, account_id AS accountId, counter_account_id AS counterAccountId FROM transactions WHERE type LIKE 'transfer-%' ORDER BY date, id").all();
    expect(stored).toEqual([
      { type: 'transfer-in', accountId: id('Depot A'), counterAccountId: null }, // ALV.DE from another broker
      { type: 'transfer-out', accountId: id('Depot A'), counterAccountId: id('Depot B') },
      { type: 'transfer-in', accountId: id('Depot B'), counterAccountId: id('Depot A') },
      { type: 'transfer-out', accountId: id('Depot A'), counterAccountId: null }, // ALV.DE to another broker
    ]);

    // Depot B: the 4 SAP moved with Depot A's cost, 4 × €101 = €404. Depot A: SAP 10 − 4 = 6 × €101 = €606;
    // ALV.DE 5 − 2 = 3 at the €300 they arrived at = €900.
    const inB = await ok<HoldingsReport>('holdings.list', { accountId: id('Depot B') });
    expect(inB.holdings.map((h) => [h.symbol, h.quantity, h.costBasis])).toEqual([['SAP.DE', 4, 404]]);
    const inA = await ok<HoldingsReport>('holdings.list', { accountId: id('Depot A') });
    expect(inA.holdings.map((h) => [h.symbol, h.quantity, h.costBasis]).sort()).toEqual([
      ['ALV.DE', 3, 900],
      ['SAP.DE', 6, 606],
    ]);
    // Nothing was bought or sold for money but the SAP buy: no realised gain anywhere.
    const all = await ok<HoldingsReport>('holdings.list', {});
    expect(all.holdings.map((h) => [h.symbol, h.quantity, h.costBasis, h.realizedPnl]).sort()).toEqual([
      ['ALV.DE', 3, 900, 0],
      ['SAP.DE', 10, 1010, 0],
    ]);
  });

  it('refuses a cash Umbuchung without the other account in the preview, naming the line, and stores nothing', async () => {
    const file = textFile('Konto.csv', ['Datum;Typ;Wert;Buchungswährung;Steuern;Stück;ISIN;WKN;Ticker-Symbol;Wertpapiername;Notiz', '2024-01-02T00:00;Einlage;500,00;EUR;;;;;;;', '2024-01-05T00:00;Umbuchung (Ausgang);-200,00;EUR;;;;;;;'].join('\n'));
    const preview = await ok<ImportPreview>('transactions.previewImport', { file });
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([[3, 'row']]);
    expect(preview.errors[0]?.message).toContain("'Umbuchung (Ausgang)' on line 3 moves money between two of your cash accounts, but the file has no Gegenkonto column");
    const rejected = await backend.dispatch('transactions.import', { file });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED' } });
    expect((backend.db.prepare('SELECT count(*) AS n FROM cash_transactions').get() as { n: number }).n).toBe(0);
  });

  it('lets the user untick the refused Umbuchung: the deposit imports, and the line is counted as left out', async () => {
    // Line 2 deposits €500; line 3 is refused while reading (no Gegenkonto). Unticking line 3 leaves one cash line.
    const file = textFile('Konto.csv', ['Datum;Typ;Wert;Buchungswährung;Steuern;Stück;ISIN;WKN;Ticker-Symbol;Wertpapiername;Notiz', '2024-01-02T00:00;Einlage;500,00;EUR;;;;;;;', '2024-01-05T00:00;Umbuchung (Ausgang);-200,00;EUR;;;;;;;'].join('\n'));
    const preview = await ok<ImportPreview>('transactions.previewImport', { file, excludeLines: [3] });
    expect(preview.errors).toEqual([]);
    // The refused line's problem is still there to show beside its box, so it can be ticked again.
    expect(preview.leftOut.map((e) => [e.line, e.field])).toEqual([[3, 'row']]);
    // 2 lines below the header: 1 cash line (the deposit), 0 with problems; 1 left out by the user.
    expect(preview.summary).toMatchObject({ lines: 2, cashLines: 1, errorLines: 0 });
    expect(preview.counts).toMatchObject({ cash: 1, newCash: 1, leftOut: 1 });
    const outcome = await ok('transactions.import', { file, excludeLines: [3] });
    expect(outcome).toMatchObject({ added: 0, cashAdded: 1, excluded: 1 });
    expect(backend.db.prepare('SELECT type, amount, currency, date FROM cash_transactions').all()).toEqual([{ type: 'deposit', amount: '500', currency: 'EUR', date: '2024-01-02' }]);
  });
});
