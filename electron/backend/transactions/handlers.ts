import type { DatabaseSync } from 'node:sqlite';
import type { Transaction } from '@shared/api/transactions';
import { fieldsError, keyedText, localizedError, textError } from '@shared/domain/common/errors';
import { validateDeletion } from '@shared/domain/portfolio/ledger';
import { validateTransaction, validateTransactionFields, type FieldError } from '@shared/domain/portfolio/transaction';
import { accountOversellText, findAccountOversells } from '@shared/domain/portfolio/account-oversell';
import { carriedLots, transferPartners } from '@shared/domain/portfolio/security-transfer';
import { cashMovements, tradeBalanceWarnings, type LedgerTransaction } from '@shared/domain/cash';
import { exportTransactionsCsv } from '@shared/domain/transactions/export-csv';
import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { listSecurities, requireSecurity } from '../securities/store';
import { defaultAccount, listAccounts, requireAccount } from '../accounts/store';
import { listCash } from '../cash/store';
import { importingFile, resolveFile } from '../files/resolve';
import { importInWorker, previewInWorker, warmTransactionWorker } from './import-thread';
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
  type StoredTransaction,
} from './store';

/** An id larger than any stored one, so a new row sorts after same-day rows of its type, as it will once stored. */
const PENDING_ID = Number.MAX_SAFE_INTEGER;

function rejectIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw fieldsError(errors);
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

type Candidate = Omit<Transaction, 'symbol' | 'counterAccountId'> & { counterAccountId?: number | null };

function checkLedger(db: DatabaseSync, candidate: Candidate, today: string, freeShares = false): void {
  rejectIfInvalid(ledgerErrors(db, candidate, today, freeShares));
}

/**
 * What would block saving the line: its fields, a sale the portfolio does not cover, and a sale (or a
 * change) that leaves its own account short though other accounts hold the shares.
 */
function ledgerErrors(db: DatabaseSync, candidate: Candidate, today: string, freeShares = false): FieldError[] {
  const security = requireSecurity(db, candidate.securityId);
  const stored = listTransactions(db, candidate.securityId);
  const errors = validateTransaction(toDomain(candidate), stored.map(toDomain), today, { freeShares });
  if (errors.length > 0) return errors;
  const lines = (list: readonly Candidate[]) => list.map((t) => ({ accountKey: String(t.accountId), transaction: toDomain(t) }));
  const before = new Set(findAccountOversells(lines(stored)).map((o) => o.transaction.id));
  const after = findAccountOversells(lines([...stored.filter((t) => t.id !== candidate.id), candidate])).find((o) => !before.has(o.transaction.id));
  if (after === undefined) return errors;
  const account = requireAccount(db, Number(after.accountKey));
  const text = accountOversellText(after, account.name, security.symbol);
  return [{ field: 'quantity', ...(after.transaction.id === candidate.id ? text : keyedText('errors:transactions.changeBreaksSale', { problem: text })) }];
}

function asLedger(t: Candidate): LedgerTransaction {
  return { ...toDomain(t), accountId: t.accountId, taxes: t.taxes };
}

