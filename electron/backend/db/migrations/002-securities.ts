import type { Migration } from './migration';

/**
 * Issuers own the names news uses; securities are their listings. A listing's
 * benchmark (e.g. ^HSI for 9988.HK) drives abnormal returns in event impact.
 */
export const securitiesMigration: Migration = {
  version: 2,
  name: 'securities',
  up(db) {
    db.exec(`
      CREATE TABLE issuers (
        id      TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'  -- JSON array of strings
      ) STRICT;

      CREATE TABLE securities (
        id              INTEGER PRIMARY KEY,
        symbol          TEXT NOT NULL COLLATE NOCASE UNIQUE,
        name            TEXT NOT NULL,
        exchange        TEXT NOT NULL,
        currency        TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('stock', 'etf', 'index', 'fx', 'fund', 'crypto')),
        isin            TEXT,
        issuer_id       TEXT REFERENCES issuers(id) ON DELETE SET NULL,
        shares_per_unit REAL NOT NULL DEFAULT 1 CHECK (shares_per_unit > 0),
        aliases         TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
        benchmark_id    INTEGER REFERENCES securities(id) ON DELETE SET NULL,
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX securities_issuer ON securities(issuer_id);
    `);
  },
};
