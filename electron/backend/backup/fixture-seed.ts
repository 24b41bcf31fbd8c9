import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../db/database';

import { FIXTURES_DIR as FIXTURES } from '../../../test-support/fixtures';

/** The team's read-only fixture folder (real public files). Used by tests only. */
export { FIXTURES };

const EPOCH = Date.UTC(1970, 0, 1);
export function epochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - EPOCH) / 86_400_000;
}

/** Splits one CSV line with RFC 4180 quotes (enough for the fixtures used here). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Real data for backup, restore, export and crash tests: NVDA with its 1,009
 * daily bars from prices/stooq_nvda_us_d.csv and 99 headlines from
 * news/headlines_NVDA_date-headline.csv. Returns the NVDA security id.
 */
export function seedFromFixtures(db: DatabaseSync): number {
  return inTransaction(db, () => {
    const { lastInsertRowid } = db
      .prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('NVDA', 'NVIDIA Corp.', 'NASDAQ', 'USD', 'stock')")
      .run();
    const id = Number(lastInsertRowid);
    const bar = db.prepare('INSERT INTO price_bars (security_id, day, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const prices = readFileSync(resolve(FIXTURES, 'prices', 'stooq_nvda_us_d.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    for (const line of prices) {
      const [date = '', open, high, low, close, volume] = line.split(',');
      bar.run(id, epochDay(date), Number(open), Number(high), Number(low), Number(close), Number(volume));
    }
    const news = db.prepare('INSERT INTO news_events (dedupe_key, date, headline, source) VALUES (?, ?, ?, ?)');
    const headlines = readFileSync(resolve(FIXTURES, 'news', 'headlines_NVDA_date-headline.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    headlines.forEach((line, i) => {
      const [date = '', headline = ''] = csvFields(line);
      news.run(`fixture-${i}`, date, headline, 'headlines_NVDA_date-headline.csv');
    });
    return id;
  });
}

/** Every row of every user table, for "nothing changed" comparisons. */
export function snapshotContent(db: DatabaseSync): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}
