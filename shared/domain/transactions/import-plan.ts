import { runsOfEqualKeys, stringHash } from '../common/equal-keys';
import { keyedText, textError } from '../common/errors';
import { accountOversellText } from '../portfolio/account-oversell';
import { firstOversells, oversellText } from '../portfolio/ledger';
import { compareForReplay } from '../portfolio/replay-order';
import { sharesHeld } from '../portfolio/shares-held';
import { validateTransactionFields, type Transaction } from '../portfolio/transaction';
import type { NewSecurity } from '../securities/security';
import { detectTransactionFormat, importTransactionFile, TRANSACTION_PRESETS } from './detect-format';
import { dividendsWithoutHoldingInOrder } from './dividends-not-held';
import { findDuplicates, type DuplicateStatus, type ExistingTransaction } from './duplicates';
import type { PresetId } from './presets/preset';
import { summariseImport, type ImportSummary } from './import-summary';
import type { ImportedCashTransaction, ImportedTransaction, ImportLineError, SkippedLine, SplitRatio } from './imported-transaction';
import type { ColumnDetection, TransactionMapping } from './mapping';
import { toTransaction, type TransactionRowFields } from './transaction-row';

/** Which security a file row belongs to: one already stored, a catalogue listing to add, or a new custom one. */
export type SecurityResolution =
  | { source: 'stored'; securityId: number; symbol: string }
  | { source: 'catalogue'; symbol: string; entry: NewSecurity }
  | { source: 'new'; symbol: string; entry: NewSecurity };

/** A file row and what importing it would do; what it would store is `plannedFields` of it. */
export interface PlannedRow {
  imported: ImportedTransaction;
  symbol: string;
  resolution: SecurityResolution;
  /** The upper-case symbol: groups the rows of a security not stored yet. */
  securityKey: string;
  /** The ratio of a split the file reports only as shares added (Schwab), worked out from the holding that day. */
  inferredSplit: SplitRatio | null;
  status: DuplicateStatus;
  excluded: boolean;
}

/** A stored transaction as the plan needs it: for the ledger replay and for duplicate checks. */
export interface StoredForPlan {
  transaction: Transaction;
  symbol: string;
  existing: ExistingTransaction;
  /** The account it is booked in, as `account` of PlanInput names it (for the per-account replay). */
  accountKey?: string;
}

/** A cash line of the file and what importing would do with it. */
export interface PlannedCash {
  imported: ImportedCashTransaction;
  /** 'already-imported' when a stored cash line of the same account has its broker id. */
  status: 'new' | 'already-imported';
  excluded: boolean;
}

export interface TransactionImportPlan {
  fileName: string;
  format: { kind: 'preset' | 'generic'; label: string; presetId: PresetId | null };
  /** The generic file's columns (null for a known format) and the mapping the rows were read with. */
  generic: { columns: ColumnDetection; mapping: TransactionMapping } | null;
  planned: PlannedRow[];
  cash: PlannedCash[];
  /** Every problem, by line: parse errors, field checks, repeated broker ids, sells of more than is held. */
  errors: ImportLineError[];
  /** Problems of lines refused while reading that the user left out (excludeLines): they block nothing. */
  leftOut: ImportLineError[];
  /**
   * Lines imported as read but worth a look, by line: the preset's own (an amount that does not
   * reconcile with shares × price) and dividends paid on a day no shares are held.
   */
  warnings: ImportLineError[];
  /** How the file was read, in numbers, for the preview's one sentence. */
  summary: ImportSummary;
  skipped: SkippedLine[];
  /** Lines identical to another line of the same file, by line number. */
  possibleDuplicateOf: Map<number, number[]>;
  /** Symbols of the securities the import would add. */
  newSecurities: string[];
}

export interface PlanInput {
  text: string;
  fileName: string;
  mapping: TransactionMapping | undefined;
  excludeLines: readonly number[];
  today: string;
  stored: readonly StoredForPlan[];
  resolve: (t: ImportedTransaction) => SecurityResolution;
  /** Whether a cash line with a broker id is stored already (in the account it would go to). */
  cashIsStored?: (c: ImportedCashTransaction) => boolean;
  /**
   * The account a file row goes to (its account name, null for the import's target account): a
   * key that tells accounts apart and the name to show. With it, each account's sales are checked
   * against that account's holding.
   */
  account?: (name: string | null) => { key: string; label: string };
  /** The user's locale (BCP 47), which settles date order and decimal separator when the file does not. */
  locale?: string | null;
  /** Told when every line is read and the checks against the ledger begin (for a progress bar). */
  parsed?: () => void;
}

/** The two field-check options, made once rather than per row. */
const FREE_SHARES = { freeShares: true } as const;
const PAID_SHARES = { freeShares: false } as const;

