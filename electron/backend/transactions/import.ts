import type { DatabaseSync } from 'node:sqlite';
import type { ImportPreview, ImportPreviewRow, TransactionMappingDto } from '@shared/api/transactions';
import { AppError } from '@shared/domain/common/errors';
import { describeOversell, findOversell } from '@shared/domain/portfolio/ledger';
import { sharesHeld } from '@shared/domain/portfolio/shares-held';
import { validateTransactionFields, type Transaction } from '@shared/domain/portfolio/transaction';
import type { NewSecurity } from '@shared/domain/securities/security';
import { detectTransactionFormat, importTransactionFile, TRANSACTION_PRESETS } from '@shared/domain/transactions/detectFormat';
import { findDuplicates } from '@shared/domain/transactions/duplicates';
import type { ImportedTransaction, ImportLineError } from '@shared/domain/transactions/importedTransaction';
import type { TransactionMapping } from '@shared/domain/transactions/mapping';
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
import { insertTransaction, listTransactions, toDomain, toExisting, type NewTransactionRow } from './store';

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

/** Bytes → text: UTF-8 (BOM stripped later by the CSV reader), else Windows-1252 as brokers in Europe still write. */
export function decodeFile(file: ImportFile): string {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

type Resolution =
  | { source: 'stored'; security: StoredSecurity }
  | { source: 'catalogue'; symbol: string; entry: NewSecurity }
  | { source: 'new'; symbol: string; entry: NewSecurity };

/** Which security a file row belongs to: stored by symbol or ISIN, then the catalogue, else a new custom one. */
function resolveSecurity(db: DatabaseSync, t: ImportedTransaction): Resolution {
  const bySymbol = t.symbol ? findBySymbol(db, t.symbol) : null;
  if (bySymbol) return { source: 'stored', security: bySymbol };
  const byIsin = t.isin ? findByIsin(db, t.isin) : null;
  if (byIsin) return { source: 'stored', security: byIsin };
  const catalogue = (t.symbol ? catalogueEntry(t.symbol) : null) ?? (t.isin ? findCatalogueByIsin(t.isin) : null);
  if (catalogue) {
    const stored = findBySymbol(db, catalogue.symbol);
    if (stored) return { source: 'stored', security: stored };
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

interface PlannedRow {
  imported: ImportedTransaction;
  symbol: string;
  source: Resolution['source'];
  resolution: Resolution;
  row: NewTransactionRow & { securityKey: string };
  status: 'new' | 'already-imported';
  excluded: boolean;
}

export interface ImportPlan {
  preview: ImportPreview;
  planned: PlannedRow[];
}

/** Import convention (shared/domain/transactions) → stored convention (shared/domain/portfolio). */
function toStored(t: ImportedTransaction): Omit<NewTransactionRow, 'securityId'> {
  const common = { type: t.type, date: t.date, currency: t.currency, note: t.note, externalId: t.externalId, splitFrom: null, splitTo: null };
  switch (t.type) {
    case 'dividend':
      // Stored price is the total received; the share count is kept for reference.
      return { ...common, quantity: t.quantity, price: t.quantity * t.price, fees: t.fees };
    case 'fee':
      return { ...common, quantity: 0, price: t.fees, fees: 0 };
    case 'split':
      return {
        ...common,
        quantity: t.quantity,
        price: 0,
        fees: 0,
        splitFrom: t.splitRatio?.from ?? null,
        splitTo: t.splitRatio?.to ?? null,
      };
    default:
      return { ...common, quantity: t.quantity, price: t.price, fees: t.fees };
  }
}

const NEW_ID_BASE = 1_000_000_000_000;

/**
 * Reads a file and works out exactly what importing it would do, without writing: which
 * rows are new, which are already stored, which lines are identical inside the file, which
 * securities would be added, and every problem per line (file, line, field, reason).
 */
export function planImport(
  db: DatabaseSync,
  file: ImportFile,
  mapping: TransactionMappingDto | undefined,
  excludeLines: readonly number[],
  today: string,
): ImportPlan {
  const text = decodeFile(file);
  const detection = detectTransactionFormat(text, file.fileName);
  if (detection.kind === 'unsupported') throw new AppError('UNSUPPORTED_FILE', detection.message, { file: file.fileName });
  const generic = detection.kind === 'generic' ? detection.columns : null;
  const effectiveMapping: TransactionMapping | undefined = mapping ?? generic?.mapping;
  const parsed = importTransactionFile(text, file.fileName, effectiveMapping);
  const errors: ImportLineError[] = [...parsed.errors];
  const excluded = new Set(excludeLines);

  const stored = listTransactions(db);
  const dupes = findDuplicates(parsed.transactions, stored.map(toExisting));
  const groupOf = new Map<number, number[]>();
  for (const group of dupes.possibleDuplicatesWithinFile) for (const line of group) groupOf.set(line, group);

  const planned: PlannedRow[] = parsed.transactions.map((imported, i) => {
    const resolution = resolveSecurity(db, imported);
    const symbol = resolution.source === 'stored' ? resolution.security.symbol : resolution.symbol;
    return {
      imported,
      symbol,
      source: resolution.source,
      resolution,
      row: { ...toStored(imported), securityId: resolution.source === 'stored' ? resolution.security.id : -1, securityKey: symbol.toUpperCase() },
      status: dupes.rows[i]?.status ?? 'new',
      excluded: excluded.has(imported.line),
    };
  });

  // Field checks and the ledger replay run on what would really be stored.
  const toImport = planned.filter((p) => p.status === 'new' && !p.excluded);
  const keyOfStored = new Map<number, string>();
  for (const t of stored) keyOfStored.set(t.securityId, t.symbol.toUpperCase());
  const ledger = new Map<string, Transaction[]>();
  const keyNumbers = new Map<string, number>();
  const keyNumber = (key: string): number => {
    if (!keyNumbers.has(key)) keyNumbers.set(key, keyNumbers.size + 1);
    return keyNumbers.get(key) as number;
  };
  for (const t of stored) {
    const key = t.symbol.toUpperCase();
    const list = ledger.get(key) ?? [];
    list.push({ ...toDomain(t), securityId: keyNumber(key) });
    ledger.set(key, list);
  }
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
    const tx = { ...toDomain({ ...p.row, id, securityId: keyNumber(p.row.securityKey) }) };
    const noRatio = p.row.type === 'split' && (p.row.splitFrom === null || p.row.splitTo === null);
    for (const e of validateTransactionFields(tx, today)) {
      if (noRatio && e.field.startsWith('splitRatio')) continue;
      errors.push({ line: p.imported.line, field: fieldName(e.field), message: e.message });
    }
    if (noRatio) {
      errors.push({
        line: p.imported.line,
        field: 'splitRatio',
        message: `The file gives no split ratio and no ${p.symbol} shares are held before ${p.row.date} to work it out from. Import the earlier buys first, or leave this line out.`,
      });
    }
    list.push(tx);
    ledger.set(p.row.securityKey, list);
  });
  const seenIds = new Map<string, number>();
  for (const p of toImport) {
    if (p.row.externalId === null) continue;
    const key = `${p.row.securityKey}\u0000${p.row.externalId}`;
    const first = seenIds.get(key);
    if (first === undefined) seenIds.set(key, p.imported.line);
    else errors.push({ line: p.imported.line, field: 'externalId', message: `The broker id ${p.row.externalId} is also on line ${first}; one of the two lines must go.` });
  }
  for (const list of ledger.values()) {
    const problem = findOversell(list.filter((t) => Number.isFinite(t.quantity)));
    if (problem === null) continue;
    const line = lineOfId.get(problem.transaction.id);
    if (line !== undefined) errors.push({ line, field: 'quantity', message: describeOversell(problem) });
  }
  errors.sort((a, b) => a.line - b.line);

  const newSecurities = [...new Set(toImport.filter((p) => p.source !== 'stored').map((p) => p.symbol))];
  const preset = detection.kind === 'preset' ? TRANSACTION_PRESETS.find((x) => x.id === detection.presetId) : undefined;
  const rows: ImportPreviewRow[] = planned.map((p) => ({
    line: p.imported.line,
    type: p.row.type,
    date: p.row.date,
    symbol: p.symbol,
    name: p.imported.name,
    quantity: p.row.quantity,
    price: p.row.price,
    currency: p.row.currency,
    fees: p.row.fees,
    splitFrom: p.row.splitFrom,
    splitTo: p.row.splitTo,
    note: p.row.note,
    externalId: p.row.externalId,
    status: p.status,
    possibleDuplicateOf: groupOf.get(p.imported.line) ?? null,
    securitySource: p.source,
  }));
  return {
    planned,
    preview: {
      fileName: file.fileName,
      format: { kind: detection.kind, label: preset?.label ?? 'Other CSV (check the columns)' },
      generic: generic
        ? {
            headers: generic.headers,
            sampleRows: generic.preview.map((r) => r.cells),
            mapping: (mapping ?? generic.mapping) as TransactionMappingDto,
            unmappedTypeWords: generic.unmappedTypeWords,
          }
        : null,
      rows,
      errors: errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
      skipped: parsed.skipped,
      newSecurities,
    },
  };
}

function fieldName(field: string): ImportLineError['field'] {
  if (field.startsWith('splitRatio')) return 'splitRatio';
  if (field === 'date' || field === 'quantity' || field === 'price' || field === 'fees' || field === 'currency' || field === 'note') return field;
  return 'row';
}

/** Stores a plan all-or-nothing; any line error rejects the whole file with every error listed. */
export function commitImport(db: DatabaseSync, plan: ImportPlan): { added: number; alreadyImported: number; excluded: number; newSecurities: string[] } {
  const { preview, planned } = plan;
  if (preview.errors.length > 0) {
    const n = new Set(preview.errors.map((e) => e.line)).size;
    throw new AppError(
      'IMPORT_REJECTED',
      `${n} ${n === 1 ? 'line' : 'lines'} of ${preview.fileName} ${n === 1 ? 'has' : 'have'} problems, so nothing was imported. Fix ${n === 1 ? 'it' : 'them'} (or leave ${n === 1 ? 'it' : 'them'} out) and import again.`,
      { file: preview.fileName, errors: preview.errors },
    );
  }
  let added = 0;
  inTransaction(db, () => {
    const ids = new Map<string, number>();
    for (const p of planned) {
      if (p.status !== 'new' || p.excluded) continue;
      let securityId = ids.get(p.row.securityKey);
      if (securityId === undefined) {
        const r = p.resolution;
        const security =
          r.source === 'stored'
            ? r.security
            : (findBySymbol(db, r.symbol) ?? (r.source === 'catalogue' ? ensureSecurityFromCatalogue(db, r.symbol) : insertSecurity(db, r.entry)));
        if (security === null) throw new AppError('INTERNAL', `Could not add ${r.source === 'stored' ? r.security.symbol : r.symbol}.`);
        securityId = security.id;
        ids.set(p.row.securityKey, securityId);
      }
      const { securityKey: _key, ...row } = p.row;
      insertTransaction(db, { ...row, securityId });
      added++;
    }
  });
  return {
    added,
    alreadyImported: planned.filter((p) => p.status === 'already-imported').length,
    excluded: planned.filter((p) => p.excluded && p.status === 'new').length,
    newSecurities: preview.newSecurities,
  };
}
