import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { FieldWarning } from '@shared/api/cash';
import type { Security } from '@shared/api/securities';
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

type Check = { errors: { field: string; message: string }[]; warnings: FieldWarning[] };

describe('transactions.check', () => {
  it('warns before a buy the account cannot pay, per account and currency, and saves nothing', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    const broker = await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR' });
    await ok('cash.create', { accountId: broker.id, type: 'deposit', date: '2026-01-05', amount: '20000', currency: 'EUR' });
    await ok('cash.create', { accountId: broker.id, type: 'exchange', date: '2026-01-05', amount: '18000', currency: 'EUR', counterAmount: '142920', counterCurrency: 'HKD' });
    const buy = { accountId: broker.id, securityId: s.id, type: 'buy', date: '2026-01-06', price: 142.9, currency: 'HKD' };
    // 1,000 × 142.90 = 142,900 of HK$142,920: HK$20 left, no warning.
    expect(await ok<Check>('transactions.check', { ...buy, quantity: 1000 })).toEqual({ errors: [], warnings: [] });
    // 1,001 × 142.90 = 143,042.90: 142,920 − 143,042.90 = −122.90 HKD. The EUR cash (2,000) does not pay for it.
    const short = await ok<Check>('transactions.check', { ...buy, quantity: 1001 });
    expect(short.errors).toEqual([]);
    expect(short.warnings).toEqual([
      expect.objectContaining({ field: 'quantity', code: 'NEGATIVE_BALANCE', params: { accountId: broker.id, currency: 'HKD', date: '2026-01-06', balance: '-122.9' } }),
    ]);
    // The default account keeps no cash ledger: the same buy there warns of nothing.
    expect((await ok<Check>('transactions.check', { ...buy, accountId: 1, quantity: 1001 })).warnings).toEqual([]);
    expect(await ok<unknown[]>('transactions.list', {})).toEqual([]);
  });

  it('returns the blocking errors the save would give', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    const result = await ok<Check>('transactions.check', { securityId: s.id, type: 'sell', date: '2026-01-06', quantity: 5, price: 140, currency: 'HKD' });
    expect(result.errors).toMatchObject([{ field: 'quantity', message: 'On 2026-01-06 you hold no shares of this security, so you cannot sell 5 shares.', key: 'errors:transactions.oversellNone' }]);
  });
});
