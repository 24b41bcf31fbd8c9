import type { DatabaseSync } from 'node:sqlite';
import type { ImportCashPreviewRow, ImportPreview, ImportPreviewRow, TransactionMapping } from '@shared/api/transactions';
import { localizedError } from '@shared/domain/common/errors';
import { decodeTransactionFileBytes } from '@shared/domain/transactions/decode';
import type { ImportedTransaction, ImportLineError } from '@shared/domain/transactions/imported-transaction';
import { plannedFields, planTransactionImport, type PlannedCash, type PlannedRow, type SecurityResolution, type TransactionImportPlan } from '@shared/domain/transactions/import-plan';
import type { MethodOutput } from '@shared/api/contract';
import { defaultAccount, findAccountByName, insertAccount, listAccounts, requireAccount, type StoredAccount } from '../accounts/store';
import { cashExternalIds, insertCash } from '../cash/store';
import { inTransaction } from '../db/database';
import {
  catalogueEntry,
  ensureSecurityFromCatalogue,
  findByIsin,
  findBySymbol,
  findCatalogueByIsin,
  insertSecurity,
  type StoredSecurity,
} from '../securities/store';
import { insertTransaction, listTransactions, toDomain, toExisting } from './store';

/** A picked file as the import reads it: its name and its bytes (the text encoding is sniffed). */
export interface ImportSource {
  fileName: string;
  bytes: Uint8Array;
}

/** What the renderer sends: the bytes as base64. */
export function sourceFromBase64(file: { fileName: string; contentBase64: string }): ImportSource {
  const buffer = Buffer.from(file.contentBase64, 'base64');
  return { fileName: file.fileName, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Which security a file row belongs to: stored by symbol or ISIN, then the catalogue, else a new custom one. */
function resolveSecurity(db: DatabaseSync, t: ImportedTransaction): SecurityResolution {
  const stored = (s: StoredSecurity): SecurityResolution => ({ source: 'stored', securityId: s.id, symbol: s.symbol });
  const bySymbol = t.symbol ? findBySymbol(db, t.symbol) : null;
  if (bySymbol) return stored(bySymbol);
  const byIsin = t.isin ? findByIsin(db, t.isin) : null;
  if (byIsin) return stored(byIsin);
  const catalogue = (t.symbol ? catalogueEntry(t.symbol) : null) ?? (t.isin ? findCatalogueByIsin(t.isin) : null);
  if (catalogue) {
    const storedListing = findBySymbol(db, catalogue.symbol);
    if (storedListing) return stored(storedListing);
    return { source: 'catalogue', symbol: catalogue.symbol, entry: catalogue };
  }
  const symbol = (t.symbol ?? t.isin ?? t.name ?? '?').toUpperCase().slice(0, 32);
  return {
    source: 'new',
    symbol,
    entry: {
      symbol,
      name: t.name ?? symbol,
      exchange: 'OTHER',
      currency: t.currency,
      kind: 'stock',
      isin: t.isin,
      issuerId: null,
      sharesPerUnit: 1,
      aliases: [],
    },
  };
}

export type ImportOutcome = MethodOutput<'transactions.import'>;

/** Lines of transactions and of cash a preview shows before it only counts. */
const PREVIEW_LINES = 1000;

export interface ImportPlan {
  preview: ImportPreview;
  planned: PlannedRow[];
  cash: PlannedCash[];
  leftOut: ImportLineError[];
  /** Account of the file's rows without an account name. */
  target: StoredAccount;
  /** The file's account names → stored account id, or null when the import creates it. */
  accounts: Map<string, number | null>;
}

/** Where the rows go: the chosen target account, and each account name the file uses. */
export interface ImportAccounts {
  accountId?: number | undefined;
  accountMap?: Record<string, number> | undefined;
}

function resolveAccounts(db: DatabaseSync, names: Iterable<string>, choice: ImportAccounts): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const name of names) {
    if (out.has(name)) continue;
    const mapped = choice.accountMap?.[name];
    out.set(name, mapped !== undefined ? requireAccount(db, mapped).id : (findAccountByName(db, name)?.id ?? null));
  }
  return out;
}

/**
 * Reads a file and works out what importing it would do, without writing
 * (shared/domain/transactions/import-plan.ts), against the stored transactions
 * and securities; returns the plan and its preview for the UI.
 */
