import type { DatabaseSync } from 'node:sqlite';
import type { Account } from '@shared/api/accounts';
import { keyedText, localizedError, textError } from '@shared/domain/common/errors';
import { countCashByAccount } from '../cash/store';
import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { countTransactionsByAccount } from '../transactions/store';
import {
  countAccounts,
  deleteAccountRow,
  findAccountByName,
  insertAccount,
  listAccounts,
  requireAccount,
  updateAccountRow,
  type StoredAccount,
} from './store';

function withCounts(db: DatabaseSync, accounts: readonly StoredAccount[]): Account[] {
  const trades = countTransactionsByAccount(db);
  const cash = countCashByAccount(db);
  return accounts.map((a) => ({ ...a, transactionCount: trades.get(a.id) ?? 0, cashTransactionCount: cash.get(a.id) ?? 0 }));
}

function rejectTakenName(db: DatabaseSync, name: string, id?: number): void {
  const other = findAccountByName(db, name);
  if (other !== null && other.id !== id) {
    const text = keyedText('errors:accounts.nameTaken', { name: other.name });
    throw textError('VALIDATION', text, { fields: [{ field: 'name', ...text }] });
  }
}

export const accountsHandlers = {
  'accounts.list': (_input, { db }) => withCounts(db, listAccounts(db)),
  'accounts.create': (input, { db }) =>
    inTransaction(db, () => {
      rejectTakenName(db, input.name);
      const id = insertAccount(db, input);
      return withCounts(db, [requireAccount(db, id)])[0] as Account;
    }),
  'accounts.update': ({ id, ...input }, { db }) =>
    inTransaction(db, () => {
      requireAccount(db, id, 'id');
      rejectTakenName(db, input.name, id);
      updateAccountRow(db, id, input);
      return withCounts(db, [requireAccount(db, id)])[0] as Account;
    }),
  'accounts.delete': ({ id }, { db }) =>
    inTransaction(db, () => {
      const account = withCounts(db, [requireAccount(db, id, 'id')])[0] as Account;
      if (account.transactionCount > 0 || account.cashTransactionCount > 0) {
        throw localizedError(
          'CONFLICT',
          'errors:accounts.notEmpty',
          { name: account.name, transactions: account.transactionCount, cashLines: account.cashTransactionCount },
          { reason: 'ACCOUNT_NOT_EMPTY', accountId: id, transactions: account.transactionCount, cashTransactions: account.cashTransactionCount },
        );
      }
      if (countAccounts(db) <= 1) {
        throw localizedError('CONFLICT', 'errors:accounts.lastAccount', undefined, { reason: 'LAST_ACCOUNT', accountId: id });
      }
      deleteAccountRow(db, id);
      return { deleted: account };
    }),
} satisfies Handlers<FeatureMethods<'accounts'>>;
