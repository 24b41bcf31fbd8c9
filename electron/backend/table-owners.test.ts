import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One store per table: a table's name appears in SQL only inside the store that
 * owns it (and in the migrations that create it). Everything else calls that
 * store. A new table gets its owner here in the same change as its migration.
 */
const OWNERS: Record<string, string> = {
  settings: 'settings/store.ts',
  issuers: 'securities/store.ts',
  securities: 'securities/store.ts',
  transactions: 'transactions/store.ts',
  price_series: 'prices/store.ts',
  price_bars: 'prices/store.ts',
  import_mappings: 'prices/store.ts',
  news_events: 'news/store.ts',
  event_links: 'news/store.ts',
  event_claims: 'news/store.ts',
  accounts: 'accounts/store.ts',
  cash_transactions: 'cash/store.ts',
};

const BACKEND = join(import.meta.dirname);
const MIGRATIONS = join(BACKEND, 'db', 'migrations');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === MIGRATIONS ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Tables the migrations create. */
function createdTables(): string[] {
  const text = readdirSync(MIGRATIONS)
    .map((name) => readFileSync(join(MIGRATIONS, name), 'utf8'))
    .join('\n');
  return [...text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/g)].map((m) => m[1]!);
}

/**
 * Tables a source names in SQL: after an upper-case SQL keyword that takes a
 * table (the codebase writes SQL keywords in capitals, so prose such as
 * "read from securities" in a comment does not count).
 */
function tablesInSql(source: string, tables: readonly string[]): Set<string> {
  const keyword = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS|REFERENCES)\s+"?(\w+)"?/g;
  const found = new Set<string>();
  for (const m of source.matchAll(keyword)) if (tables.includes(m[1]!)) found.add(m[1]!);
  return found;
}

const posix = (path: string): string => relative(BACKEND, path).split(sep).join('/');

describe('table ownership', () => {
  const tables = createdTables();

  it('finds the tables and SQL it checks (so it can fail)', () => {
    expect(tables).toEqual(expect.arrayContaining(['settings', 'securities', 'transactions', 'price_bars', 'news_events']));
    expect([...tablesInSql("db.prepare('SELECT id FROM securities s JOIN price_bars b ON b.security_id = s.id')", tables)]).toEqual([
      'securities',
      'price_bars',
    ]);
    expect([...tablesInSql('// the price from securities and transactions', tables)]).toEqual([]);
  });

  it('gives every table a store', () => {
    const unowned = tables.filter((t) => OWNERS[t] === undefined);
    expect(unowned, 'add the new table with its store to OWNERS in electron/backend/table-owners.test.ts').toEqual([]);
  });

  it("has each owner store hold its table's SQL", () => {
    for (const [table, owner] of Object.entries(OWNERS)) {
      expect(tablesInSql(readFileSync(join(BACKEND, owner), 'utf8'), [table]).has(table), `${owner} should own ${table}`).toBe(true);
    }
  });

  it('names a table in SQL only inside its owner store', () => {
    const trespass: string[] = [];
    for (const file of sourceFiles(BACKEND)) {
      const path = posix(file);
      for (const table of tablesInSql(readFileSync(file, 'utf8'), tables)) {
        if (OWNERS[table] !== path) trespass.push(`${path}: ${table} (owned by ${OWNERS[table] ?? 'nobody'})`);
      }
    }
    expect(trespass).toEqual([]);
  });
});
