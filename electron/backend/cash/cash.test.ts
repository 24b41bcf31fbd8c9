import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { CashTransaction, FieldWarning } from '@shared/api/cash';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-01-09');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('cash API', () => {
  it('refuses a transfer to the same account, naming the field', async () => {
    const bank = await ok<Account>('accounts.create', { name: 'Bank', currency: 'EUR', kind: 'bank' });
    const result = await backend.dispatch('cash.create', { accountId: bank.id, type: 'transfer-out', date: '2026-01-05', amount: '10', currency: 'EUR', counterAccountId: bank.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'counterAccountId', message: 'A transfer needs two different accounts.' }] } },
    });
    expect(await ok<CashTransaction[]>('cash.list', {})).toEqual([]);
  });

  it('saves a withdrawal beyond the balance with a warning, and undoes a delete with the same id', async () => {
    const bank = await ok<Account>('accounts.create', { name: 'Bank', currency: 'EUR', kind: 'bank' });
    await ok('cash.create', { accountId: bank.id, type: 'deposit', date: '2026-01-02', amount: '100.10', currency: 'EUR' });
    // 100.10 − 250.25 = −150.15, exactly.
    const saved = await ok<{ transaction: CashTransaction; warnings: FieldWarning[] }>('cash.create', {
      accountId: bank.id,
      type: 'withdrawal',
      date: '2026-01-05',
      amount: 250.25,
      currency: 'EUR',
    });
    expect(saved.transaction).toMatchObject({ amount: '250.25', accountId: bank.id, type: 'withdrawal' });
    expect(saved.warnings).toEqual([expect.objectContaining({ field: 'amount', code: 'NEGATIVE_BALANCE', params: { accountId: bank.id, currency: 'EUR', date: '2026-01-05', balance: '-150.15' } })]);
    const balances = await ok<{ balances: { amount: string; negative: boolean; negativeSince: string | null }[] }>('cash.balances', {});
    expect(balances.balances).toEqual([expect.objectContaining({ amount: '-150.15', negative: true, negativeSince: '2026-01-05' })]);

    const { deleted } = await ok<{ deleted: CashTransaction[] }>('cash.delete', { ids: [saved.transaction.id] });
    expect(await ok<CashTransaction[]>('cash.list', {})).toHaveLength(1);
    await ok('cash.restore', { transactions: deleted });
    expect((await ok<CashTransaction[]>('cash.list', {})).map((c) => c.id)).toContain(saved.transaction.id);
    // An account with lines cannot be deleted; an empty one can, but never the last.
    expect(await backend.dispatch('accounts.delete', { id: bank.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const spare = await ok<Account>('accounts.create', { name: 'Spare', currency: 'EUR' });
    expect(await ok('accounts.delete', { id: spare.id })).toMatchObject({ deleted: { name: 'Spare' } });
    expect(await backend.dispatch('accounts.create', { name: 'bank', currency: 'EUR' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
