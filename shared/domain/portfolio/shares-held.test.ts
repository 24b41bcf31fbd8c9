import { describe, expect, it } from 'vitest';
import { sharesHeld } from './shares-held';
import type { Transaction } from './transaction';

function tx(partial: Partial<Transaction> & Pick<Transaction, 'id' | 'type' | 'date'>): Transaction {
  return { securityId: 1, quantity: 0, price: 0, currency: 'USD', fees: 0, note: '', externalId: null, ...partial };
}

// NVDA-like ledger: buy 10, 10-for-1 split on 2024-06-10, buy 5 and sell 30 that same day, dividend later.
const ledger: Transaction[] = [
  tx({ id: 4, type: 'sell', date: '2024-06-10', quantity: 30 }),
  tx({ id: 1, type: 'buy', date: '2024-01-02', quantity: 10 }),
  tx({ id: 3, type: 'buy', date: '2024-06-10', quantity: 5 }),
  // Entered after the buy of the same day: replay order still applies it first.
  tx({ id: 5, type: 'split', date: '2024-06-10', splitRatio: { from: 1, to: 10 } }),
  tx({ id: 6, type: 'dividend', date: '2024-07-01', quantity: 75, price: 0.75 }),
  tx({ id: 7, type: 'buy', date: '2024-01-02', quantity: 99, securityId: 2 }),
];

describe('sharesHeld', () => {
  it('replays splits before that day’s buys and sells: 10 × 10 + 5 − 30 = 75 now', () => {
    expect(sharesHeld(ledger, 1)).toBe(75);
    expect(sharesHeld(ledger, 2)).toBe(99);
    expect(sharesHeld(ledger, 3)).toBe(0);
  });

  it('counts the day itself at its end, not at its start', () => {
    // Start of 2024-06-10: only the first buy, 10 shares. End of it: 10 × 10 + 5 − 30 = 75.
    expect(sharesHeld(ledger, 1, { kind: 'startOf', date: '2024-06-10' })).toBe(10);
    expect(sharesHeld(ledger, 1, { kind: 'endOf', date: '2024-06-10' })).toBe(75);
    expect(sharesHeld(ledger, 1, { kind: 'endOf', date: '2024-06-09' })).toBe(10);
    expect(sharesHeld(ledger, 1, { kind: 'endOf', date: '2024-01-01' })).toBe(0);
  });

  it('treats float dust from a reverse split as zero and ignores a split without a ratio', () => {
    const dust = [
      tx({ id: 1, type: 'buy', date: '2024-01-02', quantity: 1 }),
      tx({ id: 2, type: 'split', date: '2024-02-01', splitRatio: { from: 3, to: 1 } }),
      // 1 × 1/3 = 0.333…; selling 0.3333333333 leaves ~3e-11, which is no holding.
      tx({ id: 3, type: 'sell', date: '2024-03-01', quantity: 0.3333333333 }),
      tx({ id: 4, type: 'split', date: '2024-04-01', splitRatio: { from: Number.NaN, to: 2 } }),
    ];
    expect(sharesHeld(dust, 1, { kind: 'endOf', date: '2024-02-01' })).toBeCloseTo(1 / 3, 12);
    expect(sharesHeld(dust, 1)).toBe(0);
  });

  it('never goes below zero on an uncovered sell', () => {
    const oversold = [tx({ id: 1, type: 'buy', date: '2024-01-02', quantity: 5 }), tx({ id: 2, type: 'sell', date: '2024-01-03', quantity: 8 })];
    expect(sharesHeld(oversold, 1)).toBe(0);
  });
});
