import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { localizedError } from '@shared/domain/common/errors';
import { catalogueIssuer } from '@shared/domain/securities/search';
import { CATALOGUE_SECURITIES } from '@shared/domain/securities/catalogue';
import type { Issuer, NewSecurity, Security, SecurityKind } from '@shared/domain/securities/security';

/**
 * Plain SQL access to the `securities` and `issuers` tables. Other features (prices
 * import, news linking, charts) read securities through these helpers, so the
 * row ↔ object mapping lives in one place.
 */

/** A stored listing: the domain Security plus the benchmark it is compared against. */
export interface StoredSecurity extends Security {
  /** Another security (an index such as ^HSI) used as this listing's benchmark, or null. */
  benchmarkId: number | null;
}

/** What news linking needs per listing (shared/domain/news LinkCandidate). */
export interface LinkCandidateRow {
  securityId: number;
  symbol: string;
  issuerId: string | null;
  /** Listing name, issuer name and every alias of both, without duplicates. */
  names: string[];
}

interface SecurityRow {
  id: number;
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  kind: string;
  isin: string | null;
  issuer_id: string | null;
  shares_per_unit: number;
  aliases: string;
  benchmark_id: number | null;
}

const COLUMNS = 'id, symbol, name, exchange, currency, kind, isin, issuer_id, shares_per_unit, aliases, benchmark_id';

function parseAliases(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function fromRow(row: SecurityRow): StoredSecurity {
  return {
    id: row.id,
    symbol: row.symbol,
    name: row.name,
    exchange: row.exchange,
    currency: row.currency,
    kind: row.kind as SecurityKind,
    isin: row.isin,
    issuerId: row.issuer_id,
    sharesPerUnit: row.shares_per_unit,
    aliases: parseAliases(row.aliases),
    benchmarkId: row.benchmark_id,
  };
}

export function getSecurity(db: DatabaseSync, id: number): StoredSecurity | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM securities WHERE id = ?`).get(id) as SecurityRow | undefined;
  return row ? fromRow(row) : null;
}

/** Like getSecurity, but a missing id is a NOT_FOUND AppError with a readable message. */
export function requireSecurity(db: DatabaseSync, id: number): StoredSecurity {
  const security = getSecurity(db, id);
  if (security === null) throw localizedError('NOT_FOUND', 'errors:securities.notFound', { id }, { securityId: id });
  return security;
}

/** Every stored security, by symbol. */
export function listSecurities(db: DatabaseSync): StoredSecurity[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM securities ORDER BY symbol COLLATE NOCASE`).all() as unknown as SecurityRow[];
  return rows.map(fromRow);
}

/** Case-insensitive exact symbol match ('9988.hk' finds 9988.HK). */
export function findBySymbol(db: DatabaseSync, symbol: string): StoredSecurity | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM securities WHERE symbol = ? COLLATE NOCASE`).get(symbol.trim()) as
    | SecurityRow
    | undefined;
  return row ? fromRow(row) : null;
}

export function findByIsin(db: DatabaseSync, isin: string): StoredSecurity | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM securities WHERE isin = ? ORDER BY id LIMIT 1`).get(isin.trim().toUpperCase()) as
    | SecurityRow
    | undefined;
  return row ? fromRow(row) : null;
}

export function getIssuer(db: DatabaseSync, id: string): Issuer | null {
  const row = db.prepare('SELECT id, name, aliases FROM issuers WHERE id = ?').get(id) as
    | { id: string; name: string; aliases: string }
    | undefined;
  return row ? { id: row.id, name: row.name, aliases: parseAliases(row.aliases) } : null;
}

/** Inserts or updates an issuer; existing aliases are kept and the new ones added. */
export function upsertIssuer(db: DatabaseSync, issuer: Issuer): void {
  const existing = getIssuer(db, issuer.id);
  const aliases = uniqueStrings([...(existing?.aliases ?? []), ...issuer.aliases]);
  db.prepare(
    'INSERT INTO issuers (id, name, aliases) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases',
  ).run(issuer.id, issuer.name, JSON.stringify(aliases));
}

