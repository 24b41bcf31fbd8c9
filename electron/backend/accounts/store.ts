import type { DatabaseSync } from 'node:sqlite';
import type { Account, AccountKind } from '@shared/api/accounts';
import { localizedError } from '@shared/domain/common/errors';

/** The one owner of `accounts`. Counts of what is booked in an account come from the other stores. */

interface AccountRow {
  id: number;
  name: string;
  institution: string;
  currency: string;
  kind: string;
  tracks_cash: number;
  note: string;
  is_default: number;
}

/** An account as the rules need it; the DTO adds the counts of its lines. */
export type StoredAccount = Omit<Account, 'transactionCount' | 'cashTransactionCount'>;

export type AccountFields = Omit<StoredAccount, 'id' | 'isDefault'>;

const SELECT = 'SELECT id, name, institution, currency, kind, tracks_cash, note, is_default FROM accounts';

function fromRow(r: AccountRow): StoredAccount {
  return {
    id: r.id,
    name: r.name,
    institution: r.institution,
    currency: r.currency,
    kind: r.kind as AccountKind,
    tracksCash: r.tracks_cash === 1,
    note: r.note,
    isDefault: r.is_default === 1,
  };
}

/** Default account first, then by name. */
export function listAccounts(db: DatabaseSync): StoredAccount[] {
  return (db.prepare(`${SELECT} ORDER BY is_default DESC, name COLLATE NOCASE, id`).all() as unknown as AccountRow[]).map(fromRow);
}

export function getAccount(db: DatabaseSync, id: number): StoredAccount | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AccountRow | undefined;
  return row ? fromRow(row) : null;
}

export function requireAccount(db: DatabaseSync, id: number, field = 'accountId'): StoredAccount {
  const account = getAccount(db, id);
  if (account === null) {
    throw localizedError('VALIDATION', 'errors:accounts.notFound', { id }, {
      fields: [{ field, message: `Account ${id} does not exist.` }],
      accountId: id,
    });
  }
  return account;
}

export function findAccountByName(db: DatabaseSync, name: string): StoredAccount | null {
  const row = db.prepare(`${SELECT} WHERE name = ? COLLATE NOCASE`).get(name.trim()) as AccountRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The account new lines go to when none is named: the default one. The accounts upgrade
 * creates it and the last account can never be deleted, so there always is one; if the
 * default was deleted, the oldest remaining account takes its place.
 */
export function defaultAccount(db: DatabaseSync): StoredAccount {
  const row = (db.prepare(`${SELECT} ORDER BY is_default DESC, id LIMIT 1`).get() as AccountRow | undefined) ?? null;
  if (row === null) throw localizedError('INTERNAL', 'errors:accounts.noAccount');
  return fromRow(row);
}

export function insertAccount(db: DatabaseSync, a: AccountFields): number {
  const result = db
    .prepare('INSERT INTO accounts (name, institution, currency, kind, tracks_cash, note) VALUES (?, ?, ?, ?, ?, ?)')
    .run(a.name, a.institution, a.currency, a.kind, a.tracksCash ? 1 : 0, a.note);
  return Number(result.lastInsertRowid);
}

export function updateAccountRow(db: DatabaseSync, id: number, a: AccountFields): void {
  db.prepare('UPDATE accounts SET name = ?, institution = ?, currency = ?, kind = ?, tracks_cash = ?, note = ? WHERE id = ?').run(
    a.name,
    a.institution,
    a.currency,
    a.kind,
    a.tracksCash ? 1 : 0,
    a.note,
    id,
  );
}

/** Deletes the account; a deleted default passes the role to the oldest remaining account. */
export function deleteAccountRow(db: DatabaseSync, id: number): void {
  db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
  const hasDefault = db.prepare('SELECT 1 AS one FROM accounts WHERE is_default = 1').get() !== undefined;
  if (!hasDefault) db.prepare('UPDATE accounts SET is_default = 1 WHERE id = (SELECT MIN(id) FROM accounts)').run();
}

export function countAccounts(db: DatabaseSync): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
}
