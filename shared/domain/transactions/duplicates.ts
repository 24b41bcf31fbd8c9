import { runsOfEqualKeys, stringHash } from '../common/equal-keys';
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

export interface DuplicateReport {
  /**
   * The rows the portfolio already holds: index of the imported row → index into `existing` of the stored
   * line it matches. Every other row is new (no entry per new row: a first import of a 200,000-line file
   * would keep 200,000 of them).
   */
  alreadyImported: Map<number, number>;
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
  const alreadyImported = new Map<number, number>();
  const used = new Set<number>();

  const byExternalId = new Map<string, number>();
  existing.forEach((e, i) => {
    if (e.externalId !== null && !byExternalId.has(e.externalId)) byExternalId.set(e.externalId, i);
  });
  if (byExternalId.size > 0) imported.forEach((t, i) => {
    const match = t.externalId === null ? undefined : byExternalId.get(t.externalId);
    if (match !== undefined && !used.has(match)) {
      used.add(match);
      alreadyImported.set(i, match);
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
  // Nothing stored (a first import): no key to build per row.
  if (byDayAndType.size > 0) {
    imported.forEach((t, i) => {
      if (alreadyImported.has(i)) return;
      const match = storedMatch(t, byDayAndType.get(`${t.date}\u0000${t.type}`), existing, used);
      if (match >= 0) {
        used.add(match);
        alreadyImported.set(i, match);
      }
    });
  }

  return { alreadyImported, possibleDuplicatesWithinFile: identicalGroups(imported) };
}

/** The first unused stored line of the bucket with the same fields, or -1. */
function storedMatch(t: ImportedTransaction, bucket: readonly number[] | undefined, existing: readonly ExistingTransaction[], used: ReadonlySet<number>): number {
  if (bucket === undefined) return -1;
  for (const j of bucket) {
    const e = existing[j] as ExistingTransaction;
    // Two different broker ids are two different trades, however alike they look.
    if (!used.has(j) && (t.externalId === null || e.externalId === null) && sameFields(t, e)) return j;
  }
  return -1;
}

function identicalGroups(imported: readonly ImportedTransaction[]): number[][] {
  // Rows are grouped first by a whole number made from their day, quantity and price (different numbers,
  // different rows; an equal number may still be two different rows), with one typed-array sort: most rows of
  // a large file stand alone. Only rows that share a number are then keyed by day, type and security.
  const flagged: number[][] = [];
  runsOfEqualKeys(
    imported.length,
    (i) => {
      const t = imported[i] as ImportedTransaction;
      return (Math.imul(stringHash(t.date), 31) + ((t.quantity * 1_000_003 + t.price * 7_919) | 0)) | 0;
    },
    (run) => {
      const buckets = new Map<string, ImportedTransaction | ImportedTransaction[]>();
      for (const i of run) {
        const t = imported[i] as ImportedTransaction;
        addTo(buckets, `${t.date}\u0000${t.type}\u0000${t.isin?.toUpperCase() ?? ''}\u0000${t.symbol?.toUpperCase() ?? ''}`, t);
      }
      for (const bucket of buckets.values()) if (Array.isArray(bucket)) flagGroups(bucket, flagged);
    },
  );
  return flagged.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** A map of single rows that turn into lists when a second row shares the key (most keys hold one row). */
function addTo(map: Map<string, ImportedTransaction | ImportedTransaction[]>, key: string, t: ImportedTransaction): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, t);
  else if (Array.isArray(bucket)) bucket.push(t);
  else map.set(key, [bucket, t]);
}

/** Rows of one day, type and security that are the same line twice, unless each has a broker id of its own. */
function flagGroups(bucket: readonly ImportedTransaction[], flagged: number[][]): void {
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