export const transactionsHandlers = {
  'transactions.list': ({ securityId, accountId }, { db }) => listTransactions(db, securityId, accountId).map(toDto),
  'transactions.check': ({ id, ...input }, { db, today }) => {
    const before = id === undefined ? null : requireTransaction(db, id);
    const row = normalise(db, { ...input, accountId: input.accountId ?? before?.accountId });
    const candidate = { ...row, id: id ?? PENDING_ID, externalId: before?.externalId ?? null };
    const errors = ledgerErrors(db, candidate, today());
    if (errors.length > 0) return { errors, warnings: [] };
    const others = listTransactions(db)
      .filter((t) => t.id !== candidate.id)
      .map(asLedger);
    const accounts = listAccounts(db);
    return { errors, warnings: tradeBalanceWarnings(asLedger(candidate), accounts, cashMovements(accounts, others, listCash(db))) };
  },
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
      if (before.type === 'transfer-out' || before.type === 'transfer-in') {
        throw localizedError('CONFLICT', 'errors:transactions.transferEdit', undefined, { id, reason: 'TRANSFER' });
      }
      // An edit that names no account keeps the line where it is.
      const row = normalise(db, { ...input, accountId: input.accountId ?? before.accountId });
      if (before.securityId !== row.securityId) {
        // Moving a line to another security: the old one must stay valid without it.
        const problem = validateDeletion(id, listTransactions(db, before.securityId).map(toDomain));
        if (problem !== null) rejectIfInvalid([{ field: 'securityId', ...problem }]);
      }
      // A free-share delivery imported at price 0 stays editable (its note, its date) at price 0.
      checkLedger(db, { ...row, id, externalId: before.externalId }, today(), before.type === 'buy' && before.price === 0);
      updateTransactionRow(db, id, row);
      return toDto(requireTransaction(db, id));
    }),
  'transactions.transfer': ({ securityId, fromAccountId, toAccountId, date, quantity, fees, note }, { db, today }) =>
    inTransaction(db, () => {
      const security = requireSecurity(db, securityId);
      const from = requireAccount(db, fromAccountId, 'fromAccountId');
      const to = requireAccount(db, toAccountId, 'toAccountId');
      if (from.id === to.id) rejectIfInvalid([{ field: 'toAccountId' as FieldError['field'], ...keyedText('errors:fields.transferSameAccount') }]);
      const stored = listTransactions(db, securityId).map(asLedger);
      const base = { securityId, date, quantity, price: 0, currency: security.currency, fees: 0, splitFrom: null, splitTo: null, note, taxes: 0, externalId: null };
      const out = asLedger({ ...base, id: PENDING_ID - 1, type: 'transfer-out', accountId: from.id, counterAccountId: to.id, fees });
      const arrive = asLedger({ ...base, id: PENDING_ID, type: 'transfer-in', accountId: to.id, counterAccountId: from.id });
      rejectIfInvalid(validateTransactionFields(out, today()));
      // The giving account must hold the shares that day; what the other accounts hold does not help.
      const short = findAccountOversells([...stored, out, arrive].map((t) => ({ accountKey: String(t.accountId), transaction: t }))).find(
        (o) => o.transaction.id === out.id,
      );
      if (short !== undefined) rejectIfInvalid([{ field: 'quantity', ...accountOversellText(short, from.name, security.symbol) }]);
      // The price both lines state: the average cost per share of the lots that move (the lots themselves keep theirs).
      const lots = carriedLots([...stored, out, arrive]).get(arrive.id) ?? [];
      const moved = lots.reduce((n, l) => n + l.quantity, 0);
      const price = moved > 0 ? lots.reduce((c, l) => c + l.quantity * l.costPerShare, 0) / moved : 0;
      const currency = lots[0]?.currency ?? security.currency;
      const row = { ...base, price, currency, externalId: null };
      const outId = insertTransaction(db, { ...row, type: 'transfer-out', accountId: from.id, counterAccountId: to.id, fees });
      const inId = insertTransaction(db, { ...row, type: 'transfer-in', accountId: to.id, counterAccountId: from.id });
      return { out: toDto(requireTransaction(db, outId)), in: toDto(requireTransaction(db, inId)) };
    }),
  'transactions.delete': ({ ids: asked }, { db }) =>
    inTransaction(db, () => {
      // One line of a transfer goes with its partner: half a transfer would move shares out of nowhere.
      const stored = listTransactions(db);
      const partners = transferPartners(stored.map(asLedger));
      const ids = [...new Set(asked.flatMap((id) => [id, ...(partners.has(id) ? [(partners.get(id) as { id: number }).id] : [])]))];
      const rows = ids.map((id) => requireTransaction(db, id));
      const all = stored.map(toDomain);
      const remaining = all.filter((t) => !ids.includes(t.id));
      for (const id of ids) {
        const problem = validateDeletion(id, [...remaining, ...all.filter((t) => t.id === id)]);
        if (problem !== null) throw textError('CONFLICT', problem, { id });
      }
      // Nor may it leave an account selling shares it no longer holds (a transfer in undone after the shares were sold).
      const byAccount = (list: readonly StoredTransaction[]) => list.map((t) => ({ accountKey: String(t.accountId), transaction: toDomain(t) }));
      const short = new Set(findAccountOversells(byAccount(stored)).map((o) => o.transaction.id));
      const broken = findAccountOversells(byAccount(stored.filter((t) => !ids.includes(t.id)))).find((o) => !short.has(o.transaction.id));
      if (broken !== undefined) {
        const problem = accountOversellText(broken, requireAccount(db, Number(broken.accountKey)).name, stored.find((t) => t.id === broken.transaction.id)?.symbol ?? '');
        throw localizedError('CONFLICT', 'errors:transactions.deleteBreaksSale', { problem }, { id: broken.transaction.id });
      }
      deleteTransactions(db, ids);
      return { deleted: rows.map(toDto) };
    }),
  // Undo of a delete: the rows come back with their ids, so nothing that referred to them changes.
  'transactions.restore': ({ transactions }, { db }) =>
    inTransaction(db, () => {
      for (const t of transactions) {
        if (getTransaction(db, t.id) !== null) throw localizedError('CONFLICT', 'errors:transactions.alreadyExists', { id: t.id }, { id: t.id });
        requireSecurity(db, t.securityId);
        const { symbol: _symbol, ...row } = t;
        insertTransaction(db, row);
      }
      return { restored: transactions.length };
    }),
  // Both run on the import worker (import-thread.ts): a 30 MB statement never stalls the other calls.
  // A staged file's bytes are shared with the worker; inline base64 is decoded here a slice at a time (files/resolve.ts),
  // while the worker starts.
  'transactions.previewImport': async ({ file, mapping, excludeLines, accountId, accountMap, jobId }, ctx) => {
    warmTransactionWorker();
    return previewInWorker(await resolveFile(file, ctx), { mapping, excludeLines, accountId, accountMap }, ctx, jobId);
  },
  'transactions.import': ({ file, mapping, excludeLines, accountId, accountMap, jobId }, ctx) => {
    warmTransactionWorker();
    return importingFile(file, ctx, (source) => importInWorker(source, { mapping, excludeLines, accountId, accountMap }, ctx, jobId ?? `transactions-${Date.now()}`));
  },
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
        rows.map((t) => toExportable(t, names.get(t.accountId), t.counterAccountId === null ? undefined : names.get(t.counterAccountId))),
        exportableCash,
      ),
      count: rows.length + cash.length,
    };
  },
} satisfies Handlers<FeatureMethods<'transactions'>>;
