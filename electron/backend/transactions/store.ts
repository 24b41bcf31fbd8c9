import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Transaction as ApiTransaction } from '@shared/api/transactions';
import { localizedError } from '@shared/domain/common/errors';
import type { Transaction, TransactionType } from '@shared/domain/portfolio/transaction';
import type { ExistingTransaction } from '@shared/domain/transactions/duplicates';
import type { ExportableTransaction } from '@shared/domain/transactions/export-csv';
import { toTransaction } from '@shared/domain/transactions/transaction-row';
import { getSecurity, listSecurities, type StoredSecurity } from '../securities/store';

/**
 * The one owner of `transactions`. A row carries its security's id; what the
 * security is called comes from the securities store, mapped once in fromRow.
 */

interface TransactionRow {
  id: number;
  security_id: number;
  type: string;
  date: string;
  quantity: number;
  price: number;
  currency: string;
  fees: number;
  split_from: number | null;
  split_to: number | null;
  note: string;
  external_id: string | null;
  account_id: number;
  taxes: number;
  counter_account_id: number | null;
}

const SELECT = `SELECT id, security_id, type, date, quantity, price, currency, fees, split_from, split_to, note, external_id,
  account_id, taxes, counter_account_id FROM transactions`;

type SecurityNames = Pick<StoredSecurity, 'symbol' | 'isin' | 'name'>;

/** A stored transaction with what its security is called (for display, export and duplicates). */
export interface StoredTransaction extends ApiTransaction {
  isin: string | null;
  securityName: string;
}

function fromRow(r: TransactionRow, security: SecurityNames | undefined): StoredTransaction {
  return {
    id: r.id,
    securityId: r.security_id,
    // A transaction's security cannot be deleted under it (foreign key), so it is always found.
    symbol: security?.symbol ?? '',
    isin: security?.isin ?? null,
    securityName: security?.name ?? '',
    type: r.type as TransactionType,
    date: r.date,
    quantity: r.quantity,
    price: r.price,
    currency: r.currency,
    fees: r.fees,
    splitFrom: r.split_from,
    splitTo: r.split_to,
    note: r.note,
    externalId: r.external_id,
    accountId: r.account_id,
    taxes: r.taxes,
    counterAccountId: r.counter_account_id,
  };
}

export function toDto(t: StoredTransaction): ApiTransaction {
  const { isin: _isin, securityName: _name, ...dto } = t;
  return dto;
}

/** All transactions (or one security's, or one account's), in date order. */
export function listTransactions(db: DatabaseSync, securityId?: number, accountId?: number): StoredTransaction[] {
  const where: string[] = [];
  const params: number[] = [];
  if (securityId !== undefined) {
    where.push('security_id = ?');
    params.push(securityId);
  }
  if (accountId !== undefined) {
    where.push('account_id = ?');
    params.push(accountId);
  }
  const filter = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
  const rows = db.prepare(`${SELECT}${filter} ORDER BY date, id`).all(...params) as unknown as TransactionRow[];
  if (rows.length === 0) return [];
  const securities = new Map(listSecurities(db).map((s) => [s.id, s]));
  return rows.map((r) => fromRow(r, securities.get(r.security_id)));
}

export function getTransaction(db: DatabaseSync, id: number): StoredTransaction | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as TransactionRow | undefined;
  return row ? fromRow(row, getSecurity(db, row.security_id) ?? undefined) : null;
}

/** How many transactions the security has (one, or several together). */
export function countTransactionsOf(db: DatabaseSync, securityIds: readonly number[]): number {
  if (securityIds.length === 0) return 0;
  const placeholders = securityIds.map(() => '?').join(', ');
  return (db.prepare(`SELECT COUNT(*) AS n FROM transactions WHERE security_id IN (${placeholders})`).get(...securityIds) as { n: number }).n;
}

export function deleteTransactions(db: DatabaseSync, ids: readonly number[]): void {
  const del = db.prepare('DELETE FROM transactions WHERE id = ?');
  for (const id of ids) del.run(id);
}

/** How many transactions each account has. */
export function countTransactionsByAccount(db: DatabaseSync): Map<number, number> {
  const rows = db.prepare('SELECT account_id, COUNT(*) AS n FROM transactions GROUP BY account_id').all() as { account_id: number; n: number }[];
  return new Map(rows.map((r) => [r.account_id, r.n]));
}