export function planImport(
  db: DatabaseSync,
  file: ImportSource,
  mapping: TransactionMapping | undefined,
  excludeLines: readonly number[],
  today: string,
  /** The user's locale (Settings ▸ locale), which settles date order and decimal separator when the file does not. */
  locale: string,
  choice: ImportAccounts = {},
  parsed?: () => void,
): ImportPlan {
  const target = choice.accountId === undefined ? defaultAccount(db) : requireAccount(db, choice.accountId);
  if (file.bytes.length === 0) throw localizedError('IMPORT_REJECTED', 'errors:transactions.emptyFile', { fileName: file.fileName }, { file: file.fileName });
  // UTF-16 (Excel's "Unicode text"), Windows-1252 and UTF-8 with or without BOM; binary files refused here.
  const decoded = decodeTransactionFileBytes(file.bytes, file.fileName);
  const storedCash = cashExternalIds(db);
  const resolved = new Map<string, { symbol: string | null; isin: string | null; name: string | null; currency: string; resolution: SecurityResolution }[]>();
  let accounts = new Map<string, number | null>();
  const accountNames = new Map(listAccounts(db).map((a) => [a.id, a.name]));
  const accountLabel = (id: number): string => accountNames.get(id) ?? `#${id}`;
  const accountOf = (name: string | null): number | null => (name === null ? target.id : (accounts.get(name) ?? null));
  const plan = planTransactionImport({
    cashIsStored: (c) => {
      if (c.account !== null && !accounts.has(c.account)) accounts = new Map([...accounts, ...resolveAccounts(db, [c.account], choice)]);
      const id = accountOf(c.account);
      return id !== null && c.externalId !== null && storedCash.has(`${id}\u0000${c.externalId}`);
    },
    text: decoded.text,
    fileName: file.fileName,
    ...(parsed === undefined ? {} : { parsed }),
    locale,
    mapping,
    excludeLines,
    today,
    stored: listTransactions(db).map((t) => ({ transaction: toDomain(t), symbol: t.symbol, existing: toExisting(t), accountKey: `#${t.accountId}` })),
    account: (name) => {
      // Resolved on the side: the order `accounts` fills in is the order the import creates new accounts.
      const id = name === null ? target.id : (accounts.get(name) ?? resolveAccounts(db, [name], choice).get(name) ?? null);
      // An account the import will create holds nothing yet: its own key, by name.
      return id === null ? { key: `new:${name ?? ''}`, label: name ?? '' } : { key: `#${id}`, label: accountLabel(id) };
    },
    resolve: (t) => {
      // One look-up per security, not per line: a 200,000-line file names a few dozen securities. Found by its
      // first name, then compared field by field, so no key string is built per line.
      const first = t.symbol ?? t.isin ?? t.name ?? '';
      let known = resolved.get(first);
      if (known === undefined) resolved.set(first, (known = []));
      for (const k of known) if (k.symbol === t.symbol && k.isin === t.isin && k.name === t.name && k.currency === t.currency) return k.resolution;
      const resolution = resolveSecurity(db, t);
      known.push({ symbol: t.symbol, isin: t.isin, name: t.name, currency: t.currency, resolution });
      return resolution;
    },
  });
  const names = new Set<string>();
  const named = (n: string | null | undefined): void => {
    if (n != null) names.add(n);
  };
  for (const p of plan.planned) {
    named(p.imported.account);
    named(p.imported.counterAccount);
  }
  for (const c of plan.cash) {
    named(c.imported.account);
    named(c.imported.counterAccount);
  }
  accounts = new Map([...accounts, ...resolveAccounts(db, names, choice)]);
  // A 200,000-line file's preview would be a 100 MB answer and a table nobody scrolls: the first lines,
  // and every line the user may need to untick (a problem, a possible duplicate), with the totals.
  const errorLines = new Set(plan.errors.map((e) => e.line));
  // Lines the user left out stay in the table, so they can be ticked again.
  const shownRows = plan.planned.filter((p, i) => i < PREVIEW_LINES || p.excluded || errorLines.has(p.imported.line) || plan.possibleDuplicateOf.has(p.imported.line));
  const rows: ImportPreviewRow[] = shownRows.map((p) => {
    const row = plannedFields(p);
    return {
      line: p.imported.line,
      type: row.type,
      date: row.date,
      symbol: p.symbol,
      name: p.imported.name,
      quantity: row.quantity,
      price: row.price,
      currency: row.currency,
      fees: row.fees,
      splitFrom: row.splitFrom,
      splitTo: row.splitTo,
      note: row.note,
      externalId: row.externalId,
      taxes: p.imported.taxes,
      account: p.imported.account,
      accountId: accountOf(p.imported.account),
      status: p.status,
      possibleDuplicateOf: plan.possibleDuplicateOf.get(p.imported.line) ?? null,
      securitySource: p.resolution.source,
    };
  });
  const cash: ImportCashPreviewRow[] = plan.cash
    .filter((c, i) => i < PREVIEW_LINES || c.excluded || errorLines.has(c.imported.line))
    .map((c) => ({
      line: c.imported.line,
      type: c.imported.type,
      date: c.imported.date,
      amount: String(c.imported.amount),
      currency: c.imported.currency,
      counterAmount: c.imported.counterAmount === null ? null : String(c.imported.counterAmount),
      counterCurrency: c.imported.counterCurrency,
      account: c.imported.account,
      accountId: accountOf(c.imported.account),
      counterAccount: c.imported.counterAccount,
      counterAccountId: c.imported.counterAccount === null ? null : accountOf(c.imported.counterAccount),
      symbol: c.imported.symbol,
      note: c.imported.note,
      externalId: c.imported.externalId,
      status: c.status,
    }));
  return {
    planned: plan.planned,
    cash: plan.cash,
    leftOut: plan.leftOut,
    target,
    accounts,
    preview: {
      fileName: plan.fileName,
      format: plan.format,
      generic: plan.generic
        ? {
            headers: plan.generic.columns.headers,
            sampleRows: plan.generic.columns.preview.map((r) => r.cells),
            mapping: plan.generic.mapping as TransactionMapping,
            unmappedTypeWords: plan.generic.columns.unmappedTypeWords,
          }
        : null,
      rows,
      cash,
      accounts: [...accounts].map(([name, accountId]) => ({ name, accountId })),
      targetAccountId: target.id,
      errors: plan.errors.map(lineProblem),
      leftOut: plan.leftOut.map(lineProblem),
      warnings: plan.warnings.map(lineProblem),
      summary: plan.summary,
      counts: countPlan(plan),
      encoding: decoded.encoding,
      skipped: plan.skipped,
      newSecurities: plan.newSecurities,
    },
  };
}

