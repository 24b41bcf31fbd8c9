import type { Migration } from './migration';

/**
 * Daily bars keyed by (security, epoch day) in a WITHOUT ROWID table, so a
 * series is stored in date order and a range read is one index scan.
 */
export const pricesMigration: Migration = {
  version: 4,
  name: 'prices',
  up(db) {
    db.exec(`
      CREATE TABLE price_series (
        security_id  INTEGER PRIMARY KEY REFERENCES securities(id) ON DELETE CASCADE,
        adjustment   TEXT NOT NULL DEFAULT 'unknown' CHECK (adjustment IN ('split', 'split+dividend', 'none', 'unknown')),
        close_column TEXT,                  -- which column of the source file became 'close'
        source       TEXT,                  -- last imported file name
        updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE price_bars (
        security_id INTEGER NOT NULL REFERENCES securities(id) ON DELETE CASCADE,
        day         INTEGER NOT NULL,       -- days since 1970-01-01 of the exchange's calendar day
        open        REAL,
        high        REAL,
        low         REAL,
        close       REAL NOT NULL,
        adj_close   REAL,
        volume      REAL,
        PRIMARY KEY (security_id, day)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_mappings (
        shape_key  TEXT PRIMARY KEY,        -- normalized header of a file shape
        kind       TEXT NOT NULL,           -- 'prices' | 'news' | 'transactions'
        mapping    TEXT NOT NULL,           -- JSON of the confirmed mapping
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