/** Deletes every transaction of the securities (removing the sample data). */
export function deleteTransactionsOf(db: DatabaseSync, securityIds: readonly number[]): void {
  const del = db.prepare('DELETE FROM transactions WHERE security_id = ?');
  for (const id of securityIds) del.run(id);
}

export function requireTransaction(db: DatabaseSync, id: number): StoredTransaction {
  const t = getTransaction(db, id);
  if (t === null) throw localizedError('NOT_FOUND', 'errors:transactions.notFound', { id }, { id });
  return t;
}

/** The portfolio domain's view of a stored (or about to be stored) transaction. */
export function toDomain(t: Omit<ApiTransaction, 'symbol' | 'counterAccountId'> & { counterAccountId?: number | null }): Transaction {
  const tx = toTransaction(t);
  if (t.counterAccountId != null) tx.counterAccountId = t.counterAccountId;
  return tx;
}

export type NewTransactionRow = Omit<ApiTransaction, 'id' | 'symbol' | 'counterAccountId'> & { id?: number; counterAccountId?: number | null };

/** security_id … counter_account_id, in the order insertTransaction and updateTransactionRow name them. */
function transactionValues(t: Omit<NewTransactionRow, 'externalId'>): (string | number | null)[] {
  const split = t.type === 'split';
  return [
    t.securityId,
    t.type,
    t.date,
    t.quantity,
    t.price,
    t.currency,
    t.fees,
    split ? t.splitFrom : null,
    split ? t.splitTo : null,
    t.note,
    t.accountId,
    t.taxes,
    t.type === 'transfer-out' || t.type === 'transfer-in' ? (t.counterAccountId ?? null) : null,
  ];
}

/** The insert, prepared once per connection: an import of 200,000 lines runs it 200,000 times. */
const inserts = new WeakMap<DatabaseSync, StatementSync>();

export function insertTransaction(db: DatabaseSync, t: NewTransactionRow): number {
  let insert = inserts.get(db);
  if (insert === undefined) {
    insert = db.prepare(
      `INSERT INTO transactions (id, security_id, type, date, quantity, price, currency, fees, split_from, split_to, note,
         account_id, taxes, counter_account_id, external_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  const result = insert.run(t.id ?? null, ...transactionValues(t), t.externalId);
  return Number(result.lastInsertRowid);
}

export function updateTransactionRow(db: DatabaseSync, id: number, t: Omit<NewTransactionRow, 'externalId'>): void {
  db.prepare(
    `UPDATE transactions SET security_id = ?, type = ?, date = ?, quantity = ?, price = ?, currency = ?, fees = ?,
       split_from = ?, split_to = ?, note = ?, account_id = ?, taxes = ?, counter_account_id = ? WHERE id = ?`,
  ).run(...transactionValues(t), id);
}

/**
 * A stored transaction in the import/export convention (shared/domain/transactions):
 * a dividend is quantity × price (here: shares × amount per share), a fee line carries its
 * cost in `fees`. Used for export and for duplicate checks, so both agree.
 */
export function toExportable(t: StoredTransaction, accountName?: string, counterAccountName?: string): ExportableTransaction {
  const base = {
    date: t.date,
    type: t.type,
    currency: t.currency,
    note: t.note,
    externalId: t.externalId,
    symbol: t.symbol,
    isin: t.isin,
    name: t.securityName,
    splitRatio: undefined,
    taxes: t.taxes,
    account: accountName ?? null,
    counterAccount: counterAccountName ?? null,
  };
  switch (t.type) {
    case 'dividend': {
      const shares = t.quantity > 0 ? t.quantity : 1;
      return { ...base, quantity: shares, price: t.price / shares, fees: t.fees };
    }
    case 'fee':
      return { ...base, quantity: 0, price: 0, fees: t.price + t.fees };
    case 'split':
      return {
        ...base,
        quantity: 0,
        price: 0,
        fees: 0,
        splitRatio: t.splitFrom !== null && t.splitTo !== null ? { from: t.splitFrom, to: t.splitTo } : undefined,
      };
    default:
      return { ...base, quantity: t.quantity, price: t.price, fees: t.fees };
  }
}

export function toExisting(t: StoredTransaction): ExistingTransaction {
  const e = toExportable(t);
  return { date: e.date, type: e.type, symbol: e.symbol, isin: e.isin, quantity: e.quantity, price: e.price, fees: e.fees, externalId: e.externalId };
}
