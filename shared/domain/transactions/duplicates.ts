import type { ImportedTransaction } from './imported-transaction';

/** What the app knows about a stored transaction, with its security resolved to symbol/ISIN. */
export interface ExistingTransaction {
  date: string;
  /** A stored security transfer between accounts is never a duplicate of a file's line: no file line has its type. */
  type: ImportedTransaction['type'] | 'transfer-out' | 'transfer-in';
  symbol: string | null;
  isin: string | null;
  quantity: number;
  price: number;
  fees: number;
  externalId: string | null;
}

export type DuplicateStatus = 'new' | 'already-imported';

export interface DuplicateCheck {
  line: number;
  status: DuplicateStatus;
  /** Index into `existing` of the transaction this row matches. */
  existingIndex: number | null;
}

export interface DuplicateReport {
  /** One entry per imported row, in the same order. */
  rows: DuplicateCheck[];
  /**
   * Groups (by line) of identical rows inside the file. They are all imported
   * unless the user says otherwise: two buys at the same price on one day are real.
   */
  possibleDuplicatesWithinFile: number[][];
}

/**
 * Marks rows the portfolio already holds. A broker id decides when both sides have
 * one; otherwise the fields must match. Each stored transaction absorbs at most one
 * row, so importing a file with two identical buys over one stored buy adds one.
 */
export function findDuplicates(
  imported: readonly ImportedTransaction[],
  existing: readonly ExistingTransaction[],
): DuplicateReport {
  const rows: DuplicateCheck[] = imported.map((t) => ({ line: t.line, status: 'new', existingIndex: null }));
  const used = new Set<number>();

  const byExternalId = new Map<string, number>();
  existing.forEach((e, i) => {
    if (e.externalId !== null && !byExternalId.has(e.externalId)) byExternalId.set(e.externalId, i);
  });
  imported.forEach((t, i) => {
    const match = t.externalId === null ? undefined : byExternalId.get(t.externalId);
    if (match !== undefined && !used.has(match)) {
      used.add(match);
      rows[i] = { line: t.line, status: 'already-imported', existingIndex: match };
    }
  });

  // Stored lines by day and type, in stored order: the field match looks only there, not through the whole
  // ledger per row (a 200,000-line file re-imported over itself would be 4 × 10¹⁰ comparisons).
  const byDayAndType = new Map<string, number[]>();
  existing.forEach((e, j) => {
    const key = `${e.date}\u0000${e.type}`;
    const bucket = byDayAndType.get(key);
    if (bucket === undefined) byDayAndType.set(key, [j]);
    else bucket.push(j);
  });
  imported.forEach((t, i) => {
    if (rows[i]?.status === 'already-imported') return;
    // Two different broker ids are two different trades, however alike they look.
    const bucket = byDayAndType.get(`${t.date}\u0000${t.type}`) ?? [];
    const match =
      bucket.find((j) => {
        const e = existing[j] as ExistingTransaction;
        return !used.has(j) && (t.externalId === null || e.externalId === null) && sameFields(t, e);
      }) ?? -1;
    if (match >= 0) {
      used.add(match);
      rows[i] = { line: t.line, status: 'already-imported', existingIndex: match };
    }
  });

  return { rows, possibleDuplicatesWithinFile: identicalGroups(imported) };
}

function identicalGroups(imported: readonly ImportedTransaction[]): number[][] {
  // Grouped by day, type and security first (strings the rows already hold), then by the numbers only
  // where two rows share those: a key with every number printed cost more than the rest of the check.
  const buckets = new Map<string, ImportedTransaction | ImportedTransaction[]>();
  for (const t of imported) {
    const key = `${t.date}\u0000${t.type}\u0000${t.isin?.toUpperCase() ?? ''}\u0000${t.symbol?.toUpperCase() ?? ''}`;
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, t);
    else if (Array.isArray(bucket)) bucket.push(t);
    else buckets.set(key, [bucket, t]);
  }
  const flagged: number[][] = [];
  for (const bucket of buckets.values()) {
    if (!Array.isArray(bucket)) continue;
    const groups: ImportedTransaction[][] = [];
    for (const t of bucket) {
      const group = groups.find((g) => identical(g[0] as ImportedTransaction, t));
      if (group === undefined) groups.push([t]);
      else group.push(t);
    }
    for (const group of groups) {
      if (group.length < 2) continue;
      const ids = group.map((t) => t.externalId);
      const distinctIds = ids.every((id) => id !== null) && new Set(ids).size === ids.length;
      if (!distinctIds) flagged.push(group.map((t) => t.line));
    }
  }
  return flagged.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** Same line twice, within a bucket of one day, type and security: the numbers and the currency. */
function identical(a: ImportedTransaction, b: ImportedTransaction): boolean {
  return (
    a.quantity === b.quantity &&
    a.price === b.price &&
    a.fees === b.fees &&
    a.currency === b.currency
  );
}

function sameFields(t: ImportedTransaction, e: ExistingTransaction): boolean {
  return (
    t.date === e.date &&
    t.type === e.type &&
    sameSecurity(t, e) &&
    sameNumber(t.quantity, e.quantity) &&
    sameNumber(t.price, e.price) &&
    sameNumber(t.fees, e.fees)
  );
}

/** ISIN when both sides have one (symbols differ across exchanges), else symbol. */
function sameSecurity(t: ImportedTransaction, e: ExistingTransaction): boolean {
  if (t.isin !== null && e.isin !== null) return t.isin.toUpperCase() === e.isin.toUpperCase();
  if (t.symbol !== null && e.symbol !== null) return t.symbol.toUpperCase() === e.symbol.toUpperCase();
  return false;
}

// Stored values went through a database and back; allow for float noise, not for real differences.
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
