import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../db/database';
import { insertEvent } from '../news/store';
import { insertBars } from '../prices/store';
import { insertSecurity } from '../securities/store';

import { FIXTURES_DIR as FIXTURES } from '../../../test-support/fixtures';

/** The team's read-only fixture folder (real public files). Used by tests only. */
export { FIXTURES };

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
    const { id } = insertSecurity(db, {
      symbol: 'NVDA',
      name: 'NVIDIA Corp.',
      exchange: 'NASDAQ',
      currency: 'USD',
      kind: 'stock',
      isin: null,
      issuerId: null,
      sharesPerUnit: 1,
      aliases: [],
    });
    const prices = readFileSync(resolve(FIXTURES, 'prices', 'stooq_nvda_us_d.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    insertBars(
      db,
      id,
      prices.map((line) => {
        const [date = '', open, high, low, close, volume] = line.split(',');
        return { date, open: Number(open), high: Number(high), low: Number(low), close: Number(close), volume: Number(volume) };
      }),
    );
    const headlines = readFileSync(resolve(FIXTURES, 'news', 'headlines_NVDA_date-headline.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    headlines.forEach((line, i) => {
      const [date = '', headline = ''] = csvFields(line);
      const record = { date, time: null, timeZone: null, headline, summary: '', body: '', source: 'headlines_NVDA_date-headline.csv' };
      insertEvent(db, { ...record, url: null, language: null, label: null, tags: [], tickers: [] }, `fixture-${i}`);
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