/**
 * What a planned row would store. Made when asked (the preview's first lines, each write), not kept
 * beside every row: a 200,000-line plan would hold 200,000 more objects for the collector to move.
 */
export function plannedFields(p: PlannedRow): TransactionRowFields {
  const fields = toStoredFields(p.imported);
  if (p.inferredSplit !== null) {
    fields.splitFrom = p.inferredSplit.from;
    fields.splitTo = p.inferredSplit.to;
  }
  return fields;
}

/** Import convention (shared/domain/transactions) → stored convention (shared/domain/portfolio). */
export function toStoredFields(t: ImportedTransaction): TransactionRowFields {
  let { quantity, price, fees } = t;
  let splitFrom: number | null = null;
  let splitTo: number | null = null;
  if (t.type === 'dividend') {
    // Stored price is the total received; the share count is kept for reference.
    price = t.quantity * t.price;
  } else if (t.type === 'fee') {
    quantity = 0;
    price = t.fees;
    fees = 0;
  } else if (t.type === 'split') {
    price = 0;
    fees = 0;
    splitFrom = t.splitRatio?.from ?? null;
    splitTo = t.splitRatio?.to ?? null;
  }
  return { type: t.type, date: t.date, quantity, price, currency: t.currency, fees, splitFrom, splitTo, note: t.note, externalId: t.externalId };
}

/**
 * Works out exactly what importing a file would do, without writing: which rows
 * are new, which are already stored, which lines are identical inside the file,
 * which securities would be added, and every problem per line (line, field, reason).
 */
export function planTransactionImport(input: PlanInput): TransactionImportPlan {
  const { text, fileName, mapping, today, stored } = input;
  const detection = detectTransactionFormat(text, fileName, { locale: input.locale ?? null });
  if (detection.kind === 'unsupported') throw textError('UNSUPPORTED_FILE', detection, { file: fileName });
  const generic = detection.kind === 'generic' ? detection.columns : null;
  const effectiveMapping: TransactionMapping | undefined = mapping ?? generic?.mapping;
  const parsed = importTransactionFile(text, fileName, effectiveMapping, { locale: input.locale ?? null });
  input.parsed?.();
  const excluded = new Set(input.excludeLines);
  // A line refused while reading is left out like any other when the user unticks it: its problem no longer blocks the rest.
  const errors: ImportLineError[] = [];
  const leftOut: ImportLineError[] = [];
  for (const e of parsed.errors) (excluded.has(e.line) ? leftOut : errors).push(e);

  const dupes = findDuplicates(parsed.transactions, stored.map((s) => s.existing));
  const possibleDuplicateOf = new Map<number, number[]>();
  for (const group of dupes.possibleDuplicatesWithinFile) for (const line of group) possibleDuplicateOf.set(line, group);

  // Rows by security, numbered once: the replays below key their holdings by these numbers.
  const securityNumbers = new Map<string, number>();
  const securityNumber = (key: string): number => {
    let n = securityNumbers.get(key);
    if (n === undefined) securityNumbers.set(key, (n = securityNumbers.size + 1));
    return n;
  };
  // One key string per security, not per row.
  const keyOfSymbol = new Map<string, string>();
  const planned: PlannedRow[] = [];
  const toImport: PlannedRow[] = [];
  for (let i = 0; i < parsed.transactions.length; i++) {
    const imported = parsed.transactions[i] as ImportedTransaction;
    const resolution = input.resolve(imported);
    let securityKey = keyOfSymbol.get(resolution.symbol);
    if (securityKey === undefined) keyOfSymbol.set(resolution.symbol, (securityKey = resolution.symbol.toUpperCase()));
    const p: PlannedRow = {
      imported,
      symbol: resolution.symbol,
      resolution,
      securityKey,
      inferredSplit: null,
      status: dupes.alreadyImported.has(i) ? 'already-imported' : 'new',
      excluded: excluded.has(imported.line),
    };
    planned.push(p);
    // Field checks and the ledger replay run on what would really be stored.
    if (p.status === 'new' && !p.excluded) toImport.push(p);
  }

  // The stored lines and the file's rows as the replays see them, built once for every check below.
  let firstNewId = 1;
  const storedTx: Transaction[] = [];
  for (const s of stored) {
    storedTx.push({ ...s.transaction, securityId: securityNumber(s.symbol.toUpperCase()) });
    firstNewId = Math.max(firstNewId, s.transaction.id + 1);
  }
  // The file's rows get ids after every stored one (ties in a day replay stored lines first); row i is id firstNewId + i.
  const lineOf = (id: number): number | undefined => toImport[id - firstNewId]?.imported.line;
  const importTx: Transaction[] = [];
  for (let i = 0; i < toImport.length; i++) {
    const p = toImport[i] as PlannedRow;
    const securityId = securityNumber(p.securityKey);
    let row = toStoredFields(p.imported);
    // Brokers that report a split only as shares added (Schwab): the ratio follows from the holding that day.
    if (row.type === 'split' && (row.splitFrom === null || row.splitTo === null)) {
      const held = sharesHeld([...storedTx, ...importTx], securityId, { kind: 'startOf', date: row.date });
      if (held > 0 && row.quantity > 0) {
        p.inferredSplit = { from: held, to: held + row.quantity };
        row = plannedFields(p);
      }
    }
    const tx = toTransaction(row, firstNewId + i, securityId);
    const noRatio = row.type === 'split' && (row.splitFrom === null || row.splitTo === null);
    for (const e of validateTransactionFields(tx, today, p.imported.freeShares === true ? FREE_SHARES : PAID_SHARES)) {
      if (noRatio && e.field.startsWith('splitRatio')) continue;
      errors.push({ ...e, line: p.imported.line, field: fieldName(e.field) });
    }
    if (noRatio) {
      errors.push({
        line: p.imported.line,
        field: 'splitRatio',
        ...keyedText('errors:importLine.splitNoRatio', { symbol: p.symbol, date: row.date }),
      });
    }
    importTx.push(tx);
  }
  repeatedBrokerIds(toImport, errors);

  // One sort of the whole ledger for the three replays below (each used to sort it again).
  const sorted = storedTx.concat(importTx).sort(compareForReplay);
  for (const problem of firstOversells(sorted, (tx) => (Number.isFinite(tx.quantity) ? tx.securityId : undefined))) {
    const line = lineOf(problem.transaction.id);
    if (line !== undefined) errors.push({ line, field: 'quantity', ...oversellText(problem) });
  }
  if (input.account !== undefined) {
    accountOversellErrors({ account: input.account, stored, toImport, sorted, firstNewId, securities: securityNumbers.size, lineOf }, errors);
  }
  const cash = planCash(parsed.cash, excluded, input.cashIsStored ?? (() => false), errors);
  errors.sort((a, b) => a.line - b.line);
  const symbolOfNumber = new Map<number, string>();
  for (const [key, n] of securityNumbers) symbolOfNumber.set(n, key);
  const warnings = [...(parsed.warnings ?? []), ...dividendsWithoutHoldingInOrder(sorted, lineOf, (n) => symbolOfNumber.get(n) ?? '?')].sort((a, b) => a.line - b.line);

  const preset = detection.kind === 'preset' ? TRANSACTION_PRESETS.find((x) => x.id === detection.presetId) : undefined;
  return {
    fileName,
    format: { kind: detection.kind, label: preset?.label ?? 'Other CSV (check the columns)', presetId: preset?.id ?? null },
    generic: generic ? { columns: generic, mapping: mapping ?? generic.mapping } : null,
    planned,
    cash,
    errors,
    leftOut,
    warnings,
    summary: summariseImport(
      { ...parsed, errors, warnings },
      { label: preset?.label ?? null, language: detection.kind === 'preset' ? (detection.language ?? null) : (generic?.language ?? null) },
      leftOut,
    ),
    skipped: parsed.skipped,
    possibleDuplicateOf,
    newSecurities: securitiesToAdd(toImport),
  };
}

