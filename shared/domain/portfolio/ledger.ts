import { keyedText, textError, type ErrorText } from '../common/errors';
import { sortForReplay } from './replay-order';
import { splitFactor } from './split-ratio';
import type { Transaction } from './transaction';

/** A sell that asks for more shares than were held when it happened. */
export interface Oversell {
  transaction: Transaction;
  /** Shares held just before the sell, after everything earlier that day (splits, buys). */
  held: number;
}

/**
 * Fractional shares and split factors make exact comparison unreliable: 3 × (1/3) is not 1.
 * A sell may exceed the holding by this relative amount and still close the position.
 */
export const QUANTITY_TOLERANCE = 1e-9;

export function exceedsHolding(sell: number, held: number): boolean {
  return sell - held > QUANTITY_TOLERANCE * Math.max(1, held);
}

/**
 * Replays the ledger (of any number of securities) in replay order and returns the first
 * sell that would exceed the shares held, or null if every sell is covered. Checking the
 * whole ledger, not just the edited line, is what catches a deleted or shrunk buy that a
 * later sell depended on.
 */
export function findOversell(transactions: readonly Transaction[]): Oversell | null {
  const held = new Map<number, number>();
  for (const tx of sortForReplay(transactions)) {
    const problem = replayStep(held, tx.securityId, tx);
    if (problem !== null) return problem;
  }
  return null;
}

/**
 * The first uncovered sell of each group of a ledger already in replay order (sortForReplay), in
 * that order. `groupOf` says whose holding a transaction changes: its security, or one account's
 * holding of it; undefined leaves the line out. One pass over one sorted ledger, for a large import
 * that would otherwise sort it again for every check.
 */
export function firstOversells(sorted: readonly Transaction[], groupOf: (tx: Transaction) => number | undefined): Oversell[] {
  const held = new Map<number, number>();
  const found: Oversell[] = [];
  for (const tx of sorted) {
    const group = groupOf(tx);
    // A group with an uncovered sell is done: what it holds after it is not known.
    if (group === undefined || held.get(group) === Number.NEGATIVE_INFINITY) continue;
    const problem = replayStep(held, group, tx);
    if (problem === null) continue;
    found.push(problem);
    held.set(group, Number.NEGATIVE_INFINITY);
  }
  return found;
}

/** Applies one transaction to `held[group]`; returns the oversell it is, if it is one. */
function replayStep(held: Map<number, number>, group: number, tx: Transaction): Oversell | null {
  const before = held.get(group) ?? 0;
  switch (tx.type) {
    case 'buy':
    case 'transfer-in':
      held.set(group, before + tx.quantity);
      break;
    case 'sell':
    case 'transfer-out':
      if (exceedsHolding(tx.quantity, before)) return { transaction: tx, held: before };
      held.set(group, Math.max(0, before - tx.quantity));
      break;
    case 'split':
      if (tx.splitRatio) held.set(group, before * splitFactor(tx.splitRatio));
      break;
    case 'dividend':
    case 'fee':
      break;
  }
  return null;
}

export function describeOversell(problem: Oversell): string {
  return oversellText(problem).message;
}

/** The oversell as a catalogue message: "On 2024-05-01 you hold only 100 shares, so you cannot sell 150 shares." */
export function oversellText({ transaction, held }: Oversell): ErrorText & { message: string } {
  const transfer = transaction.type === 'transfer-out';
  const quantity = shareCount(transaction.quantity);
  const shares = { key: 'errors:transactions.share', params: { count: quantity } } as const;
  if (held === 0) return keyedText(transfer ? 'errors:transactions.overtransferNone' : 'errors:transactions.oversellNone', { date: transaction.date, quantity, shares });
  const heldShares = { key: 'errors:transactions.share', params: { count: shareCount(held) } } as const;
  return keyedText(transfer ? 'errors:transactions.overtransferSome' : 'errors:transactions.oversellSome', { date: transaction.date, held: shareCount(held), heldShares, quantity, shares });
}

/** Throws a VALIDATION AppError naming the first sell that is not covered by the holding. */
export function assertNoOversell(transactions: readonly Transaction[]): void {
  const problem = findOversell(transactions);
  if (problem === null) return;
  throw textError('VALIDATION', oversellText(problem), {
    transactionId: problem.transaction.id,
    securityId: problem.transaction.securityId,
    date: problem.transaction.date,
    field: 'quantity',
    held: problem.held,
  });
}

/**
 * Whether deleting a transaction keeps the ledger valid; returns the message to show, or null.
 * A sell that was already uncovered before the deletion is not blamed on it.
 */
export function validateDeletion(id: number, existing: readonly Transaction[]): (ErrorText & { message: string }) | null {
  const target = existing.find((t) => t.id === id);
  if (target === undefined) return null;
  const sameSecurity = existing.filter((t) => t.securityId === target.securityId);
  const after = findOversell(sameSecurity.filter((t) => t.id !== id));
  if (after === null || after.transaction.id === findOversell(sameSecurity)?.transaction.id) return null;
  return keyedText('errors:transactions.deleteBreaksSaleFirst', { problem: oversellText(after) });
}

/** A share count as shown: a fraction to 6 places, so 0.1 + 0.2 reads 0.3. */
export function shareCount(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toFixed(6));
}
