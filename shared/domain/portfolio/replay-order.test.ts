import { describe, expect, it } from 'vitest';
import { groupForReplay, sortForReplay } from './replay-order';
import type { Transaction } from './transaction';

const tx = (id: number, securityId: number, type: Transaction['type'], date: string): Transaction => ({
  id, securityId, type, date, quantity: 1, price: 10, currency: 'EUR', fees: 0, note: '', externalId: null,
});

/** The reference: sort the whole ledger, then split it by security in that order. */
function viaWholeSort(ledger: readonly Transaction[]): [number, number[]][] {
  const groups = new Map<number, number[]>();
  for (const t of sortForReplay(ledger)) groups.set(t.securityId, [...(groups.get(t.securityId) ?? []), t.id]);
  return [...groups];
}

const ids = (groups: Map<number, Transaction[]>): [number, number[]][] => [...groups].map(([s, list]) => [s, list.map((t) => t.id)]);

describe('groupForReplay', () => {
  const ledger = [
    tx(1, 7, 'sell', '2025-03-03'),
    tx(2, 9, 'buy', '2025-01-10'),
    tx(3, 7, 'buy', '2025-03-03'), // same day as line 1: the buy goes first
    tx(4, 7, 'split', '2025-03-03'), // and the split before both
    tx(5, 9, 'dividend', '2025-02-01'),
    tx(6, 8, 'buy', '2025-01-10'), // same day as security 9's first line, a higher id: 9 comes first
    tx(7, 7, 'buy', '2025-01-02'),
  ];

  it('gives each security its lines in replay order, the securities in the order of their first line', () => {
    // Security 7 starts on 2025-01-02, 9 on 2025-01-10 (id 2), 8 on 2025-01-10 (id 6).
    expect(ids(groupForReplay(ledger))).toEqual([
      [7, [7, 4, 3, 1]],
      [9, [2, 5]],
      [8, [6]],
    ]);
    expect(ids(groupForReplay(ledger))).toEqual(viaWholeSort(ledger));
  });

  it('leaves out what `keep` refuses, as filtering the sorted ledger would', () => {
    const keep = (t: Transaction): boolean => t.date <= '2025-02-01';
    expect(ids(groupForReplay(ledger, keep))).toEqual([
      [7, [7]],
      [9, [2, 5]],
      [8, [6]],
    ]);
    expect(ids(groupForReplay(ledger, keep))).toEqual(viaWholeSort(ledger.filter(keep)));
  });

  it('keeps a ledger already in order as it is, and leaves the input untouched', () => {
    const sorted = sortForReplay(ledger);
    const before = ledger.map((t) => t.id);
    expect(ids(groupForReplay(sorted))).toEqual(viaWholeSort(ledger));
    expect(ledger.map((t) => t.id)).toEqual(before);
  });
});
