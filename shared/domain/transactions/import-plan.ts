import { keyedText, textError } from '../common/errors';
import { accountOversellText, findAccountOversells, type AccountLine } from '../portfolio/account-oversell';
import { findOversell, oversellText } from '../portfolio/ledger';
import { sharesHeld } from '../portfolio/shares-held';
import { validateTransactionFields, type Transaction } from '../portfolio/transaction';
import type { NewSecurity } from '../securities/security';
import { detectTransactionFormat, importTransactionFile, TRANSACTION_PRESETS } from './detect-format';
import { dividendsWithoutHolding } from './dividends-not-held';
import { findDuplicates, type DuplicateStatus, type ExistingTransaction } from './duplicates';
import { summariseImport, type ImportSummary } from './import-summary';
import type { ImportedCashTransaction, ImportedTransaction, ImportLineError, SkippedLine } from './imported-transaction';
import type { ColumnDetection, TransactionMapping } from './mapping';
import { toTransaction, type TransactionRowFields } from './transaction-row';

/** Which security a file row belongs to: one already stored, a catalogue listing to add, or a new custom one. */
export type SecurityResolution =
  | { source: 'stored'; securityId: number; symbol: string }
  | { source: 'catalogue'; symbol: string; entry: NewSecurity }
  | { source: 'new'; symbol: string; entry: NewSecurity };

export interface PlannedRow {
  imported: ImportedTransaction;
  symbol: string;
  resolution: SecurityResolution;
  /** What would be stored; `securityKey` (the upper-case symbol) groups rows of a security not stored yet. */
  row: TransactionRowFields & { securityKey: string };
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
  format: { kind: 'preset' | 'generic'; label: string };
  /** The generic file's columns (null for a known format) and the mapping the rows were read with. */
  generic: { columns: ColumnDetection; mapping: TransactionMapping } | null;
  planned: PlannedRow[];
  cash: PlannedCash[];
  /** Every problem, by line: parse errors, field checks, repeated broker ids, sells of more than is held. */
  errors: ImportLineError[];
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

/** Import convention (shared/domain/transactions) → stored convention (shared/domain/portfolio). */
export function toStoredFields(t: ImportedTransaction): TransactionRowFields {
  // One object per line, written out rather than spread from a shared part: a large file has 200,000 lines.
  const row = (quantity: number, price: number, fees: number, splitFrom: number | null = null, splitTo: number | null = null): TransactionRowFields => ({
    type: t.type,
    date: t.date,
    quantity,
    price,
    currency: t.currency,
    fees,
    splitFrom,
    splitTo,
    note: t.note,
    externalId: t.externalId,
  });
  switch (t.type) {
    case 'dividend':
      // Stored price is the total received; the share count is kept for reference.
      return row(t.quantity, t.quantity * t.price, t.fees);
    case 'fee':
      return row(0, t.fees, 0);
    case 'split':
      return row(t.quantity, 0, 0, t.splitRatio?.from ?? null, t.splitRatio?.to ?? null);
    default:
      return row(t.quantity, t.price, t.fees);
  }
}

/** Ids far above any stored one, for the rows of the file during the ledger replay. */
const NEW_ID_BASE = 1_000_000_000_000;

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
  const errors: ImportLineError[] = [...parsed.errors];
  const excluded = new Set(input.excludeLines);

  const dupes = findDuplicates(parsed.transactions, stored.map((s) => s.existing));
  const possibleDuplicateOf = new Map<number, number[]>();
  for (const group of dupes.possibleDuplicatesWithinFile) for (const line of group) possibleDuplicateOf.set(line, group);

  const planned: PlannedRow[] = parsed.transactions.map((imported, i) => {
    const resolution = input.resolve(imported);
    return {
      imported,
      symbol: resolution.symbol,
      resolution,
      row: { ...toStoredFields(imported), securityKey: resolution.symbol.toUpperCase() },
      status: dupes.rows[i]?.status ?? 'new',
      excluded: excluded.has(imported.line),
    };
  });

