import { fold } from './fold';
import type { ParsedNewsItem } from './news-event';

/**
 * The same story arrives from several imports: a feed today, a CSV export
 * tomorrow. The URL identifies it best once tracking noise is removed; without
 * one, the day plus the headline as a reader would compare it.
 */
const TRACKING = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|taid|at_medium|at_campaign|yclid|mkt_tok)$/i;

export function normalizeNewsUrl(raw: string): string | null {
  const m = /^\s*(https?):\/\/([^/?#]+)([^?#]*)(\?[^#]*)?(#.*)?\s*$/i.exec(raw);
  if (!m) return null;
  const host = (m[2] ?? '').toLowerCase().replace(/:(80|443)$/, '');
  const path = (m[3] ?? '').replace(/\/+$/, '');
  const query = (m[4] ?? '')
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !TRACKING.test(p.split('=')[0] ?? ''))
    .sort();
  // Scheme is dropped: http and https copies of one page are one story.
  return `${host}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

export function normalizeHeadline(headline: string): string {
  return fold(headline)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function newsDedupeKey(item: Pick<ParsedNewsItem, 'url' | 'date' | 'headline'>): string {
  const url = item.url === null ? null : normalizeNewsUrl(item.url);
  return url !== null ? `url:${url}` : `headline:${item.date}:${normalizeHeadline(item.headline)}`;
}
