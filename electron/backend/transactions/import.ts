import type { DatabaseSync } from 'node:sqlite';
import type { ImportPreview, ImportPreviewRow, TransactionMappingDto } from '@shared/api/transactions';
import { AppError } from '@shared/domain/common/errors';
import type { ImportedTransaction } from '@shared/domain/transactions/importedTransaction';
import { planTransactionImport, type PlannedRow, type SecurityResolution } from '@shared/domain/transactions/import-plan';
import type { MethodOutput } from '@shared/api/contract';
import { defaultAccount } from '../accounts/store';
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

export interface ImportPlan {
  preview: ImportPreview;
  planned: PlannedRow[];
}

/**
 * Reads a file and works out what importing it would do, without writing
 * (shared/domain/transactions/import-plan.ts), against the stored transactions
 * and securities; returns the plan and its preview for the UI.
 */
export function planImport(
  db: DatabaseSync,
  file: ImportFile,
  mapping: TransactionMappingDto | undefined,
  excludeLines: readonly number[],
  today: string,
): ImportPlan {
  const plan = planTransactionImport({
    text: decodeFile(file),
    fileName: file.fileName,
    mapping,
    excludeLines,
    today,
    stored: listTransactions(db).map((t) => ({ transaction: toDomain(t), symbol: t.symbol, existing: toExisting(t) })),
    resolve: (t) => resolveSecurity(db, t),
  });
  const rows: ImportPreviewRow[] = plan.planned.map((p) => ({
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
    taxes: p.imported.taxes,
    account: p.imported.account,
    accountId: null,
    status: p.status,
    possibleDuplicateOf: plan.possibleDuplicateOf.get(p.imported.line) ?? null,
    securitySource: p.resolution.source,
  }));
  return {
    planned: plan.planned,
    preview: {
      fileName: plan.fileName,
      format: plan.format,
      generic: plan.generic
        ? {
            headers: plan.generic.columns.headers,
            sampleRows: plan.generic.columns.preview.map((r) => r.cells),
            mapping: plan.generic.mapping as TransactionMappingDto,
            unmappedTypeWords: plan.generic.columns.unmappedTypeWords,
          }
        : null,
      rows,
      cash: [],
      accounts: [],
      targetAccountId: null,
      errors: plan.errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
      skipped: plan.skipped,
      newSecurities: plan.newSecurities,
    },
  };
}

/** Stores a plan all-or-nothing; any line error rejects the whole file with every error listed. */
export function commitImport(db: DatabaseSync, plan: ImportPlan): ImportOutcome {
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
  const account = defaultAccount(db);
  inTransaction(db, () => {
    const ids = new Map<string, number>();
    for (const p of planned) {
      if (p.status !== 'new' || p.excluded) continue;
      let securityId = ids.get(p.row.securityKey);
      if (securityId === undefined) {
        const r = p.resolution;
        const security =
          r.source === 'stored'
            ? { id: r.securityId }
            : (findBySymbol(db, r.symbol) ?? (r.source === 'catalogue' ? ensureSecurityFromCatalogue(db, r.symbol) : insertSecurity(db, r.entry)));
        if (security === null) throw new AppError('INTERNAL', `Could not add ${r.symbol}.`);
        securityId = security.id;
        ids.set(p.row.securityKey, securityId);
      }
      const { securityKey: _key, ...row } = p.row;
      insertTransaction(db, { ...row, securityId, accountId: account.id, taxes: p.imported.taxes });
      added++;
    }
  });
  return {
    added,
    alreadyImported: planned.filter((p) => p.status === 'already-imported').length,
    excluded: planned.filter((p) => p.excluded && p.status === 'new').length,
    newSecurities: preview.newSecurities,
    cashAdded: 0,
    cashAlreadyImported: 0,
    newAccounts: [],
  };
}