/** The preview's totals, counted in one pass each (no filtered copy of 200,000 rows per figure). */
function countPlan(plan: TransactionImportPlan): NonNullable<ImportPreview['counts']> {
  let newRows = 0;
  let alreadyImported = 0;
  for (const p of plan.planned) {
    if (p.status === 'already-imported') alreadyImported++;
    else if (!p.excluded) newRows++;
  }
  let cash = 0;
  let newCash = 0;
  for (const c of plan.cash) {
    if (c.excluded) continue;
    cash++;
    if (c.status === 'new') newCash++;
  }
  return { rows: plan.planned.length, newRows, alreadyImported, possibleDuplicates: plan.possibleDuplicateOf.size, cash, newCash, leftOut: linesLeftOut(plan) };
}

/**
 * File lines the user unticked: new transactions, new cash lines and lines refused while reading, each line
 * once (a trade and the fee it gave in another currency are one line of the file).
 */
function linesLeftOut(plan: Pick<TransactionImportPlan, 'planned' | 'cash' | 'leftOut'>): number {
  const lines = new Set<number>();
  for (const p of plan.planned) if (p.excluded && p.status === 'new') lines.add(p.imported.line);
  for (const c of plan.cash) if (c.excluded && c.status === 'new') lines.add(c.imported.line);
  for (const e of plan.leftOut) lines.add(e.line);
  return lines.size;
}

/** Reports rows written while an import saves: (done, total). */
export type SaveProgress = (done: number, total: number) => void;

/** Rows written between progress reports. */
const PROGRESS_EVERY = 5000;

/**
 * Plans and stores a file in one write transaction, so nothing another connection writes can
 * slip in between the duplicate checks and the writes (the import worker's path).
 */
export function importFile(
  db: DatabaseSync,
  file: ImportSource,
  options: { mapping?: TransactionMapping | undefined; excludeLines: readonly number[]; accounts: ImportAccounts },
  today: string,
  locale: string,
  progress: { parsed?: () => void; planned(): void; saving: SaveProgress; reuse?: () => ImportPlan | null },
): ImportOutcome {
  return inTransaction(db, () => {
    // Asked inside the write transaction, so a plan kept from the preview is checked against a ledger nobody can change now.
    const plan = progress.reuse?.() ?? planImport(db, file, options.mapping, options.excludeLines, today, locale, options.accounts, progress.parsed);
    progress.planned();
    if (plan.preview.generic !== null && options.mapping === undefined) {
      // A guessed mapping could misread amounts: the user confirms it in the preview first.
      throw localizedError('VALIDATION', 'errors:transactions.unknownFormatImport', { fileName: file.fileName }, { file: file.fileName });
    }
    rejectIfErrors(plan);
    return writePlan(db, plan, progress.saving);
  });
}

