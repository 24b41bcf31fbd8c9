import type { Migration } from './migration';

/**
 * Accounts and cash (issue 12).
 *
 * - `accounts`: every transaction and cash line belongs to one. One default account ("Portfolio",
 *   in the base currency) is created, and every existing transaction moves into it. It keeps no
 *   cash ledger (tracks_cash = 0): each buy stays money put in and each sell or dividend money
 *   taken out, exactly as before, so no figure changes.
 * - `transactions` is rebuilt, because SQLite cannot add a NOT NULL column with a foreign key
 *   nor widen a CHECK: it gains account_id, taxes (withholding tax in the line's currency,
 *   default 0) and counter_account_id, and the types transfer-out / transfer-in. A security
 *   moved between two of the user's accounts is a pair of lines of the same security, date and
 *   quantity: transfer-out in the giving account and transfer-in in the receiving one, each
 *   naming the other in counter_account_id, with price = the cost per share carried over. Each
 *   account sees shares leave or arrive (a flow at that day's value); the portfolio sees nothing.
 *   Trade amounts stay REAL as before: they hold the decimal the user or the file gave (up to 15
 *   significant digits), and shared/domain/money multiplies and sums them exactly.
 * - `cash_transactions`: deposits, withdrawals, interest, fees, taxes, refunds, exchanges and
 *   transfers (the vocabulary of shared/domain/transactions/imported-transaction.ts). Amounts are
 *   exact decimal TEXT rather than integer minor units: brokers book interest and crypto to more
 *   digits than a currency's minor unit, the minor-unit table can change (ISO 4217 amendments)
 *   without reinterpreting stored integers, and nothing sums them in SQL — shared/domain/money
 *   (big.js) does, exactly.
 */
export const accountsMigration: Migration = {
  version: 7,
  name: 'accounts',
  up(db) {
    const setting = db.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get() as { value: string } | undefined;
    let currency = 'EUR';
    if (setting !== undefined) {
      const parsed = JSON.parse(setting.value) as unknown;
      if (typeof parsed === 'string' && /^[A-Z]{3}$/.test(parsed)) currency = parsed;
    }
    db.exec(`
      CREATE TABLE accounts (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
        institution TEXT NOT NULL DEFAULT '',
        currency    TEXT NOT NULL,
        kind        TEXT NOT NULL DEFAULT 'broker' CHECK (kind IN ('broker', 'bank', 'pension', 'other')),
        tracks_cash INTEGER NOT NULL DEFAULT 1 CHECK (tracks_cash IN (0, 1)),
        note        TEXT NOT NULL DEFAULT '',
        is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE UNIQUE INDEX accounts_one_default ON accounts(is_default) WHERE is_default = 1;
    `);
    db.prepare(`INSERT INTO accounts (id, name, currency, kind, tracks_cash, is_default) VALUES (1, 'Portfolio', ?, 'broker', 0, 1)`).run(currency);

    // Renamed first and copied back, so the new table is created under its own name.
    db.exec(`
      ALTER TABLE transactions RENAME TO transactions_before_accounts;
      DROP INDEX transactions_security_date;
      DROP INDEX transactions_external_id;
      CREATE TABLE transactions (
        id                 INTEGER PRIMARY KEY,
        account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        security_id        INTEGER NOT NULL REFERENCES securities(id) ON DELETE RESTRICT,
        type               TEXT NOT NULL CHECK (type IN ('buy', 'sell', 'dividend', 'split', 'fee', 'transfer-out', 'transfer-in')),
        date               TEXT NOT NULL,
        quantity           REAL NOT NULL,
        price              REAL NOT NULL,
        currency           TEXT NOT NULL,
        fees               REAL NOT NULL DEFAULT 0,
        taxes              REAL NOT NULL DEFAULT 0,
        split_from         REAL,
        split_to           REAL,
        counter_account_id INTEGER REFERENCES accounts(id) ON DELETE RESTRICT,
        note               TEXT NOT NULL DEFAULT '',
        external_id        TEXT,
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      INSERT INTO transactions (id, account_id, security_id, type, date, quantity, price, currency, fees, taxes,
                                    split_from, split_to, note, external_id, created_at)
        SELECT id, 1, security_id, type, date, quantity, price, currency, fees, 0, split_from, split_to, note, external_id, created_at
        FROM transactions_before_accounts;
      DROP TABLE transactions_before_accounts;
      CREATE INDEX transactions_security_date ON transactions(security_id, date);
      CREATE INDEX transactions_account ON transactions(account_id);
      CREATE UNIQUE INDEX transactions_external_id ON transactions(security_id, external_id) WHERE external_id IS NOT NULL;

      CREATE TABLE cash_transactions (
        id                 INTEGER PRIMARY KEY,
        account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        type               TEXT NOT NULL CHECK (type IN ('deposit', 'withdrawal', 'interest', 'fee', 'tax', 'refund',
                                                         'exchange', 'transfer-out', 'transfer-in')),
        date               TEXT NOT NULL,           -- YYYY-MM-DD
        amount             TEXT NOT NULL,           -- exact decimal, > 0; the type gives the direction
        currency           TEXT NOT NULL,
        counter_amount     TEXT,                    -- exchange: what came in, exact decimal
        counter_currency   TEXT,
        counter_account_id INTEGER REFERENCES accounts(id) ON DELETE RESTRICT,  -- transfers
        security_id        INTEGER REFERENCES securities(id) ON DELETE SET NULL, -- a fee/tax/interest line about one security
        note               TEXT NOT NULL DEFAULT '',
        external_id        TEXT,
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX cash_transactions_account_date ON cash_transactions(account_id, date);
      CREATE INDEX cash_transactions_counter ON cash_transactions(counter_account_id) WHERE counter_account_id IS NOT NULL;
      CREATE UNIQUE INDEX cash_transactions_external_id ON cash_transactions(account_id, external_id) WHERE external_id IS NOT NULL;
    `);
  },
};
