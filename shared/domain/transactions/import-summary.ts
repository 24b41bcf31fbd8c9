import type { CashTransactionType, ImportResult, TransactionType } from './imported-transaction';

/**
 * What the preview says in one sentence about how a file was read — "Degiro account
 * statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped" — as data,
 * so the UI words and formats it in the user's language.
 */
export interface ImportSummary {
  /** The preset's label, or null for a file read with a generic mapping. */
  format: string | null;
  language: string | null;
  /** Lines the file holds below its header that became something or were set aside. */
  lines: number;
  /** Buys and sells together. */
  trades: number;
  perType: Partial<Record<TransactionType, number>>;
  cashPerType: Partial<Record<CashTransactionType, number>>;
  cashLines: number;
  skipped: number;
  errors: number;
  /** Lines with at least one error (a line can have several). */
  errorLines: number;
  warnings: number;
}

/** `leftOut`: lines refused while reading that the user left out; they are lines of the file, not problems. */
export function summariseImport(
  result: ImportResult,
  recognised: { label: string | null; language?: string | null },
  leftOut: readonly { line: number }[] = [],
): ImportSummary {
  const perType: Partial<Record<TransactionType, number>> = {};
  for (const t of result.transactions) perType[t.type] = (perType[t.type] ?? 0) + 1;
  const cashPerType: Partial<Record<CashTransactionType, number>> = {};
  for (const c of result.cash) cashPerType[c.type] = (cashPerType[c.type] ?? 0) + 1;
  // A file line can give both a transaction and a cash line (a trade and its fee in another currency): count it
  // once. Lines are small numbers, so a byte per line, not a set of 200,000 entries.
  let last = 0;
  for (const list of [result.transactions, result.cash, result.skipped, result.errors, leftOut]) for (const x of list) last = Math.max(last, x.line);
  const seen = new Uint8Array(last + 1);
  let lines = 0;
  for (const list of [result.transactions, result.cash, result.skipped, result.errors, leftOut]) {
    for (const { line } of list) {
      if (seen[line] === 1) continue;
      seen[line] = 1;
      lines++;
    }
  }
  return {
    format: recognised.label,
    language: recognised.language ?? null,
    lines,
    trades: (perType.buy ?? 0) + (perType.sell ?? 0),
    perType,
    cashPerType,
    cashLines: result.cash.length,
    skipped: result.skipped.length,
    errors: result.errors.length,
    errorLines: new Set(result.errors.map((e) => e.line)).size,
    warnings: result.warnings?.length ?? 0,
  };
}
