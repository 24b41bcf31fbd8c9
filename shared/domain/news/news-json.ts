import { keyedText } from '../common/errors';
import { fold } from './fold';
import { htmlToText } from './html-text';
import { detectLanguage, normalizeLanguageTag } from './language';
import { tagsForLabel } from './labels';
import type { NewsParseError, NewsParseResult, ParsedNewsItem } from './news-event';
import { parseTimestamp } from './published-at';
import { leadSentences } from './sentences';
import { splitTickers } from './file-tickers';

/**
 * News from JSON APIs and exports: an array of objects, or an object wrapping
 * one ({ articles: [...] }, { items: [...] }, { data: [...] }). Keys differ per
 * API, so each field is looked up under the names APIs commonly use.
 */
const KEYS = {
  date: ['date', 'published', 'publishedat', 'published_at', 'publishdate', 'pubdate', 'datetime', 'time', 'timestamp', 'providerpublishtime', 'created_at', 'createdat'],
  headline: ['title', 'headline', 'name'],
  summary: ['summary', 'description', 'abstract', 'teaser', 'snippet', 'excerpt'],
  body: ['body', 'content', 'text', 'article', 'fulltext'],
  source: ['source', 'publisher', 'site', 'provider'],
  url: ['url', 'link', 'href', 'articleurl'],
  tickers: ['tickers', 'symbols', 'ticker', 'symbol', 'relatedtickers', 'stocks'],
  language: ['language', 'lang', 'locale'],
  label: ['label', 'kind'],
} as const;

const WRAPPERS = ['articles', 'items', 'data', 'news', 'results', 'feed', 'entries'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lookup(obj: Record<string, Json>, names: readonly string[]): Json | undefined {
  const byKey = new Map(Object.keys(obj).map((k) => [fold(k).replace(/[^a-z0-9_]/g, ''), k]));
  for (const n of names) {
    const key = byKey.get(n) ?? byKey.get(n.replace(/_/g, ''));
    if (key !== undefined && obj[key] !== null && obj[key] !== undefined) return obj[key];
  }
  return undefined;
}

/** A string out of a value that may be nested ({ source: { name: 'Reuters' } }). */
function asText(v: Json | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return asText(lookup(v, ['name', 'title', 'id', 'href', 'url']));
  return '';
}

function asTickers(v: Json | undefined): string[] {
  if (typeof v === 'string') return splitTickers(v);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? splitTickers(x) : isObject(x) ? splitTickers(asText(lookup(x, ['symbol', 'ticker']))) : []));
  return [];
}

function plain(s: string): string {
  return /<[a-z][\s\S]*>/i.test(s) ? htmlToText(s) : s;
}

export function parseNewsJson(text: string): NewsParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split('\n').length;
    return { items: [], errors: [{ line, itemIndex: null, field: null, ...(line === null ? keyedText('errors:newsParse.jsonInvalid') : keyedText('errors:newsParse.jsonInvalidAt', { line })) }] };
  }
  let list: unknown = data;
  if (isObject(data)) {
    const wrapper = WRAPPERS.find((w) => Array.isArray(lookup(data, [w])));
    list = wrapper === undefined ? [data] : lookup(data, [wrapper]);
  }
  if (!Array.isArray(list)) {
    return { items: [], errors: [{ line: null, itemIndex: null, field: null, ...keyedText('errors:newsParse.jsonNoList') }] };
  }
  const items: ParsedNewsItem[] = [];
  const errors: NewsParseError[] = [];
  list.forEach((entry: unknown, itemIndex) => {
    if (!isObject(entry)) {
      errors.push({ line: null, itemIndex, field: null, ...keyedText('errors:newsParse.jsonNotObject', { item: itemIndex + 1 }) });
      return;
    }
    const rawDate = lookup(entry, KEYS.date);
    const published = typeof rawDate === 'number' || typeof rawDate === 'string' ? parseTimestamp(rawDate) : null;
    const headline = plain(asText(lookup(entry, KEYS.headline)));
    if (published === null) {
      errors.push({ line: null, itemIndex, field: 'date', ...keyedText('errors:newsParse.jsonNoDate', { item: itemIndex + 1 }) });
      return;
    }
    if (headline === '') {
      errors.push({ line: null, itemIndex, field: 'headline', ...keyedText('errors:newsParse.jsonNoTitle', { item: itemIndex + 1 }) });
      return;
    }
    const body = plain(asText(lookup(entry, KEYS.body)));
    const summary = plain(asText(lookup(entry, KEYS.summary))) || leadSentences(body);
    const url = asText(lookup(entry, KEYS.url));
    const label = asText(lookup(entry, KEYS.label)) || null;
    items.push({
      ...published,
      headline,
      summary,
      body,
      source: asText(lookup(entry, KEYS.source)) || 'JSON import',
      url: url === '' ? null : url,
      language: detectLanguage(`${headline}\n${summary}\n${body}`, normalizeLanguageTag(asText(lookup(entry, KEYS.language)))),
      label,
      tags: tagsForLabel(label),
      tickers: asTickers(lookup(entry, KEYS.tickers)),
      line: null,
      itemIndex,
    });
  });
  if (list.length === 0) errors.push({ line: null, itemIndex: null, field: null, ...keyedText('errors:newsParse.jsonEmpty') });
  return { items, errors };
}
