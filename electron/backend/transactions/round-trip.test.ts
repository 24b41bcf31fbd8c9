import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { CashTransaction } from '@shared/api/cash';
import type { Transaction } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';

type TestBackend = ReturnType<typeof tempBackend>;
const backends: TestBackend[] = [];
afterEach(() => {
  while (backends.length) backends.pop()?.dispose();
});

function start(): TestBackend {
  const b = tempBackend('2026-01-09');
  backends.push(b);
  return b;
}

async function ok<T>(b: TestBackend, method: string, input: unknown): Promise<T> {
  const result = await b.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** What a ledger says, without the ids a new database gives its rows. */
async function state(b: TestBackend): Promise<unknown> {
  const accounts = await ok<Account[]>(b, 'accounts.list', {});
  const name = new Map(accounts.map((a) => [a.id, a.name]));
  const transactions = await ok<Transaction[]>(b, 'transactions.list', {});
  const cash = await ok<CashTransaction[]>(b, 'cash.list', {});
  return {
    accounts: accounts.map((a) => [a.name, a.currency, a.transactionCount, a.cashTransactionCount]),
    transactions: transactions.map(({ id: _id, securityId: _s, externalId: _e, accountId, ...t }) => ({ ...t, account: name.get(accountId) })),
    cash: cash.map(({ id: _id, externalId: _e, securityId: _s, accountId, counterAccountId, ...c }) => ({
      ...c,
      account: name.get(accountId),
      counterAccount: counterAccountId === null ? null : name.get(counterAccountId),
    })),
  };
}

describe('export → import of accounts, taxes and cash', () => {
  it('re-imports to the same state, and a second import adds nothing', async () => {
    const a = start();
    const security = (a.db.prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('9988.HK', 'Alibaba', 'HKEX', 'HKD', 'stock') RETURNING id").get() as { id: number }).id;
    const broker = await ok<Account>(a, 'accounts.create', { name: 'Broker', currency: 'EUR' });
    const bank = await ok<Account>(a, 'accounts.create', { name: 'Bank', currency: 'EUR', kind: 'bank' });
    await ok(a, 'cash.create', { accountId: bank.id, type: 'deposit', date: '2026-01-02', amount: '25000.00', currency: 'EUR' });
    await ok(a, 'cash.create', { accountId: bank.id, type: 'transfer-out', date: '2026-01-05', amount: '20000', currency: 'EUR', counterAccountId: broker.id });
    await ok(a, 'cash.create', { accountId: broker.id, type: 'exchange', date: '2026-01-05', amount: '18000', currency: 'EUR', counterAmount: '142920.00', counterCurrency: 'HKD' });
    await ok(a, 'transactions.create', { accountId: broker.id, securityId: security, type: 'buy', date: '2026-01-06', quantity: 1000, price: 142.9, currency: 'HKD', fees: 50 });
    await ok(a, 'transactions.create', { accountId: broker.id, securityId: security, type: 'dividend', date: '2026-01-09', quantity: 1000, price: 1000, taxes: 100, currency: 'HKD' });
    await ok(a, 'cash.create', { accountId: bank.id, type: 'interest', date: '2026-01-09', amount: '3.21', currency: 'EUR' });
    const exported = await ok<{ csv: string; count: number }>(a, 'transactions.export', {});
    expect(exported.count).toBe(6);

    const b = start();
    const file = { fileName: 'tickerline-transactions.csv', contentBase64: Buffer.from(exported.csv).toString('base64') };
    const preview = await ok<{ accounts: unknown; cash: unknown[]; errors: unknown[] }>(b, 'transactions.previewImport', { file });
    expect(preview.errors).toEqual([]);
    // 'Bank' and 'Broker' do not exist in the new database yet: the import creates them.
    expect(preview.accounts).toEqual([
      { name: 'Bank', accountId: null },
      { name: 'Broker', accountId: null },
    ]);
    expect(preview.cash).toHaveLength(4);
    expect(await ok(b, 'transactions.import', { file })).toMatchObject({ added: 2, cashAdded: 4, newAccounts: ['Bank', 'Broker'] });
    const before = (await state(a)) as { accounts: unknown[] };
    const after = (await state(b)) as { accounts: unknown[] };
    // Accounts (each database also has its own empty default account), trades with tax, and cash lines all match.
    expect(after).toEqual(before);

    expect(await ok(b, 'transactions.import', { file })).toMatchObject({ added: 0, alreadyImported: 2, cashAdded: 0, cashAlreadyImported: 4, newAccounts: [] });
  });
});