/** Any line error rejects the whole file with every error listed. */
function rejectIfErrors(plan: ImportPlan): void {
  const { preview } = plan;
  if (preview.errors.length > 0) {
    const n = new Set(preview.errors.map((e) => e.line)).size;
    throw localizedError('IMPORT_REJECTED', 'errors:transactions.linesHaveProblems', { count: n, fileName: preview.fileName }, { file: preview.fileName, errors: preview.errors });
  }
}

/** The writes of an import; the caller holds the write transaction. */
function writePlan(db: DatabaseSync, plan: ImportPlan, progress: SaveProgress): ImportOutcome {
  const { preview, planned } = plan;
  let added = 0;
  let cashAdded = 0;
  const newAccounts: string[] = [];
  const total = planned.length + plan.cash.length;
  let written = 0;
  const step = (): void => {
    written++;
    if (written % PROGRESS_EVERY === 0) progress(written, total);
  };
  // Accounts the file names that do not exist yet, in the currency of their first cash line (what is deposited
  // into an account is its own currency), else of their first trade.
  const ids = new Map<string, number>();
  for (const [name, id] of plan.accounts) {
    if (id !== null) {
      ids.set(name, id);
      continue;
    }
    const first = plan.cash.find((c) => c.imported.account === name)?.imported.currency ?? planned.find((p) => p.imported.account === name)?.imported.currency;
    ids.set(name, insertAccount(db, { name, institution: '', currency: first ?? plan.target.currency, kind: 'broker', tracksCash: true, note: '' }));
    newAccounts.push(name);
  }
  const accountOf = (name: string | null): number => (name === null ? plan.target.id : (ids.get(name) ?? plan.target.id));
  const securityIds = new Map<string, number>();
  for (const p of planned) {
    if (p.status !== 'new' || p.excluded) continue;
    let securityId = securityIds.get(p.securityKey);
    if (securityId === undefined) {
      const r = p.resolution;
      const security =
        r.source === 'stored'
          ? { id: r.securityId }
          : (findBySymbol(db, r.symbol) ?? (r.source === 'catalogue' ? ensureSecurityFromCatalogue(db, r.symbol) : insertSecurity(db, r.entry)));
      if (security === null) throw localizedError('INTERNAL', 'errors:securities.couldNotAdd', { symbol: r.symbol });
      securityId = security.id;
      securityIds.set(p.securityKey, securityId);
    }
    const row = plannedFields(p);
    const transfer = row.type === 'transfer-out' || row.type === 'transfer-in';
    const counterAccountId = transfer && p.imported.counterAccount != null ? accountOf(p.imported.counterAccount) : null;
    insertTransaction(db, { ...row, securityId, accountId: accountOf(p.imported.account), taxes: p.imported.taxes, counterAccountId });
    added++;
    step();
  }
  const cashSecurities = new Map<string, StoredSecurity | null>();
  for (const c of plan.cash) {
    if (c.status !== 'new' || c.excluded) continue;
    const i = c.imported;
    const key = `${i.symbol ?? ''}\u0000${i.isin ?? ''}`;
    let security = cashSecurities.get(key);
    if (security === undefined) {
      security = i.symbol !== null ? findBySymbol(db, i.symbol) : i.isin !== null ? findByIsin(db, i.isin) : null;
      cashSecurities.set(key, security);
    }
    insertCash(db, {
      accountId: accountOf(i.account),
      type: i.type,
      date: i.date,
      amount: String(i.amount),
      currency: i.currency,
      counterAmount: i.counterAmount === null ? null : String(i.counterAmount),
      counterCurrency: i.counterCurrency,
      counterAccountId: i.counterAccount === null ? null : accountOf(i.counterAccount),
      securityId: security?.id ?? null,
      note: i.note,
      externalId: i.externalId,
    });
    cashAdded++;
    step();
  }
  progress(total, total);
  return {
    added,
    alreadyImported: planned.filter((p) => p.status === 'already-imported').length,
    excluded: linesLeftOut(plan),
    newSecurities: preview.newSecurities,
    cashAdded,
    cashAlreadyImported: plan.cash.filter((c) => c.status === 'already-imported').length,
    newAccounts,
  };
}

/** A line's problem as the preview sends it: line, field, English text, and its catalogue key and values when it has them. */
function lineProblem(e: ImportLineError): ImportLineError {
  return { line: e.line, field: e.field, message: e.message, ...(e.key === undefined ? {} : { key: e.key }), ...(e.params === undefined ? {} : { params: e.params }) };
}