/** Symbols of the securities the rows would add, once each, in the order the file first names them. */
function securitiesToAdd(toImport: readonly PlannedRow[]): string[] {
  const symbols = new Set<string>();
  for (const p of toImport) if (p.resolution.source !== 'stored') symbols.add(p.symbol);
  return [...symbols];
}

/** A broker id used twice for one security among the rows to import: one error per repeat, on its line. */
function repeatedBrokerIds(toImport: readonly PlannedRow[], errors: ImportLineError[]): void {
  // A file's ids are nearly all different: rows are first grouped by a hash of their id (one typed-array sort, no
  // map of 200,000 strings), and only rows whose hashes meet are compared by id and security, in file order.
  const idOf = (i: number): string | null => (toImport[i] as PlannedRow).imported.externalId;
  runsOfEqualKeys(
    toImport.length,
    (i) => {
      const id = idOf(i);
      return id === null ? null : stringHash(id);
    },
    (run) => {
      // The first row of each security that uses an id; the same id for another security is allowed.
      const firstOf = new Map<string, PlannedRow[]>();
      for (const i of run) {
        const p = toImport[i] as PlannedRow;
        const id = p.imported.externalId as string;
        const firsts = firstOf.get(id);
        if (firsts === undefined) {
          firstOf.set(id, [p]);
          continue;
        }
        const first = firsts.find((q) => q.securityKey === p.securityKey);
        if (first === undefined) firsts.push(p);
        else errors.push({ line: p.imported.line, field: 'externalId', ...keyedText('errors:importLine.duplicateId', { id, line: first.imported.line }) });
      }
    },
  );
}

