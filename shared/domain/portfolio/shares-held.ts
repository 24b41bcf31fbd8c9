import { QUANTITY_TOLERANCE } from './ledger';
import { sortForReplay } from './replay-order';
import { splitFactor } from './split-ratio';
import type { Transaction } from './transaction';

/**
 * Shares of one security held at a moment, by replaying its transactions in replay
 * order (a day's split first, then buys, then sells). The one place the holding is
 * counted for the listings screen, chart markers and the import's split ratios.
 * A sell never takes the holding below zero (the ledger refuses such sells anyway);
 * a split without a usable ratio changes nothing; float dust from fractional splits
 * (3 × 1/3) counts as zero.
 */
export type HeldAt =
  /** After every transaction. */
  | { kind: 'now' }
  /** At the end of the day: that day's transactions included. */
  | { kind: 'endOf'; date: string }
  /** At the start of the day: that day's transactions excluded. */
  | { kind: 'startOf'; date: string };

export function sharesHeld(transactions: readonly Transaction[], securityId: number, at: HeldAt = { kind: 'now' }): number {
  let held = 0;
  for (const tx of sortForReplay(transactions)) {
    if (tx.securityId !== securityId) continue;
    if (at.kind === 'endOf' && tx.date > at.date) break;
    if (at.kind === 'startOf' && tx.date >= at.date) break;
    if (tx.type === 'buy' || tx.type === 'transfer-in') held += tx.quantity;
    else if (tx.type === 'sell' || tx.type === 'transfer-out') held = Math.max(0, held - tx.quantity);
    else if (tx.type === 'split' && tx.splitRatio) {
      const factor = splitFactor(tx.splitRatio);
      if (Number.isFinite(factor) && factor > 0) held *= factor;
    }
  }
  return Math.abs(held) < QUANTITY_TOLERANCE ? 0 : held;
}
