import type { EventClaim, EventLink, LinkReason } from '@shared/api/news';
import { SAVED_ARTICLE_SOURCE } from '@shared/domain/news/article-text';
import { i18n } from '@renderer/i18n/i18n';
import { formatDate, formatPercent } from '@renderer/ui/format';

const QUALIFIER = {
  exact: null,
  'up-to': 'news:qualifier.upTo',
  'more-than': 'news:qualifier.moreThan',
  about: 'news:qualifier.about',
  'less-than': 'news:qualifier.lessThan',
} as const satisfies Record<EventClaim['qualifier'], string | null>;

/** "up to +4.8%" in the user's number format. */
export function claimPhrase(claim: Pick<EventClaim, 'direction' | 'percent' | 'qualifier'>, locale: string): string {
  const signed = (claim.direction === 'up' ? 1 : -1) * (claim.percent / 100);
  const digits = Number.isInteger(claim.percent) ? 0 : 1;
  const qualifier = QUALIFIER[claim.qualifier];
  return `${qualifier ? i18n.t(qualifier) : ''}${formatPercent(signed, locale, digits)}`;
}

export interface ClaimGroup {
  key: string;
  claim: EventClaim;
  /** The listings the same statement is about (both listings of an issuer share one claim). */
  symbols: string[];
  names: string[];
}

/** One row per statement: "Alibaba … up to +4.8%" for 9988.HK and BABA together. */
export function groupClaims(claims: EventClaim[], links: Pick<EventLink, 'securityId' | 'name'>[]): ClaimGroup[] {
  const nameOf = new Map(links.map((l) => [l.securityId, l.name]));
  const groups = new Map<string, ClaimGroup>();
  for (const c of claims) {
    const key = `${c.direction}|${c.percent}|${c.qualifier}|${c.horizon}|${c.text}`;
    const group = groups.get(key) ?? { key, claim: c, symbols: [], names: [] };
    group.symbols.push(c.symbol);
    const name = shortName(nameOf.get(c.securityId) ?? c.symbol);
    if (!group.names.includes(name)) group.names.push(name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** "Alibaba Group Holding ADR" → "Alibaba Group Holding": the company, not the listing. */
export function shortName(name: string): string {
  return name.replace(/\s+(ADR|ADS|Class [A-Z]|Ordinary Shares)$/i, '').trim();
}

const FIELD = {
  headline: 'news:reason.inHeadline',
  summary: 'news:reason.inSummary',
  body: 'news:reason.inBody',
  tickers: 'news:reason.inTickers',
} as const satisfies Record<LinkReason['field'], string>;

/** A sponsored item whose label does not already say so ("Anzeige" does not). */
export function isSponsored(item: { tags: readonly string[]; label: string | null }): boolean {
  return item.tags.includes('sponsored') && (item.label ?? '').toLowerCase() !== 'sponsored';
}

/** Why a link was made, for people: "“Alibaba” in the headline, “JD.com” in the text (2×)". */
export function describeReasons(reasons: LinkReason[]): string {
  if (reasons.length === 0) return i18n.t('news:reason.addedByYou');
  const counts = new Map<string, number>();
  for (const r of reasons) {
    const key = i18n.t(FIELD[r.field], { text: r.text });
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (${n}×)` : text)).join(', ');
}

/** "11 Jan 2026, 09:30 (Asia/Hong_Kong)" — the publisher's own clock. */
export function eventWhen(event: { date: string; time: string | null; timeZone: string | null }, locale: string, long = false): string {
  const day = formatDate(event.date, locale, long ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : undefined);
  if (event.time === null) return day;
  return `${day}, ${event.time}${event.timeZone ? ` (${event.timeZone.replace(/_/g, ' ')})` : ''}`;
}

/** Body text as paragraphs; short lines without an end mark are the article's subheadings. */
export function bodyBlocks(body: string): { kind: 'heading' | 'paragraph'; text: string }[] {
  return body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((text) => ({ kind: text.length <= 60 && !/[.!?:…"”»)]$/.test(text) ? 'heading' : 'paragraph', text }));
}

export function isWebAddress(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

/** A source as the reader sees it: the stand-in stored for an article without a publisher ('Saved article') in the reader's language. */
export function sourceName(source: string): string {
  return source === SAVED_ARTICLE_SOURCE ? i18n.t('news:savedArticle') : source;
}
