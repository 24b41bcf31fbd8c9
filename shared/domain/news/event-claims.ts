import { extractClaims, type PriceClaim } from './claims';
import type { LinkField, LinkReason, SecurityLink } from './link';

/** The parts of a news event that claims are read from. */
export interface ClaimSource {
  headline: string;
  summary: string;
  body: string;
}

/** The text claims are read from: the headline, a summary the body does not repeat, the body. Lines separate topics. */
export function claimText(record: ClaimSource): string {
  const parts = [record.headline];
  if (record.summary !== '' && !record.body.includes(record.summary)) parts.push(record.summary);
  if (record.body !== '') parts.push(record.body);
  return parts.join('\n');
}

/** The moves the text states about the linked securities; a move repeated (headline and body) counts once. */
export function claimsFor(record: ClaimSource, links: SecurityLink[]): PriceClaim[] {
  const seen = new Set<string>();
  return extractClaims(claimText(record), links).filter((c) => {
    const key = `${c.securityId}|${c.direction}|${c.percent}|${c.qualifier}|${c.horizon}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What ordering a link needs: whether it is shown as linked, why, and its symbol. */
export interface OrderedLink {
  state: 'linked' | 'removed';
  reasons: readonly Pick<LinkReason, 'field' | 'index'>[];
  symbol: string;
}

const FIELD_ORDER: readonly LinkField[] = ['headline', 'summary', 'body', 'tickers'];

/**
 * Linked before removed; then by where the first reason stands in the text
 * (headline first, earlier offset first), links with a reason before those
 * without; then by symbol.
 */
export function compareLinks(a: OrderedLink, b: OrderedLink): number {
  if (a.state !== b.state) return a.state === 'linked' ? -1 : 1;
  const ra = a.reasons[0];
  const rb = b.reasons[0];
  if (ra && rb) {
    const byPlace = FIELD_ORDER.indexOf(ra.field) - FIELD_ORDER.indexOf(rb.field) || ra.index - rb.index;
    if (byPlace !== 0) return byPlace;
  } else if (ra || rb) return ra ? -1 : 1;
  return a.symbol.localeCompare(b.symbol);
}
