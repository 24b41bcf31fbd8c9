import type { Migration } from './migration';

export const transactionsMigration: Migration = {
  version: 3,
  name: 'transactions',
  up(db) {
    db.exec(`
      CREATE TABLE transactions (
        id          INTEGER PRIMARY KEY,
        security_id INTEGER NOT NULL REFERENCES securities(id) ON DELETE RESTRICT,
        type        TEXT NOT NULL CHECK (type IN ('buy', 'sell', 'dividend', 'split', 'fee')),
        date        TEXT NOT NULL,          -- YYYY-MM-DD, the exchange's calendar day
        quantity    REAL NOT NULL,
        price       REAL NOT NULL,
        currency    TEXT NOT NULL,
        fees        REAL NOT NULL DEFAULT 0,
        split_from  REAL,
        split_to    REAL,
        note        TEXT NOT NULL DEFAULT '',
        external_id TEXT,                   -- the broker's id, for re-import without duplicates
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX transactions_security_date ON transactions(security_id, date);
      CREATE UNIQUE INDEX transactions_external_id ON transactions(security_id, external_id) WHERE external_id IS NOT NULL;
    `);
  },
};
