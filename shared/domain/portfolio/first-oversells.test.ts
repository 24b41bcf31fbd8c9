import { describe, expect, it } from 'vitest';
import { findOversell, firstOversells } from './ledger';
import { sortForReplay } from './replay-order';
import type { Transaction } from './transaction';

let id = 1;
const tx = (securityId: number, type: Transaction['type'], date: string, quantity: number, extra: Partial<Transaction> = {}): Transaction => ({
  id: id++, securityId, type, date, quantity, price: 10, currency: 'EUR', fees: 0, note: '', externalId: null, ...extra,
});

describe('firstOversells', () => {
  it('finds the first uncovered sell of each group in one replay of a sorted ledger', () => {
    const ledger = sortForReplay([
      tx(1, 'buy', '2025-01-02', 10), // security 1: 10
      tx(1, 'split', '2025-02-03', 0, { splitRatio: { from: 1, to: 2 } }), // 10 × 2 = 20
      tx(1, 'sell', '2025-03-03', 20), // 20 − 20 = 0: covered
      tx(1, 'sell', '2025-04-01', 1), // holds 0: the first oversell of security 1
      tx(1, 'sell', '2025-05-01', 5), // after the first oversell the group is done: not reported again
      tx(2, 'buy', '2025-01-05', 3), // security 2: 3
      tx(2, 'sell', '2025-01-05', 4), // same day, after the buy: 4 > 3, oversold by 1
    ]);
    const found = firstOversells(ledger, (t) => t.securityId);
    expect(found.map((o) => [o.transaction.securityId, o.transaction.date, o.held])).toEqual([
      [2, '2025-01-05', 3],
      [1, '2025-04-01', 0],
    ]);
    // findOversell of the same ledger reports the earliest of them.
    expect(findOversell(ledger)?.transaction.date).toBe('2025-01-05');
  });

  it('leaves out lines whose group is undefined', () => {
    // The sell of 5 belongs to no group, so nothing is oversold: the buy of 2 covers nothing asked of it.
    const ledger = sortForReplay([tx(1, 'buy', '2025-01-02', 2), tx(1, 'sell', '2025-01-03', 5)]);
    expect(firstOversells(ledger, (t) => (t.type === 'sell' ? undefined : t.securityId))).toEqual([]);
  });
});
