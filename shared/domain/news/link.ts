import type { ParsedNewsItem } from './news-event';
import { findNameMentions, findSymbolMentions, nameMayOccur, symbolMayOccur, type Mention } from './mentions';

/**
 * Which listings a news item is about. Matching rules (case, accents, width,
 * word boundaries, when a bare ticker counts) are documented in mentions.ts.
 *
 * Names belong to the issuer: "Alibaba" in a story links every listing whose
 * issuerId is 'alibaba' (9988.HK and BABA), because the story moves both.
 * A ticker links only its own listing. Tickers the source itself states
 * (a tickers column, the file name) link that listing with field 'tickers'.
 */
export interface LinkCandidate {
  securityId: number;
  symbol: string;
  issuerId: string | null;
  names: string[]; // listing name, issuer name and all aliases
}

export type LinkField = 'headline' | 'summary' | 'body' | 'tickers';

export interface LinkReason {
  field: LinkField;
  text: string; // the words as they appear in the item
  index: number; // offset in that field (for 'tickers': position in the tickers list)
  via: 'name' | 'symbol' | 'stated-ticker';
  term: string; // the candidate name or symbol that matched
}

export interface SecurityLink {
  securityId: number;
  issuerId: string | null;
  reasons: LinkReason[];
}

export type Linkable = Pick<ParsedNewsItem, 'headline' | 'body'> & Partial<Pick<ParsedNewsItem, 'summary' | 'tickers'>>;

const FIELD_ORDER: LinkField[] = ['headline', 'summary', 'body', 'tickers'];

function fieldsOf(item: Linkable): [LinkField, string][] {
  const fields: [LinkField, string][] = [['headline', item.headline]];
  // Parsers often derive the summary from the body; searching it again would only repeat reasons.
  if (item.summary && !item.body.includes(item.summary)) fields.push(['summary', item.summary]);
  fields.push(['body', item.body]);
  return fields;
}

function toReason(field: LinkField, m: Mention, via: LinkReason['via'], term: string): LinkReason {
  return { field, text: m.text, index: m.index, via, term };
}

export function linkSecurities(item: Linkable, candidates: LinkCandidate[]): SecurityLink[] {
  return createLinker(candidates)(item);
}

/**
 * linkSecurities for many items against the same candidates (a feed, a relink): what depends
 * only on the candidates (issuers' listings) is worked out once, and in each item a name is
 * searched once per field however many listings share it, and only when its folded form occurs.
 */
export function createLinker(candidates: LinkCandidate[]): (item: Linkable) => SecurityLink[] {
  const byIssuer = new Map<string, LinkCandidate[]>();
  for (const c of candidates) if (c.issuerId !== null) byIssuer.set(c.issuerId, [...(byIssuer.get(c.issuerId) ?? []), c]);
  // Each distinct name gets a number, so an item remembers what it found per name in an array, not a map.
  const nameIds = new Map<string, number>();
  const plan = candidates.map((c) => ({
    c,
    listings: c.issuerId === null ? [c] : (byIssuer.get(c.issuerId) ?? [c]),
    symbol: c.symbol.toUpperCase(),
    names: c.names.map((name) => {
      let id = nameIds.get(name);
      if (id === undefined) {
        id = nameIds.size;
        nameIds.set(name, id);
      }
      return { name, id };
    }),
  }));

  return (item) => {
    const reasons = new Map<number, LinkReason[]>();
    const add = (id: number, r: LinkReason): void => {
      const list = reasons.get(id);
      if (list) list.push(r);
      else reasons.set(id, [r]);
    };
    const tickers = item.tickers ?? [];
    const stated = tickers.map((t) => t.toUpperCase());
    const fields = fieldsOf(item).map(([field, text]) => ({ field, text, names: new Array<Mention[] | undefined>(nameIds.size) }));
    const namesIn = (f: (typeof fields)[number], name: string, id: number): Mention[] => {
      let found = f.names[id];
      if (found === undefined) {
        found = nameMayOccur(f.text, name) ? findNameMentions(f.text, name) : [];
        f.names[id] = found;
      }
      return found;
    };

    for (const { c, listings, symbol, names } of plan) {
      for (const f of fields) {
        for (const { name, id } of names) {
          for (const m of namesIn(f, name, id)) for (const l of listings) add(l.securityId, toReason(f.field, m, 'name', name));
        }
        if (symbolMayOccur(f.text, c.symbol)) for (const m of findSymbolMentions(f.text, c.symbol)) add(c.securityId, toReason(f.field, m, 'symbol', c.symbol));
      }
      const position = stated.indexOf(symbol);
      if (position >= 0) add(c.securityId, { field: 'tickers', text: tickers[position] ?? c.symbol, index: position, via: 'stated-ticker', term: c.symbol });
    }

    const links: SecurityLink[] = [];
    const done = new Set<number>();
    for (const c of candidates) {
      const found = reasons.get(c.securityId);
      if (found && !done.has(c.securityId)) {
        done.add(c.securityId);
        links.push({ securityId: c.securityId, issuerId: c.issuerId, reasons: outermost(found) });
      }
    }
    return links.sort((a, b) => compareReasons(a.reasons[0], b.reasons[0]) || a.securityId - b.securityId);
  };
}

function compareReasons(a: LinkReason | undefined, b: LinkReason | undefined): number {
  if (!a || !b) return 0;
  return FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) || a.index - b.index;
}

/**
 * One reason per stretch of text: 'Alibaba Group' wins over the 'Alibaba' inside
 * it, and the same name reached through two listings of one issuer counts once.
 */
function outermost(list: LinkReason[]): LinkReason[] {
  const sorted = [...list].sort((a, b) => compareReasons(a, b) || b.text.length - a.text.length);
  const kept: LinkReason[] = [];
  for (const r of sorted) {
    const inside = kept.some((k) => k.field === r.field && (r.field === 'tickers' ? k.index === r.index : r.index >= k.index && r.index + r.text.length <= k.index + k.text.length));
    if (!inside) kept.push(r);
  }
  return kept;
}
