import type { Migration } from './migration';

/**
 * News events with their links to securities. A link the user removed is kept
 * with state 'removed' so a re-import does not bring it back.
 */
export const newsMigration: Migration = {
  version: 5,
  name: 'news',
  up(db) {
    db.exec(`
      CREATE TABLE news_events (
        id          INTEGER PRIMARY KEY,
        dedupe_key  TEXT NOT NULL UNIQUE,
        date        TEXT NOT NULL,          -- publication calendar day in time_zone
        time        TEXT,                   -- HH:MM when known
        time_zone   TEXT,                   -- IANA zone or ±HH:MM offset of publication
        headline    TEXT NOT NULL,
        summary     TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL DEFAULT '',
        source      TEXT NOT NULL DEFAULT '',
        url         TEXT,
        language    TEXT,
        label       TEXT,                   -- e.g. 'Anzeige' (sponsored)
        tags        TEXT NOT NULL DEFAULT '[]',
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX news_events_date ON news_events(date);

      CREATE TABLE event_links (
        event_id    INTEGER NOT NULL REFERENCES news_events(id) ON DELETE CASCADE,
        security_id INTEGER NOT NULL REFERENCES securities(id) ON DELETE CASCADE,
        origin      TEXT NOT NULL CHECK (origin IN ('auto', 'user')),
        state       TEXT NOT NULL CHECK (state IN ('linked', 'removed')),
        reasons     TEXT NOT NULL DEFAULT '[]',  -- JSON: why the link was made
        PRIMARY KEY (event_id, security_id)
      ) STRICT;
      CREATE INDEX event_links_security ON event_links(security_id);

      CREATE TABLE event_claims (
        id          INTEGER PRIMARY KEY,
        event_id    INTEGER NOT NULL REFERENCES news_events(id) ON DELETE CASCADE,
        security_id INTEGER NOT NULL REFERENCES securities(id) ON DELETE CASCADE,
        direction   TEXT NOT NULL CHECK (direction IN ('up', 'down')),
        percent     REAL NOT NULL,
        qualifier   TEXT NOT NULL,
        horizon     TEXT NOT NULL,
        text        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX event_claims_event ON event_claims(event_id);
    `);
  },
};
