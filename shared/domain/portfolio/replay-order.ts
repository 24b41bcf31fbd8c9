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

/**
 * Each security's transactions in replay order, the securities in the order their first
 * transaction comes in replay order: exactly what grouping `sortForReplay(transactions)` by
 * security gives (the order decides the float sums of portfolio totals), without sorting the
 * whole ledger. A security's lines are sorted only when they are not in order already (a ledger
 * read by date usually is), and each group is small: 10,000 lines of 100 securities sorted as one
 * list took a fifth of a holdings call. `keep` leaves lines out (after an as-of day).
 */
export function groupForReplay(transactions: readonly Transaction[], keep?: (tx: Transaction) => boolean): Map<number, Transaction[]> {
  const lists = bySecurity(transactions, keep);
  for (const list of lists) if (!inReplayOrder(list)) list.sort(compareForReplay);
  // A tie between two groups' first lines (same day, type and id: not in a stored ledger) keeps the
  // ledger's order of those lines, as the stable sort of the whole ledger would.
  lists.sort((a, b) => compareForReplay(a[0] as Transaction, b[0] as Transaction) || transactions.indexOf(a[0] as Transaction) - transactions.indexOf(b[0] as Transaction));
  const ordered = new Map<number, Transaction[]>();
  for (const list of lists) ordered.set((list[0] as Transaction).securityId, list);
  return ordered;
}

function inReplayOrder(list: readonly Transaction[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareForReplay(list[i - 1] as Transaction, list[i] as Transaction) > 0) return false;
  return true;
}

/**
 * The lines of each security in ledger order. The loop is a function of its own: the engine compiles
 * a long loop while it runs, and code compiled that way that went on past the loop kept being thrown
 * away on every later call (at the first line after the loop, not yet run when it was compiled).
 */
function bySecurity(transactions: readonly Transaction[], keep?: (tx: Transaction) => boolean): Transaction[][] {
  const groups = new Map<number, Transaction[]>();
  const lists: Transaction[][] = [];
  for (let i = 0; i < transactions.length; i++) {
    const tx = transactions[i] as Transaction;
    if (keep !== undefined && !keep(tx)) continue;
    const list = groups.get(tx.securityId);
    if (list !== undefined) list.push(tx);
    else {
      const created = [tx];
      groups.set(tx.securityId, created);
      lists.push(created);
    }
  }
  return lists;
}
