import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CashTransaction as ApiCashTransaction } from '@shared/api/cash';
import { localizedError } from '@shared/domain/common/errors';
import type { CashTransaction, CashTransactionType } from '@shared/domain/cash';
import { money } from '@shared/domain/money';
import { listSecurities } from '../securities/store';

/** The one owner of `cash_transactions`. Amounts are exact decimal text (see migration 007). */

interface CashRow {
  id: number;
  account_id: number;
  type: string;
  date: string;
  amount: string;
  currency: string;
  counter_amount: string | null;
  counter_currency: string | null;
  counter_account_id: number | null;
  security_id: number | null;
  note: string;
  external_id: string | null;
}

const SELECT = `SELECT id, account_id, type, date, amount, currency, counter_amount, counter_currency, counter_account_id,
  security_id, note, external_id FROM cash_transactions`;

function fromRow(r: CashRow): CashTransaction {
  return {
    id: r.id,
    accountId: r.account_id,
    type: r.type as CashTransactionType,
    date: r.date,
    amount: r.amount,
    currency: r.currency,
    counterAmount: r.counter_amount,
    counterCurrency: r.counter_currency,
    counterAccountId: r.counter_account_id,
    securityId: r.security_id,
    note: r.note,
    externalId: r.external_id,
  };
}

/** Cash lines in date order: all, or those an account books or receives as the counter account. */
export function listCash(db: DatabaseSync, accountId?: number): CashTransaction[] {
  const rows =
    accountId === undefined
      ? db.prepare(`${SELECT} ORDER BY date, id`).all()
      : db.prepare(`${SELECT} WHERE account_id = ? OR counter_account_id = ? ORDER BY date, id`).all(accountId, accountId);
  return (rows as unknown as CashRow[]).map(fromRow);
}

export function getCash(db: DatabaseSync, id: number): CashTransaction | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as CashRow | undefined;
  return row ? fromRow(row) : null;
}

export function requireCash(db: DatabaseSync, id: number): CashTransaction {
  const c = getCash(db, id);
  if (c === null) throw localizedError('NOT_FOUND', 'errors:cash.notFound', { id }, { id });
  return c;
}

/** The DTOs of cash lines, with the symbols of the securities they name. */
export function toCashDtos(db: DatabaseSync, lines: readonly CashTransaction[]): ApiCashTransaction[] {
  const symbols = lines.some((c) => c.securityId !== null) ? new Map(listSecurities(db).map((s) => [s.id, s.symbol])) : new Map<number, string>();
  return lines.map((c) => ({ ...c, symbol: c.securityId === null ? null : (symbols.get(c.securityId) ?? null) }));
}

export type NewCashRow = Omit<CashTransaction, 'id'> & { id?: number };

/** Canonical exact text: '0100.50' and 100.5 are both stored as '100.5'. */
function exact(value: string | null): string | null {
  return value === null ? null : money(value, 'XXX').amount;
}

function values(c: Omit<NewCashRow, 'externalId' | 'id'>): (string | number | null)[] {
  return [c.accountId, c.type, c.date, exact(c.amount), c.currency, exact(c.counterAmount), c.counterCurrency, c.counterAccountId, c.securityId, c.note];
}

/** The insert, prepared once per connection: a large statement's import runs it for every cash line. */
const inserts = new WeakMap<DatabaseSync, StatementSync>();

export function insertCash(db: DatabaseSync, c: NewCashRow): number {
  let insert = inserts.get(db);
  if (insert === undefined) {
    insert = db.prepare(
      `INSERT INTO cash_transactions (id, account_id, type, date, amount, currency, counter_amount, counter_currency,
         counter_account_id, security_id, note, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  const result = insert.run(c.id ?? null, ...values(c), c.externalId);
  return Number(result.lastInsertRowid);
}

export function updateCashRow(db: DatabaseSync, id: number, c: Omit<NewCashRow, 'externalId' | 'id'>): void {
  db.prepare(
    `UPDATE cash_transactions SET account_id = ?, type = ?, date = ?, amount = ?, currency = ?, counter_amount = ?,
       counter_currency = ?, counter_account_id = ?, security_id = ?, note = ? WHERE id = ?`,
  ).run(...values(c), id);
}

export function deleteCash(db: DatabaseSync, ids: readonly number[]): void {
  const del = db.prepare('DELETE FROM cash_transactions WHERE id = ?');
  for (const id of ids) del.run(id);
}

/** How many cash lines each account books or receives. */
export function countCashByAccount(db: DatabaseSync): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT id, COUNT(*) AS n FROM (SELECT account_id AS id FROM cash_transactions
         UNION ALL SELECT counter_account_id AS id FROM cash_transactions WHERE counter_account_id IS NOT NULL) GROUP BY id`,
    )
    .all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** External ids already stored per account, for re-import without duplicates. */
export function cashExternalIds(db: DatabaseSync): Set<string> {
  const rows = db.prepare('SELECT account_id, external_id FROM cash_transactions WHERE external_id IS NOT NULL').all() as {
    account_id: number;
    external_id: string;
  }[];
  return new Set(rows.map((r) => `${r.account_id}\u0000${r.external_id}`));
}