/** The catalogue entry for a symbol (case-insensitive), or null. */
export function catalogueEntry(symbol: string): NewSecurity | null {
  const wanted = symbol.trim().toUpperCase();
  return CATALOGUE_SECURITIES.find((s) => s.symbol.toUpperCase() === wanted) ?? null;
}

export function findCatalogueByIsin(isin: string): NewSecurity | null {
  const wanted = isin.trim().toUpperCase();
  return CATALOGUE_SECURITIES.find((s) => s.isin === wanted) ?? null;
}

/** Inserts a new security (its issuer must exist or be null) and returns it. */
export function insertSecurity(db: DatabaseSync, security: NewSecurity, benchmarkId: number | null = null): StoredSecurity {
  if (findBySymbol(db, security.symbol) !== null) {
    throw localizedError('CONFLICT', 'errors:securities.alreadyListed', { symbol: security.symbol }, { field: 'symbol' });
  }
  const result = db
    .prepare(
      `INSERT INTO securities (symbol, name, exchange, currency, kind, isin, issuer_id, shares_per_unit, aliases, benchmark_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      security.symbol.trim(),
      security.name.trim(),
      security.exchange,
      security.currency,
      security.kind,
      security.isin,
      security.issuerId,
      security.sharesPerUnit,
      JSON.stringify(uniqueStrings(security.aliases)),
      benchmarkId,
    );
  return requireSecurity(db, Number(result.lastInsertRowid));
}

/**
 * The stored security for a catalogue symbol, adding it (and upserting its issuer with
 * aliases) when it is not stored yet. Returns null when the symbol is in neither.
 * Hong Kong listings get ^HSI as benchmark when ^HSI is stored; US ones ^GSPC; Xetra ^GDAXI.
 */
export function ensureSecurityFromCatalogue(db: DatabaseSync, symbol: string): StoredSecurity | null {
  const stored = findBySymbol(db, symbol);
  if (stored !== null) return stored;
  const entry = catalogueEntry(symbol);
  if (entry === null) return null;
  if (entry.issuerId !== null) {
    const issuer = catalogueIssuer(entry.issuerId);
    if (issuer !== null) upsertIssuer(db, issuer);
  }
  const benchmark = defaultBenchmarkSymbol(entry);
  const benchmarkId = benchmark === null ? null : (findBySymbol(db, benchmark)?.id ?? null);
  return insertSecurity(db, entry, benchmarkId);
}

/** The index a listing is usually compared with, by exchange; null for indices and FX. */
export function defaultBenchmarkSymbol(security: Pick<NewSecurity, 'exchange' | 'kind'>): string | null {
  if (security.kind === 'index' || security.kind === 'fx') return null;
  switch (security.exchange) {
    case 'HKEX':
      return '^HSI';
    case 'NYSE':
    case 'NASDAQ':
    case 'OTC':
      return '^GSPC';
    case 'XETRA':
      return '^GDAXI';
    default:
      return null;
  }
}

/** Listing name, issuer name and all aliases of every stored security, for news linking. */
export function linkCandidates(db: DatabaseSync): LinkCandidateRow[] {
  const issuers = new Map<string, Issuer>();
  const rows = db.prepare('SELECT id, name, aliases FROM issuers').all() as { id: string; name: string; aliases: string }[];
  for (const row of rows) issuers.set(row.id, { id: row.id, name: row.name, aliases: parseAliases(row.aliases) });
  return listSecurities(db).map((s) => {
    const issuer = s.issuerId === null ? undefined : issuers.get(s.issuerId);
    return {
      securityId: s.id,
      symbol: s.symbol,
      issuerId: s.issuerId,
      names: uniqueStrings([s.name, ...s.aliases, ...(issuer ? [issuer.name, ...issuer.aliases] : [])]),
    };
  });
}

/** All stored listings of one issuer, home listing (smallest id) first. */
export function listingsOf(db: DatabaseSync, issuerId: string): StoredSecurity[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM securities WHERE issuer_id = ? ORDER BY id`).all(issuerId) as unknown as SecurityRow[];
  return rows.map(fromRow);
}

