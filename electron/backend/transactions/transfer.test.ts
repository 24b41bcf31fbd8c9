import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { HoldingsReport } from '@shared/api/holdings';
import type { Transaction } from '@shared/api/transactions';
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

/**
 * Broker buys 10 ALV.DE at €100 + €10 fees (€101 a share) on 2 Jan and 10 at €120 on 3 Feb, then moves 15 to Pension
 * on 3 Mar: the 10 at €101 and 5 at €120 = 1,610, €107.333… a share. Broker keeps 5 at €120 = 600.
 */
describe('transactions.transfer', () => {
  let broker: Account;
  let pension: Account;
  let alv: number;
  beforeEach(async () => {
    alv = (backend.db.prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('ALV.DE', 'Allianz', 'XETRA', 'EUR', 'stock') RETURNING id").get() as { id: number }).id;
    broker = await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR', tracksCash: false });
    pension = await ok<Account>('accounts.create', { name: 'Pension', currency: 'EUR', kind: 'pension', tracksCash: false });
    await ok('transactions.create', { accountId: broker.id, securityId: alv, type: 'buy', date: '2025-01-02', quantity: 10, price: 100, fees: 10, currency: 'EUR' });
    await ok('transactions.create', { accountId: broker.id, securityId: alv, type: 'buy', date: '2025-02-03', quantity: 10, price: 120, currency: 'EUR' });
  });

  it('stores the pair with the cost carried over, moves the lots, and leaves the whole portfolio as it was', async () => {
    const before = await ok<HoldingsReport>('holdings.list', {});
    const moved = await ok<{ out: Transaction; in: Transaction }>('transactions.transfer', {
      securityId: alv,
      fromAccountId: broker.id,
      toAccountId: pension.id,
      date: '2025-03-03',
      quantity: 15,
    });
    expect(moved.out).toMatchObject({ type: 'transfer-out', accountId: broker.id, counterAccountId: pension.id, quantity: 15 });
    expect(moved.in).toMatchObject({ type: 'transfer-in', accountId: pension.id, counterAccountId: broker.id, quantity: 15 });
    expect(moved.in.price).toBeCloseTo(1610 / 15, 12);

    const inPension = await ok<HoldingsReport>('holdings.list', { accountId: pension.id });
    expect(inPension.holdings.map((h) => [h.symbol, h.quantity, h.costBasis, h.realizedPnl])).toEqual([['ALV.DE', 15, 1610, 0]]);
    const inBroker = await ok<HoldingsReport>('holdings.list', { accountId: broker.id });
    expect(inBroker.holdings.map((h) => [h.quantity, h.costBasis, h.realizedPnl])).toEqual([[5, 600, 0]]);
    // All accounts: 20 shares costing 1,010 + 1,200 = 2,210, as before the transfer.
    const after = await ok<HoldingsReport>('holdings.list', {});
    expect(after.holdings.map((h) => [h.quantity, h.costBasis])).toEqual([[20, 2210]]);
    expect(after.totals).toEqual(before.totals);
  });

  it('refuses more shares than the giving account holds, two equal accounts, and saves nothing', async () => {
    const tooMany = await backend.dispatch('transactions.transfer', { securityId: alv, fromAccountId: broker.id, toAccountId: pension.id, date: '2025-03-03', quantity: 25 });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'quantity', message: 'On 2025-03-03 the account Broker holds only 20 shares of ALV.DE, so it cannot transfer 25 shares.' }] } },
    });
    const same = await backend.dispatch('transactions.transfer', { securityId: alv, fromAccountId: broker.id, toAccountId: broker.id, date: '2025-03-03', quantity: 5 });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ field: 'toAccountId', message: 'A transfer needs two different accounts.' }] } } });
    expect((await ok<Transaction[]>('transactions.list', {})).map((t) => t.type)).toEqual(['buy', 'buy']);
  });

  it('deletes both lines together, and does not edit a transfer line', async () => {
    const moved = await ok<{ out: Transaction; in: Transaction }>('transactions.transfer', { securityId: alv, fromAccountId: broker.id, toAccountId: pension.id, date: '2025-03-03', quantity: 5 });
    const edit = await backend.dispatch('transactions.update', { id: moved.in.id, securityId: alv, type: 'buy', date: '2025-03-03', quantity: 5, price: 1, currency: 'EUR' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'TRANSFER' } } });
    const deleted = await ok<{ deleted: Transaction[] }>('transactions.delete', { ids: [moved.in.id] });
    expect(deleted.deleted.map((t) => t.type).sort()).toEqual(['transfer-in', 'transfer-out']);
    expect(await ok<unknown[]>('transactions.list', { accountId: pension.id })).toEqual([]);
    // Undo brings both back.
    await ok('transactions.restore', { transactions: deleted.deleted });
    const back = await ok<HoldingsReport>('holdings.list', { accountId: pension.id });
    expect(back.holdings.map((h) => [h.quantity, h.costBasis])).toEqual([[5, 505]]);
  });
  it('goes out in the CSV export and comes back as the same pair, the lots carried again', async () => {
    await ok('transactions.transfer', { securityId: alv, fromAccountId: broker.id, toAccountId: pension.id, date: '2025-03-03', quantity: 15 });
    const exported = await ok<{ csv: string }>('transactions.export', {});
    expect(exported.csv).toContain(',transfer-out,ALV.DE,');
    const other = tempBackend('2025-04-01');
    try {
      const file = { fileName: 'tickerline-transactions.csv', contentBase64: Buffer.from(exported.csv).toString('base64') };
      const imported = await other.dispatch('transactions.import', { file });
      expect(imported).toMatchObject({ ok: true, value: { added: 4, newAccounts: ['Broker', 'Pension'] } });
      const again = await other.dispatch('transactions.list', {});
      if (!again.ok) throw new Error(again.error.message);
      const rows = again.value as Transaction[];
      const names = new Map(((await other.dispatch('accounts.list', {})) as { ok: true; value: Account[] }).value.map((a) => [a.id, a.name]));
      expect(rows.map((t) => [t.type, t.quantity, names.get(t.accountId), t.counterAccountId === null ? null : names.get(t.counterAccountId)])).toEqual([
        ['buy', 10, 'Broker', null],
        ['buy', 10, 'Broker', null],
        ['transfer-out', 15, 'Broker', 'Pension'],
        ['transfer-in', 15, 'Pension', 'Broker'],
      ]);
      const pensionId = [...names].find(([, n]) => n === 'Pension')?.[0];
      const holdings = await other.dispatch('holdings.list', { accountId: pensionId });
      expect(holdings).toMatchObject({ ok: true, value: { holdings: [{ quantity: 15, costBasis: 1610 }] } });
      // A second import finds every line already there.
      expect(await other.dispatch('transactions.import', { file })).toMatchObject({ ok: true, value: { added: 0, alreadyImported: 4 } });
    } finally {
      other.dispose();
    }
  });
  it('does not delete a transfer whose shares the receiving account has sold since', async () => {
    const moved = await ok<{ out: Transaction; in: Transaction }>('transactions.transfer', { securityId: alv, fromAccountId: broker.id, toAccountId: pension.id, date: '2025-03-03', quantity: 15 });
    await ok('transactions.create', { accountId: pension.id, securityId: alv, type: 'sell', date: '2025-03-20', quantity: 15, price: 130, currency: 'EUR' });
    // The portfolio would still cover the sale (Broker holds 20 without the transfer), but Pension would hold none.
    const refused = await backend.dispatch('transactions.delete', { ids: [moved.out.id] });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Deleting this would break a later sale: On 2025-03-20 the account Pension holds no ALV.DE shares, so it cannot sell 15 shares.' },
    });
    expect(await ok<unknown[]>('transactions.list', {})).toHaveLength(5);
  });
});
