import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { ImportPreview, Transaction } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-01-09');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const HEADER = 'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId,Taxes,Account,Amount,CounterAmount,CounterCurrency,CounterAccount';
const file = (rows: string[]) => ({ fileName: 'tickerline-transactions.csv', contentBase64: Buffer.from([HEADER, ...rows].join('\n')).toString('base64') });

describe('import: an account sells only what it holds', () => {
  it('names the line and the account, and imports nothing', async () => {
    await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR' });
    await ok<Account>('accounts.create', { name: 'Bank', currency: 'EUR', kind: 'bank' });
    // Broker buys 100 ALV.DE, Bank 50: the portfolio holds 150, so the whole-portfolio check passes the sale of 80 on
    // line 4; but Bank holds only 50.
    const rows = [
      '2025-01-02,buy,ALV.DE,,Allianz,100,300,EUR,0,,,,,0,Broker,,,,',
      '2025-01-03,buy,ALV.DE,,Allianz,50,300,EUR,0,,,,,0,Bank,,,,',
      '2025-02-03,sell,ALV.DE,,Allianz,80,320,EUR,0,,,,,0,Bank,,,,',
    ];
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: file(rows) });
    expect(preview.errors).toMatchObject([{ line: 4, field: 'quantity', message: 'On 2025-02-03 the account Bank holds only 50 shares of ALV.DE, so it cannot sell 80 shares.', key: 'errors:transactions.accountOversellSome' }]);
    const refused = await backend.dispatch('transactions.import', { file: file(rows) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED', details: { errors: [{ line: 4 }] } } });
    expect(await ok<Transaction[]>('transactions.list', {})).toEqual([]);
  });

  it('counts what is stored in the account already, and an account the file creates holds nothing', async () => {
    const broker = await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR' });
    const s = await ok<{ id: number }>('securities.create', { catalogueSymbol: 'ALV.DE' });
    await ok('transactions.create', { accountId: broker.id, securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 100, price: 300, currency: 'EUR' });
    // Line 2 sells 60 of Broker's stored 100: fine. Line 3 sells 10 from "Pension", which the file creates.
    const rows = ['2025-02-03,sell,ALV.DE,,Allianz,60,320,EUR,0,,,,,0,Broker,,,,', '2025-02-04,sell,ALV.DE,,Allianz,10,320,EUR,0,,,,,0,Pension,,,,'];
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: file(rows) });
    expect(preview.errors).toMatchObject([{ line: 3, field: 'quantity', message: 'On 2025-02-04 the account Pension holds no ALV.DE shares, so it cannot sell 10 shares.' }]);
  });
  it('holds a sale entered by hand to the same rule, and a change that would strand a later sale', async () => {
    const broker = await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR', tracksCash: false });
    const bank = await ok<Account>('accounts.create', { name: 'Bank', currency: 'EUR', kind: 'bank', tracksCash: false });
    const s = await ok<{ id: number }>('securities.create', { catalogueSymbol: 'ALV.DE' });
    const buy = await ok<Transaction>('transactions.create', { accountId: broker.id, securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 100, price: 300, currency: 'EUR' });
    // The portfolio holds 100, but Bank none.
    const fromBank = await backend.dispatch('transactions.create', { accountId: bank.id, securityId: s.id, type: 'sell', date: '2025-02-03', quantity: 5, price: 320, currency: 'EUR' });
    expect(fromBank).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'quantity', message: 'On 2025-02-03 the account Bank holds no ALV.DE shares, so it cannot sell 5 shares.' }] } },
    });
    await ok('transactions.create', { accountId: broker.id, securityId: s.id, type: 'sell', date: '2025-02-03', quantity: 60, price: 320, currency: 'EUR' });
    // Moving the buy of 100 to Bank leaves Broker's sale of 60 uncovered.
    const moved = await backend.dispatch('transactions.update', { id: buy.id, accountId: bank.id, securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 100, price: 300, currency: 'EUR' });
    expect(moved).toMatchObject({
      ok: false,
      error: { details: { fields: [{ field: 'quantity', message: 'This change would break a later sale: On 2025-02-03 the account Broker holds no ALV.DE shares, so it cannot sell 60 shares.' }] } },
    });
  });
});