/** Updates the given columns of one security. */
export function updateSecurityRow(
  db: DatabaseSync,
  id: number,
  patch: Partial<Omit<StoredSecurity, 'id'>>,
): StoredSecurity {
  requireSecurity(db, id);
  const sets: string[] = [];
  const values: SQLInputValue[] = [];
  const column: Record<keyof Omit<StoredSecurity, 'id'>, string> = {
    symbol: 'symbol',
    name: 'name',
    exchange: 'exchange',
    currency: 'currency',
    kind: 'kind',
    isin: 'isin',
    issuerId: 'issuer_id',
    sharesPerUnit: 'shares_per_unit',
    aliases: 'aliases',
    benchmarkId: 'benchmark_id',
  };
  for (const key of Object.keys(column) as (keyof typeof column)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${column[key]} = ?`);
    values.push(key === 'aliases' ? JSON.stringify(uniqueStrings(value as string[])) : (value as SQLInputValue));
  }
  if (sets.length > 0) db.prepare(`UPDATE securities SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return requireSecurity(db, id);
}

/** Deletes securities (their bars, series and links go with them by foreign key); benchmarks pointing at them are cleared. */
export function deleteSecurities(db: DatabaseSync, ids: readonly number[]): void {
  const clearBenchmark = db.prepare('UPDATE securities SET benchmark_id = NULL WHERE benchmark_id = ?');
  const del = db.prepare('DELETE FROM securities WHERE id = ?');
  for (const id of ids) clearBenchmark.run(id);
  for (const id of ids) del.run(id);
}

/** Stored securities whose symbol starts with `prefix` (case-insensitive), e.g. the sample data's DEMO-. */
export function securitiesWithPrefix(db: DatabaseSync, prefix: string): StoredSecurity[] {
  const wanted = prefix.toUpperCase();
  return listSecurities(db).filter((s) => s.symbol.toUpperCase().startsWith(wanted));
}

/** Securities of one kind, e.g. every stored FX series ('HKDEUR=X'). */
export function securitiesOfKind(db: DatabaseSync, kind: SecurityKind): StoredSecurity[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM securities WHERE kind = ? ORDER BY id`).all(kind) as unknown as SecurityRow[];
  return rows.map(fromRow);
}

/** The id, symbol and name of each of the given securities that exists, for lists that show what a row refers to. */
export function securityNames(db: DatabaseSync, ids: Iterable<number>): Map<number, Pick<StoredSecurity, 'id' | 'symbol' | 'name' | 'issuerId'>> {
  const out = new Map<number, Pick<StoredSecurity, 'id' | 'symbol' | 'name' | 'issuerId'>>();
  const one = db.prepare('SELECT id, symbol, name, issuer_id FROM securities WHERE id = ?');
  for (const id of ids) {
    if (out.has(id)) continue;
    const row = one.get(id) as { id: number; symbol: string; name: string; issuer_id: string | null } | undefined;
    if (row) out.set(id, { id: row.id, symbol: row.symbol, name: row.name, issuerId: row.issuer_id });
  }
  return out;
}

/** The first of `symbols` already stored (exact spelling, in table order), or null. */
export function firstStoredSymbol(db: DatabaseSync, symbols: readonly string[]): string | null {
  if (symbols.length === 0) return null;
  const row = db.prepare(`SELECT symbol FROM securities WHERE symbol IN (${symbols.map(() => '?').join(', ')})`).get(...symbols) as
    | { symbol: string }
    | undefined;
  return row?.symbol ?? null;
}

/** Id, symbol and name of every stored security, in symbol order (binary, as SQLite sorts by default). */
export function allSecurityNames(db: DatabaseSync): Pick<StoredSecurity, 'id' | 'symbol' | 'name'>[] {
  return db.prepare('SELECT id, symbol, name FROM securities ORDER BY symbol').all() as Pick<StoredSecurity, 'id' | 'symbol' | 'name'>[];
}

/** Ids of the securities whose symbol or name contains `text` (case-insensitive, as SQL LIKE), for news search. */
export function securityIdsMatching(db: DatabaseSync, text: string): number[] {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db.prepare("SELECT id FROM securities WHERE symbol LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'").all(like, like) as { id: number }[];
  return rows.map((r) => r.id);
}

function uniqueStrings(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v === '' || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}
