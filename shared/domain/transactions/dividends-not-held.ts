import { keyedText } from '../common/errors';
import { QUANTITY_TOLERANCE } from '../portfolio/ledger';
import { sortForReplay } from '../portfolio/replay-order';
import { splitFactor } from '../portfolio/split-ratio';
import type { Transaction } from '../portfolio/transaction';
import type { ImportLineError } from './imported-transaction';

/**
 * Dividends paid on a day when the ledger (stored plus imported rows) holds none of the
 * security: usually the buys are in an earlier statement not imported yet. The line is
 * still imported — the money did arrive — but the preview must say so instead of showing
 * a dividend on a holding of zero shares without a word.
 *
 * `ledger` is every transaction of the replay with its securityId; `lineOf` maps the ids
 * of the file's rows to their lines (stored rows are not reported).
 */
export function dividendsWithoutHolding(
  ledger: readonly Transaction[],
  lineOf: ReadonlyMap<number, number>,
  label: (securityId: number) => string,
): ImportLineError[] {
  return dividendsWithoutHoldingInOrder(sortForReplay(ledger), (id) => lineOf.get(id), label);
}

/** dividendsWithoutHolding of a ledger already in replay order (sortForReplay); `lineOf` is undefined for stored rows. */
export function dividendsWithoutHoldingInOrder(
  sorted: readonly Transaction[],
  lineOf: (id: number) => number | undefined,
  label: (securityId: number) => string,
): ImportLineError[] {
  const warnings: ImportLineError[] = [];
  // One replay of the whole ledger (a sharesHeld call per dividend would sort it again each time:
  // quadratic on a 200,000-line file). Dividends wait until their day is over, since a buy booked
  // on the pay date still counts (brokers book both that day), then see the holding at the end of it.
  const held = new Map<number, number>();
  let day: string | null = null;
  let waiting: Transaction[] = [];
  const endOfDay = (): void => {
    for (const tx of waiting) {
      const shares = held.get(tx.securityId) ?? 0;
      if (Math.abs(shares) >= QUANTITY_TOLERANCE && shares > 0) continue;
      warnings.push({
        line: lineOf(tx.id) as number,
        field: 'quantity',
        ...keyedText('errors:importLine.dividendNotHeld', { date: tx.date, security: label(tx.securityId) }),
      });
    }
    waiting = [];
  };
  for (const tx of sorted) {
    if (tx.date !== day) {
      endOfDay();
      day = tx.date;
    }
    const before = held.get(tx.securityId) ?? 0;
    // Shares delivered in from another broker count as held; a transfer between two accounts nets out.
    if (tx.type === 'buy' || tx.type === 'transfer-in') held.set(tx.securityId, before + tx.quantity);
    else if (tx.type === 'sell' || tx.type === 'transfer-out') held.set(tx.securityId, Math.max(0, before - tx.quantity));
    else if (tx.type === 'split' && tx.splitRatio) {
      const factor = splitFactor(tx.splitRatio);
      if (Number.isFinite(factor) && factor > 0) held.set(tx.securityId, before * factor);
    } else if (tx.type === 'dividend' && lineOf(tx.id) !== undefined) waiting.push(tx);
  }
  endOfDay();
  return warnings.sort((a, b) => a.line - b.line);
}