  // Field checks and the ledger replay run on what would really be stored.
  const toImport = planned.filter((p) => p.status === 'new' && !p.excluded);
  const ledger = new Map<string, Transaction[]>();
  const keyNumbers = new Map<string, number>();
  const keyNumber = (key: string): number => {
    if (!keyNumbers.has(key)) keyNumbers.set(key, keyNumbers.size + 1);
    return keyNumbers.get(key) as number;
  };
  // The stored lines and the file's rows as the replays see them, built once for every check below.
  const storedTx = stored.map((s) => ({ ...s.transaction, securityId: keyNumber(s.symbol.toUpperCase()) }));
  storedTx.forEach((tx, k) => {
    const key = (stored[k] as StoredForPlan).symbol.toUpperCase();
    const list = ledger.get(key);
    if (list === undefined) ledger.set(key, [tx]);
    else list.push(tx);
  });
  const importTx: Transaction[] = [];
  const lineOfId = new Map<number, number>();
  toImport.forEach((p, i) => {
    const id = NEW_ID_BASE + i;
    lineOfId.set(id, p.imported.line);
    const list = ledger.get(p.row.securityKey) ?? [];
    // Brokers that report a split only as shares added (Schwab): the ratio follows from the holding that day.
    if (p.row.type === 'split' && (p.row.splitFrom === null || p.row.splitTo === null)) {
      const held = sharesHeld(list, keyNumber(p.row.securityKey), { kind: 'startOf', date: p.row.date });
      if (held > 0 && p.row.quantity > 0) {
        p.row.splitFrom = held;
        p.row.splitTo = held + p.row.quantity;
      }
    }
    const tx = toTransaction(p.row, id, keyNumber(p.row.securityKey));
    const noRatio = p.row.type === 'split' && (p.row.splitFrom === null || p.row.splitTo === null);
    for (const e of validateTransactionFields(tx, today, { freeShares: p.imported.freeShares === true })) {
      if (noRatio && e.field.startsWith('splitRatio')) continue;
      errors.push({ ...e, line: p.imported.line, field: fieldName(e.field) });
    }
    if (noRatio) {
      errors.push({
        line: p.imported.line,
        field: 'splitRatio',
        ...keyedText('errors:importLine.splitNoRatio', { symbol: p.symbol, date: p.row.date }),
      });
    }
    importTx.push(tx);
    list.push(tx);
    ledger.set(p.row.securityKey, list);
  });
  const seenIds = new Map<string, number>();
  for (const p of toImport) {
    if (p.row.externalId === null) continue;
    const key = `${p.row.securityKey}\u0000${p.row.externalId}`;
    const first = seenIds.get(key);
    if (first === undefined) seenIds.set(key, p.imported.line);
    else errors.push({ line: p.imported.line, field: 'externalId', ...keyedText('errors:importLine.duplicateId', { id: p.row.externalId, line: first }) });
  }
  for (const list of ledger.values()) {
    const problem = findOversell(list.filter((t) => Number.isFinite(t.quantity)));
    if (problem === null) continue;
    const line = lineOfId.get(problem.transaction.id);
    if (line !== undefined) errors.push({ line, field: 'quantity', ...oversellText(problem) });
  }
  if (input.account !== undefined) accountOversellErrors(input.account, stored, storedTx, toImport, importTx, lineOfId, errors);
  const cash = planCash(parsed.cash, excluded, input.cashIsStored ?? (() => false), errors);
  errors.sort((a, b) => a.line - b.line);
  const symbolOfKey = new Map([...keyNumbers].map(([key, n]) => [n, key]));
  const warnings = [
    ...(parsed.warnings ?? []),
    ...dividendsWithoutHolding([...ledger.values()].flat(), lineOfId, (n) => symbolOfKey.get(n) ?? '?'),
  ].sort((a, b) => a.line - b.line);

  const preset = detection.kind === 'preset' ? TRANSACTION_PRESETS.find((x) => x.id === detection.presetId) : undefined;
  return {
    fileName,
    format: { kind: detection.kind, label: preset?.label ?? 'Other CSV (check the columns)' },
    generic: generic ? { columns: generic, mapping: mapping ?? generic.mapping } : null,
    planned,
    cash,
    errors,
    warnings,
    summary: summariseImport({ ...parsed, errors, warnings }, {
      label: preset?.label ?? null,
      language: detection.kind === 'preset' ? (detection.language ?? null) : (generic?.language ?? null),
    }),
    skipped: parsed.skipped,
    possibleDuplicateOf,
    newSecurities: [...new Set(toImport.filter((p) => p.resolution.source !== 'stored').map((p) => p.symbol))],
  };
}

/**
 * A sale from an account that holds too few shares, though the portfolio may hold enough: one error
 * per account and security, on the file's line. A line already refused for the whole portfolio keeps
 * that one message.
 */
function accountOversellErrors(
  account: NonNullable<PlanInput['account']>,
  stored: readonly StoredForPlan[],
  storedTx: readonly Transaction[],
  toImport: readonly PlannedRow[],
  importTx: readonly Transaction[],
  lineOfId: ReadonlyMap<number, number>,
  errors: ImportLineError[],
): void {
  const labels = new Map<string, string>();
  const lines: AccountLine[] = [];
  stored.forEach((s, k) => {
    if (s.accountKey !== undefined) lines.push({ accountKey: s.accountKey, transaction: storedTx[k] as Transaction });
  });
  const symbols = new Map<number, string>();
  // The file's rows name a handful of accounts: ask for each name's key once.
  const accounts = new Map<string | null, { key: string; label: string }>();
  toImport.forEach((p, i) => {
    let found = accounts.get(p.imported.account);
    if (found === undefined) {
      found = account(p.imported.account);
      accounts.set(p.imported.account, found);
      labels.set(found.key, found.label);
    }
    const transaction = importTx[i] as Transaction;
    symbols.set(transaction.securityId, p.symbol);
    lines.push({ accountKey: found.key, transaction });
  });
  const refused = new Set(errors.filter((e) => e.field === 'quantity').map((e) => e.line));
  for (const problem of findAccountOversells(lines.filter((l) => Number.isFinite(l.transaction.quantity)))) {
    const line = lineOfId.get(problem.transaction.id);
    if (line === undefined || refused.has(line)) continue;
    errors.push({ line, field: 'quantity', ...accountOversellText(problem, labels.get(problem.accountKey) ?? problem.accountKey, symbols.get(problem.transaction.securityId) ?? '') });
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
