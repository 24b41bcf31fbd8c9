import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { IncomeReport } from '@shared/api/income';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-03-31');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function addSecurity(symbol: string): number {
  return (backend.db.prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES (?, ?, 'XETRA', 'EUR', 'stock') RETURNING id").get(symbol, symbol) as { id: number }).id;
}

/**
 * Base EUR, everything in EUR so no rate is involved.
 *  Broker: ALV dividend 15 Jan €114.00 gross, €30.07 withheld (26.375 %); interest 31 Mar €1.25.
 *  Savings: interest 31 Jan €10.00, 28 Feb €10.40.
 * Broker: gross 114 + 1.25 = 115.25, tax 30.07, net 85.18. Savings: 20.40 gross and net.
 */
describe('income.report per account', () => {
  let broker: Account;
  let savings: Account;
  beforeEach(async () => {
    const alv = addSecurity('ALV.DE');
    broker = await ok<Account>('accounts.create', { name: 'Broker', currency: 'EUR' });
    savings = await ok<Account>('accounts.create', { name: 'Savings', currency: 'EUR', kind: 'bank' });
    await ok('cash.create', { accountId: broker.id, type: 'deposit', date: '2026-01-02', amount: '5000', currency: 'EUR' });
    await ok('transactions.create', { accountId: broker.id, securityId: alv, type: 'buy', date: '2026-01-05', quantity: 10, price: 380, currency: 'EUR' });
    await ok('transactions.create', { accountId: broker.id, securityId: alv, type: 'dividend', date: '2026-01-15', quantity: 10, price: 114, taxes: 30.07, currency: 'EUR' });
    await ok('cash.create', { accountId: broker.id, type: 'interest', date: '2026-03-31', amount: '1.25', currency: 'EUR' });
    await ok('cash.create', { accountId: savings.id, type: 'interest', date: '2026-01-31', amount: '10.00', currency: 'EUR' });
    await ok('cash.create', { accountId: savings.id, type: 'interest', date: '2026-02-28', amount: '10.40', currency: 'EUR' });
  });

  it('gives each account its gross, tax and net, and they add up to the totals', async () => {
    const report = await ok<IncomeReport>('income.report', {});
    expect(report.accounts).toEqual([
      {
        accountId: broker.id,
        name: 'Broker',
        currency: 'EUR',
        dividends: { gross: 114, tax: 30.07, net: 83.93 },
        interest: { gross: 1.25, tax: 0, net: 1.25 },
        total: { gross: 115.25, tax: 30.07, net: 85.18 },
      },
      {
        accountId: savings.id,
        name: 'Savings',
        currency: 'EUR',
        dividends: { gross: 0, tax: 0, net: 0 },
        interest: { gross: 20.4, tax: 0, net: 20.4 },
        total: { gross: 20.4, tax: 0, net: 20.4 },
      },
    ]);
    // 85.18 + 20.40 = 105.58
    expect(report.totals.total).toEqual({ gross: 135.65, tax: 30.07, net: 105.58 });
    // Jan: 114 + 10 = 124 gross, net 93.93; Feb 10.40; Mar 1.25.
    expect(report.months.map((m) => [m.key, m.total.gross, m.total.net])).toEqual([
      ['2026-01', 124, 93.93],
      ['2026-02', 10.4, 10.4],
      ['2026-03', 1.25, 1.25],
    ]);
  });

  it('keeps to the account and the range asked for', async () => {
    const report = await ok<IncomeReport>('income.report', { accountId: savings.id, from: '2026-02-01', to: '2026-03-31' });
    expect(report.accounts.map((a) => [a.name, a.total.net])).toEqual([['Savings', 10.4]]);
    expect(report.totals.total.net).toBe(10.4);
    expect(report.securities).toEqual([]);
  });
});
