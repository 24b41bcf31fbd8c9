import { CATALOGUE_ISSUERS, CATALOGUE_SECURITIES } from './catalogue';
import type { Issuer, NewSecurity } from './security';

export interface CatalogueMatch {
  security: NewSecurity;
  issuer: Issuer | null;
  /** Higher is better: exact symbol 100, exact name 90, symbol prefix 80, name prefix 70, word prefix 60, substring 40. */
  score: number;
  /** The symbol, name or alias that matched, as written in the catalogue. */
  matched: string;
}

/**
 * Folds what users type and what news writes into one comparable form: full-width
 * characters (ＪＤ, ＡＬＩ from Chinese IMEs) become ASCII via NFKC, accents are dropped
 * ("Börse" = "borse"; German "ß" = "ss"), and case is ignored.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim();
}

/** Also compare without punctuation and spaces, so "jdcom" finds "JD.com" and "eon" finds "E.ON". */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Texts with their normalized form, compared many times. */
type Searchable = readonly { raw: string; norm: string }[];

const searchable = (texts: readonly string[]): Searchable => texts.map((raw) => ({ raw, norm: normalizeForSearch(raw) }));

interface Entry {
  security: NewSecurity;
  issuer: Issuer | null;
  symbols: Searchable;
  names: Searchable;
}

const issuersById = new Map(CATALOGUE_ISSUERS.map((i) => [i.id, i]));

const entries: Entry[] = CATALOGUE_SECURITIES.map((security) => {
  const issuer = security.issuerId ? (issuersById.get(security.issuerId) ?? null) : null;
  const names = [security.name, ...security.aliases, ...(issuer ? [issuer.name, ...issuer.aliases] : [])];
  return {
    security,
    issuer,
    symbols: searchable([security.symbol]),
    names: searchable(names),
  };
});

function scoreText(query: string, text: string, exact: number, prefix: number): number {
  if (text === query) return exact;
  if (text.startsWith(query)) return prefix;
  if (new RegExp(`[^\\p{L}\\p{N}]${escapeRegExp(query)}`, 'u').test(text)) return 60;
  if (text.includes(query)) return 40;
  const q = compact(query);
  const t = compact(text);
  if (q.length === 0) return 0;
  if (t === q) return exact - 5;
  if (t.startsWith(q)) return prefix - 5;
  return t.includes(q) ? 35 : 0;
}

/** The best-scoring symbol or name for a normalized query; symbols score above names (exact 100 vs 90, prefix 80 vs 70). */
function bestMatch(q: string, symbols: Searchable, names: Searchable): { score: number; matched: string } | null {
  let best = 0;
  let matched = '';
  for (const s of symbols) {
    const score = scoreText(q, s.norm, 100, 80);
    if (score > best) [best, matched] = [score, s.raw];
  }
  for (const n of names) {
    const score = scoreText(q, n.norm, 90, 70);
    if (score > best) [best, matched] = [score, n.raw];
  }
  return best > 0 ? { score: best, matched } : null;
}

/**
 * How well a stored listing (its symbol, and its names, aliases and issuer's names)
 * matches what the user typed, on the same ladder as the catalogue; null when it does not.
 */
export function matchListing(query: string, listing: { symbol: string; names: readonly string[] }): { score: number; matched: string } | null {
  const q = normalizeForSearch(query);
  if (q.length === 0) return null;
  return bestMatch(q, searchable([listing.symbol]), searchable(listing.names));
}

/**
 * Catalogue listings for a search box, best first. Name aliases belong to the issuer, so
 * "阿里巴巴" finds both 9988.HK and BABA. Ties keep catalogue order (home listing first).
 */
export function searchCatalogue(query: string, limit = 10): CatalogueMatch[] {
  const q = normalizeForSearch(query);
  if (q.length === 0 || limit <= 0) return [];
  const matches: (CatalogueMatch & { order: number })[] = [];
  entries.forEach((entry, order) => {
    const best = bestMatch(q, entry.symbols, entry.names);
    if (best !== null) matches.push({ security: entry.security, issuer: entry.issuer, ...best, order });
  });
  matches.sort((a, b) => b.score - a.score || a.order - b.order);
  return matches.slice(0, limit).map(({ order: _order, ...match }) => match);
}

/** Every catalogue listing of an issuer, home listing first: 'alibaba' → 9988.HK, BABA. */
export function listingsOfIssuer(issuerId: string): NewSecurity[] {
  return CATALOGUE_SECURITIES.filter((s) => s.issuerId === issuerId);
}

export function catalogueIssuer(issuerId: string): Issuer | null {
  return issuersById.get(issuerId) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