/**
 * A sale from an account that holds too few shares, though the portfolio may hold enough: one error
 * per account and security, on the file's line. A line already refused for the whole portfolio keeps
 * that one message. Stored lines without an account key are left out of these replays.
 */
function accountOversellErrors(
  ledger: {
    account: NonNullable<PlanInput['account']>;
    stored: readonly StoredForPlan[];
    toImport: readonly PlannedRow[];
    /** Stored and file rows in replay order; stored row k has the id of stored[k], file row i firstNewId + i. */
    sorted: readonly Transaction[];
    firstNewId: number;
    /** How many securities the rows are numbered with (1…n). */
    securities: number;
    lineOf: (id: number) => number | undefined;
  },
  errors: ImportLineError[],
): void {
  const { account, stored, toImport, sorted, firstNewId, lineOf } = ledger;
  // Accounts numbered 0…, by key; each transaction's account by its id.
  const accountNumbers = new Map<string, number>();
  const labels: string[] = [];
  const numberOf = (key: string, label: string): number => {
    let n = accountNumbers.get(key);
    if (n === undefined) {
      accountNumbers.set(key, (n = labels.length));
      labels.push(label);
    }
    return n;
  };
  const storedAccount = new Map<number, number>();
  for (const s of stored) if (s.accountKey !== undefined) storedAccount.set(s.transaction.id, numberOf(s.accountKey, s.accountKey));
  // The file's rows name a handful of accounts: ask for each name's key once.
  const byName = new Map<string | null, number>();
  const importAccount: number[] = [];
  for (const p of toImport) {
    let n = byName.get(p.imported.account);
    if (n === undefined) {
      const found = account(p.imported.account);
      n = numberOf(found.key, found.label);
      labels[n] = found.label;
      byName.set(p.imported.account, n);
    }
    importAccount.push(n);
  }
  // One account holding every line: its holdings are the portfolio's, which the replay before this one checked.
  if (labels.length <= 1 && storedAccount.size === stored.length) return;
  // One holding per account and security: account a's holding of security s is group a × (n + 1) + s.
  const stride = ledger.securities + 1;
  const groupOf = (tx: Transaction): number | undefined => {
    if (!Number.isFinite(tx.quantity)) return undefined;
    const a = tx.id >= firstNewId ? importAccount[tx.id - firstNewId] : storedAccount.get(tx.id);
    return a === undefined ? undefined : a * stride + tx.securityId;
  };
  const refused = new Set(errors.filter((e) => e.field === 'quantity').map((e) => e.line));
  for (const problem of firstOversells(sorted, groupOf)) {
    const line = lineOf(problem.transaction.id);
    if (line === undefined || refused.has(line)) continue;
    const group = groupOf(problem.transaction) as number;
    const accountNo = Math.floor(group / stride);
    const p = toImport[problem.transaction.id - firstNewId] as PlannedRow;
    errors.push({ line, field: 'quantity', ...accountOversellText({ ...problem, accountKey: '' }, labels[accountNo] ?? '', p.symbol) });
  }
}

function fieldName(field: string): ImportLineError['field'] {
  if (field.startsWith('splitRatio')) return 'splitRatio';
  if (field === 'date' || field === 'quantity' || field === 'price' || field === 'fees' || field === 'currency' || field === 'note') return field;
  return 'row';
}

/**
 * The cash lines of a file: already-imported ones (same broker id in the same account) are left
 * out; each new line is checked (a positive amount, an exchange's incoming side, a broker id used
 * once), and problems go to `errors` by line and field.
 */
export function planCash(
  lines: readonly ImportedCashTransaction[],
  excluded: ReadonlySet<number>,
  isStored: (c: ImportedCashTransaction) => boolean,
  errors: ImportLineError[],
): PlannedCash[] {
  const seen = new Map<string, number>();
  return lines.map((imported) => {
    const status = imported.externalId !== null && isStored(imported) ? 'already-imported' : 'new';
    const planned: PlannedCash = { imported, status, excluded: excluded.has(imported.line) };
    if (status !== 'new' || planned.excluded) return planned;
    const line = imported.line;
    if (!(imported.amount > 0)) errors.push({ line, field: 'amount', ...keyedText('errors:importLine.amountPositive', { amount: imported.amount }) });
    if (imported.type === 'exchange' && (imported.counterAmount === null || !(imported.counterAmount > 0) || imported.counterCurrency === null)) {
      errors.push({ line, field: 'amount', ...keyedText('errors:importLine.exchangeIncoming') });
    }
    if (imported.externalId !== null) {
      const key = `${imported.account ?? ''}\u0000${imported.externalId}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, line);
      else errors.push({ line, field: 'externalId', ...keyedText('errors:importLine.duplicateId', { id: imported.externalId, line: first }) });
    }
    return planned;
  });
}
