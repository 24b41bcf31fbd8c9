import { describe, expect, it } from 'vitest';
import { describeAccountOversell, findAccountOversells, type AccountLine } from './account-oversell';
import type { Transaction } from './transaction';

let id = 1;
const line = (accountKey: string, t: Pick<Transaction, 'type' | 'date' | 'quantity'> & Partial<Transaction>): AccountLine => ({
  accountKey,
  transaction: { id: id++, securityId: 1, price: 100, currency: 'EUR', fees: 0, note: '', externalId: null, ...t },
});

describe('per-account oversell', () => {
  it('finds a sale from an account that holds too few, though the portfolio holds enough', () => {
    // Broker buys 100, Bank buys 50 (portfolio 150). Bank sells 80: it holds only 50.
    const lines = [
      line('Broker', { type: 'buy', date: '2025-01-02', quantity: 100 }),
      line('Bank', { type: 'buy', date: '2025-01-03', quantity: 50 }),
      line('Bank', { type: 'sell', date: '2025-02-03', quantity: 80 }),
      line('Broker', { type: 'sell', date: '2025-02-04', quantity: 100 }),
    ];
    const found = findAccountOversells(lines);
    expect(found.map((o) => [o.accountKey, o.transaction.date, o.held])).toEqual([['Bank', '2025-02-03', 50]]);
    expect(describeAccountOversell(found[0] as (typeof found)[0], 'Bank', 'ALV.DE')).toBe(
      'On 2025-02-03 the account Bank holds only 50 shares of ALV.DE, so it cannot sell 80 shares.',
    );
  });

  it('keeps securities apart and follows a split inside the account', () => {
    // 10 shares, split 1 → 4 = 40, sell 40: covered. Security 2 never bought in Broker: its sale of 1 is not.
    const lines = [
      line('Broker', { type: 'buy', date: '2025-01-02', quantity: 10 }),
      line('Broker', { type: 'split', date: '2025-03-01', quantity: 0, splitRatio: { from: 1, to: 4 } }),
      line('Broker', { type: 'sell', date: '2025-03-02', quantity: 40 }),
      line('Broker', { type: 'sell', date: '2025-03-03', quantity: 1, securityId: 2 }),
    ];
    const found = findAccountOversells(lines);
    expect(found.map((o) => [o.transaction.securityId, o.held])).toEqual([[2, 0]]);
    expect(describeAccountOversell(found[0] as (typeof found)[0], 'Broker', 'SAP.DE')).toBe('On 2025-03-03 the account Broker holds no SAP.DE shares, so it cannot sell 1 share.');
  });
});
