import { sharesHeld } from '../portfolio/shares-held';
import type { Transaction } from '../portfolio/transaction';
import type { ImportLineError } from './importedTransaction';

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
  const warnings: ImportLineError[] = [];
  for (const tx of ledger) {
    const line = lineOf.get(tx.id);
    if (tx.type !== 'dividend' || line === undefined) continue;
    // Shares at the end of the day: a buy on the pay date still counts (brokers book both that day).
    if (sharesHeld(ledger, tx.securityId, { kind: 'endOf', date: tx.date }) > 0) continue;
    warnings.push({
      line,
      field: 'quantity',
      message: `Dividend on ${tx.date} for ${label(tx.securityId)}, but no shares of it are held that day. Import the statement with its purchase first, or check the security.`,
    });
  }
  return warnings.sort((a, b) => a.line - b.line);
}
