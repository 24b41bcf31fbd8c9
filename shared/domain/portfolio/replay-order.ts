import type { Transaction, TransactionType } from './transaction';

/**
 * The order in which one day's transactions are applied. A split takes effect at the start
 * of its day (the exchange opens with the new share count, and that day's prices are already
 * post-split), so it comes first. Buys come before sells so that buying and selling the same
 * shares on one day (day trading, or importing a statement without times) is accepted.
 * Dividends and fees do not change the share count, so their place only matters for display.
 * A transfer between accounts comes after the day's buys (shares bought and moved the same day)
 * and before its sells, the leaving line before the arriving one, so the lots are there to carry.
 */
const RANK: Record<TransactionType, number> = { split: 0, buy: 1, 'transfer-out': 2, 'transfer-in': 3, dividend: 4, fee: 5, sell: 6 };

export function compareForReplay(a: Transaction, b: Transaction): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byType = RANK[a.type] - RANK[b.type];
  return byType !== 0 ? byType : a.id - b.id;
}

export function sortForReplay(transactions: readonly Transaction[]): Transaction[] {
  return [...transactions].sort(compareForReplay);
}
