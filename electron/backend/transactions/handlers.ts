import type { DatabaseSync } from 'node:sqlite';
import type { TransactionDto } from '@shared/api/transactions';
import { AppError } from '@shared/domain/common/errors';
import { validateDeletion } from '@shared/domain/portfolio/ledger';
import { validateTransaction, type FieldError } from '@shared/domain/portfolio/transaction';
import { exportTransactionsCsv } from '@shared/domain/transactions/export-csv';
import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { listSecurities, requireSecurity } from '../securities/store';
import { defaultAccount, listAccounts, requireAccount } from '../accounts/store';
import { listCash } from '../cash/store';
import { sourceFromBase64 } from './import';
import { importInWorker, previewInWorker } from './import-thread';
import {
  getTransaction,
  deleteTransactions,
  insertTransaction,
  listTransactions,
  requireTransaction,
  toDomain,
  toDto,
  toExportable,
  updateTransactionRow,
  type NewTransactionRow,
} from './store';

/** An id larger than any stored one, so a new row sorts after same-day rows of its type, as it will once stored. */
const PENDING_ID = Number.MAX_SAFE_INTEGER;

function rejectIfInvalid(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError('VALIDATION', errors.map((e) => e.message).join(' '), {
    fields: errors.map((e) => ({ field: e.field, message: e.message })),
  });
}

type TransactionInput = Omit<NewTransactionRow, 'externalId' | 'accountId'> & { accountId?: number | undefined };

/** The form's fields as stored: the account resolved (default when none), meaningless fields zeroed. */
function normalise(db: DatabaseSync, fields: TransactionInput): Omit<NewTransactionRow, 'externalId'> {
  const accountId = fields.accountId === undefined ? defaultAccount(db).id : requireAccount(db, fields.accountId).id;
  const input = { ...fields, accountId };
  if (input.type !== 'dividend') input.taxes = 0;
  // Quantity and price mean nothing for splits, nor quantity for fee lines: store zeros, not stale form values.
  if (input.type === 'split') return { ...input, quantity: 0, price: 0, fees: 0 };
  if (input.type === 'fee') return { ...input, quantity: 0, splitFrom: null, splitTo: null };
  return { ...input, splitFrom: null, splitTo: null };
}

function checkLedger(db: DatabaseSync, candidate: Omit<TransactionDto, 'symbol'>, today: string, freeShares = false): void {
  requireSecurity(db, candidate.securityId);
  const existing = listTransactions(db, candidate.securityId).map(toDomain);
  rejectIfInvalid(validateTransaction(toDomain(candidate), existing, today, { freeShares }));
}

export const transactionsHandlers = {
  'transactions.list': ({ securityId, accountId }, { db }) => listTransactions(db, securityId, accountId).map(toDto),
  'transactions.create': (input, { db, today }) =>
    inTransaction(db, () => {
      const row = normalise(db, input);
      checkLedger(db, { ...row, id: PENDING_ID, externalId: null }, today());
      const id = insertTransaction(db, { ...row, externalId: null });
      return toDto(requireTransaction(db, id));
    }),
  'transactions.update': ({ id, ...input }, { db, today }) =>
    inTransaction(db, () => {
      const before = requireTransaction(db, id);
      // An edit that names no account keeps the line where it is.
      const row = normalise(db, { ...input, accountId: input.accountId ?? before.accountId });
      if (before.securityId !== row.securityId) {
        // Moving a line to another security: the old one must stay valid without it.
        const problem = validateDeletion(id, listTransactions(db, before.securityId).map(toDomain));
        if (problem !== null) rejectIfInvalid([{ field: 'securityId', message: problem }]);
      }
      // A free-share delivery imported at price 0 stays editable (its note, its date) at price 0.
      checkLedger(db, { ...row, id, externalId: before.externalId }, today(), before.type === 'buy' && before.price === 0);
      updateTransactionRow(db, id, row);
      return toDto(requireTransaction(db, id));
    }),
  'transactions.delete': ({ ids }, { db }) =>
    inTransaction(db, () => {
      const rows = ids.map((id) => requireTransaction(db, id));
      const all = listTransactions(db).map(toDomain);
      const remaining = all.filter((t) => !ids.includes(t.id));
      for (const id of ids) {
        const problem = validateDeletion(id, [...remaining, ...all.filter((t) => t.id === id)]);
        if (problem !== null) throw new AppError('CONFLICT', problem, { id });
      }
      deleteTransactions(db, ids);
      return { deleted: rows.map(toDto) };
    }),
  // Undo of a delete: the rows come back with their ids, so nothing that referred to them changes.
  'transactions.restore': ({ transactions }, { db }) =>
    inTransaction(db, () => {
      for (const t of transactions) {
        if (getTransaction(db, t.id) !== null) throw new AppError('CONFLICT', `Transaction ${t.id} already exists; nothing to undo.`);
        requireSecurity(db, t.securityId);
        const { symbol: _symbol, ...row } = t;
        insertTransaction(db, row);
      }
      return { restored: transactions.length };
    }),
  // Both run on the import worker (import-thread.ts): a 30 MB statement never stalls the other calls.
  'transactions.previewImport': ({ file, mapping, excludeLines, accountId, accountMap }, ctx) =>
    previewInWorker(sourceFromBase64(file), { mapping, excludeLines, accountId, accountMap }, ctx),
  'transactions.import': ({ file, mapping, excludeLines, accountId, accountMap, jobId }, ctx) =>
    importInWorker(sourceFromBase64(file), { mapping, excludeLines, accountId, accountMap }, ctx, jobId ?? `transactions-${Date.now()}`),
  'transactions.export': (_input, { db, today }) => {
    const rows = listTransactions(db);
    const cash = listCash(db);
    const names = new Map(listAccounts(db).map((a) => [a.id, a.name]));
    const symbols = new Map(listSecurities(db).map((s) => [s.id, s]));
    const exportableCash = cash.map((c) => {
      const security = c.securityId === null ? undefined : symbols.get(c.securityId);
      return {
        type: c.type,
        date: c.date,
        amount: c.amount,
        currency: c.currency,
        counterAmount: c.counterAmount,
        counterCurrency: c.counterCurrency,
        counterAccount: c.counterAccountId === null ? null : (names.get(c.counterAccountId) ?? null),
        account: names.get(c.accountId) ?? null,
        symbol: security?.symbol ?? null,
        isin: security?.isin ?? null,
        name: security?.name ?? null,
        note: c.note,
        externalId: c.externalId,
      };
    });
    return {
      fileName: `tickerline-transactions-${today()}.csv`,
      csv: exportTransactionsCsv(
        rows.map((t) => toExportable(t, names.get(t.accountId))),
        exportableCash,
      ),
      count: rows.length + cash.length,
    };
  },
} satisfies Handlers<FeatureMethods<'transactions'>>;
