import type { DatabaseSync } from 'node:sqlite';
import type { CashTransaction as ApiCashTransaction } from '@shared/api/cash';
import type { ParsedInput } from '@shared/api/contract';
import { fieldsError, localizedError } from '@shared/domain/common/errors';
import {
  cashBalances,
  cashMovements,
  negativeBalanceWarnings,
  validateCashFields,
  type CashFieldError,
  type CashTransaction,
  type LedgerTransaction,
} from '@shared/domain/cash';
import { toNumber } from '@shared/domain/money';
import { defaultAccount, listAccounts, requireAccount } from '../accounts/store';
import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { loadPortfolio } from '../holdings/load';
import { loadLedger } from '../returns/load';
import { requireSecurity } from '../securities/store';
import { deleteCash, getCash, insertCash, listCash, requireCash, toCashDtos, updateCashRow, type NewCashRow } from './store';

type CashInput = ParsedInput<'cash.create'>;

/** The form's fields as stored: account resolved, counter fields kept only for the types that use them. */
function normalise(db: DatabaseSync, parsed: CashInput): Omit<NewCashRow, 'externalId'> {
  const accountId = parsed.accountId === undefined ? defaultAccount(db).id : requireAccount(db, parsed.accountId).id;
  const exchange = parsed.type === 'exchange';
  const transfer = parsed.type === 'transfer-in' || parsed.type === 'transfer-out';
  if (transfer && parsed.counterAccountId !== null) requireAccount(db, parsed.counterAccountId, 'counterAccountId');
  if (parsed.securityId !== null) requireSecurity(db, parsed.securityId);
  return {
    accountId,
    type: parsed.type,
    date: parsed.date,
    amount: parsed.amount,
    currency: parsed.currency,
    counterAmount: exchange ? parsed.counterAmount : null,
    counterCurrency: exchange ? parsed.counterCurrency : null,
    counterAccountId: transfer ? parsed.counterAccountId : null,
    securityId: exchange || transfer ? null : parsed.securityId,
    note: parsed.note,
  };
}

/**
 * Every trade with its account and tax, as the returns ledger holds them: read and converted once per
 * data version (loadLedger), not on every balance asked for. 10,000 trades took ~200 ms a call, and
 * Holdings asks for the balances beside its table. Read-only.
 */
function ledgerTransactions(db: DatabaseSync): readonly LedgerTransaction[] {
  return loadLedger(db).transactions;
}

/** Errors that block the save and warnings that do not (a balance taken below zero). */
function check(db: DatabaseSync, line: CashTransaction, today: string): { errors: CashFieldError[]; warnings: ReturnType<typeof negativeBalanceWarnings> } {
  const errors = validateCashFields(line, today);
  if (errors.length > 0) return { errors, warnings: [] };
  const accounts = listAccounts(db);
  const others = listCash(db).filter((c) => c.id !== line.id);
  const movements = cashMovements(accounts, ledgerTransactions(db), others);
  return { errors, warnings: negativeBalanceWarnings(line, accounts, movements) };
}

function rejectIfInvalid(errors: readonly CashFieldError[]): void {
  if (errors.length > 0) throw fieldsError(errors);
}

function oneDto(db: DatabaseSync, id: number): ApiCashTransaction {
  const [dto] = toCashDtos(db, [requireCash(db, id)]);
  if (dto === undefined) throw localizedError('NOT_FOUND', 'errors:cash.notFound', { id }, { id });
  return dto;
}

/** Ids no stored line has, so a checked line never collides with one. */
const PENDING_ID = Number.MAX_SAFE_INTEGER;

export const cashHandlers = {
  'cash.list': ({ accountId }, { db }) => toCashDtos(db, listCash(db, accountId)),
  'cash.check': ({ id, ...input }, { db, today }) => {
    const line = { ...normalise(db, input), id: id ?? PENDING_ID, externalId: null };
    return check(db, line, today());
  },
  'cash.create': (input, { db, today }) =>
    inTransaction(db, () => {
      const row = normalise(db, input);
      const { errors, warnings } = check(db, { ...row, id: PENDING_ID, externalId: null }, today());
      rejectIfInvalid(errors);
      const id = insertCash(db, { ...row, externalId: null });
      return { transaction: oneDto(db, id), warnings };
    }),
  'cash.update': ({ id, ...input }, { db, today }) =>
    inTransaction(db, () => {
      const before = requireCash(db, id);
      // An edit that names no account keeps the line where it is.
      const row = normalise(db, { ...input, accountId: input.accountId ?? before.accountId });
      const { errors, warnings } = check(db, { ...row, id, externalId: before.externalId }, today());
      rejectIfInvalid(errors);
      updateCashRow(db, id, row);
      return { transaction: oneDto(db, id), warnings };
    }),
  'cash.delete': ({ ids }, { db }) =>
    inTransaction(db, () => {
      const rows = ids.map((id) => requireCash(db, id));
      deleteCash(db, ids);
      return { deleted: toCashDtos(db, rows) };
    }),
  // Undo of a delete: the lines come back with their ids.
  'cash.restore': ({ transactions }, { db }) =>
    inTransaction(db, () => {
      for (const t of transactions) {
        if (getCash(db, t.id) !== null) throw localizedError('CONFLICT', 'errors:cash.alreadyExists', { id: t.id }, { id: t.id });
        requireAccount(db, t.accountId);
        const { symbol: _symbol, ...row } = t;
        insertCash(db, row);
      }
      return { restored: transactions.length };
    }),
  'cash.balances': ({ accountId, asOf }, { db, today }) => {
    const day = asOf ?? today();
    const data = loadPortfolio(db);
    const accounts = listAccounts(db);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const balances = cashBalances(cashMovements(accounts, ledgerTransactions(db), listCash(db)), day).filter(
      (b) => accountId === undefined || b.accountId === accountId,
    );
    let totalBase: number | null = 0;
    const rows = balances.map((b) => {
      const rate = data.fx.rate(b.currency, data.baseCurrency, day);
      const valueBase = rate.rate === null ? null : toNumber(b.amount) * rate.rate;
      totalBase = valueBase === null || totalBase === null ? null : totalBase + valueBase;
      return {
        accountId: b.accountId,
        accountName: names.get(b.accountId) ?? '',
        currency: b.currency,
        amount: b.amount,
        valueBase,
        negative: b.negativeSince !== null,
        negativeSince: b.negativeSince,
        problem: rate.rate === null ? `No ${b.currency}→${data.baseCurrency} rate on or before ${day}; import one to value this cash.` : null,
      };
    });
    return { baseCurrency: data.baseCurrency, asOf: day, balances: rows, totalBase };
  },
} satisfies Handlers<FeatureMethods<'cash'>>;
