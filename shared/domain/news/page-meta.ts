import { parseTimestamp, type PublishedAt } from './published-at';

/**
 * What a saved web page says about itself, gathered by the backend's DOM reader
 * and decided here: headline, publication time with its zone, publisher,
 * author, language and the original address. Pages disagree about where they
 * put these, so each field is taken from the most specific source that states
 * it: structured data (JSON-LD) first, then Readability's own reading of the
 * meta tags, then the remaining meta tags, then the page's <time> elements.
 */
export interface PageSignals {
  /** Readability's metadata (it reads JSON-LD, OpenGraph, Dublin Core and meta tags). */
  reader: {
    title: string | null;
    byline: string | null;
    siteName: string | null;
    publishedTime: string | null;
    lang: string | null;
    excerpt: string | null;
  };
  /** meta tags by lower-case name, property or itemprop → the first content seen. */
  metas: Record<string, string>;
  /** Text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** datetime (or content) attributes of <time> and itemprop=datePublished elements, in document order. */
  times: string[];
  /** <link rel="canonical"> href. */
  canonical: string | null;
  /** <title> text. */
  documentTitle: string;
  /** Text of the first <h1> (else <h2>): the headline of pasted HTML, which has no <title>. */
  firstHeading: string;
}

export interface PageMeta {
  headline: string;
  published: PublishedAt | null;
  /** The timestamp as the page wrote it, for the preview and tests. */
  publishedText: string | null;
  siteName: string | null;
  author: string | null;
  /** As the page declares it ('en-US'); the stored language is detected from the text with this as a hint. */
  language: string | null;
  url: string | null;
  summary: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|TechArticle|Report|WebPage)$/;

// Meta tags that carry the publication time, most specific first.
const DATE_METAS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

interface LdArticle {
  datePublished: string | null;
  headline: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v !== null && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return null;
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The first Article-like object in the page's JSON-LD blocks (top level, arrays or @graph). */
export function articleFromJsonLd(blocks: string[]): LdArticle | null {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.trim().replace(/^<!\[CDATA\[|\]\]>$/g, ''));
    } catch {
      continue; // pages ship broken JSON-LD often enough; the meta tags still count
    }
    // Breadth-first over a bounded number of nodes: JSON-LD is small, but a page could nest it without end.
    const queue: unknown[] = [data];
    for (let k = 0; k < queue.length && k < 500; k += 1) {
      const node = queue[k];
      if (Array.isArray(node)) {
        queue.push(...node);
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (typesOf(record).some((t) => ARTICLE_TYPES.test(t)) && (str(record.datePublished) !== null || str(record.headline) !== null)) {
        const mainEntity = record.mainEntityOfPage;
        const entityUrl = mainEntity !== null && typeof mainEntity === 'object' ? str((mainEntity as Record<string, unknown>)['@id']) : str(mainEntity);
        return {
          datePublished: str(record.datePublished) ?? str(record.dateCreated),
          headline: str(record.headline),
          publisher: nameOf(record.publisher),
          author: nameOf(record.author),
          url: str(record.url) ?? entityUrl,
        };
      }
      if (record['@graph'] !== undefined) queue.push(record['@graph']);
    }
  }
  return null;
}

function webAddress(raw: string | null | undefined): string | null {
  const s = raw?.trim() ?? '';
  return /^https?:\/\/[^\s/]+/i.test(s) ? s : null;
}

/** 'https://www.theguardian.com/…' → 'theguardian.com': the publisher when a page names none. */
export function hostOf(url: string | null): string | null {
  const m = /^https?:\/\/([^/:?#\s]+)/i.exec(url ?? '');
  return m ? (m[1] ?? '').toLowerCase().replace(/^www\./, '') : null;
}

export function pageMeta(s: PageSignals): PageMeta {
  const ld = articleFromJsonLd(s.jsonLd);
  const candidates: string[] = [];
  if (ld?.datePublished) candidates.push(ld.datePublished);
  if (s.reader.publishedTime) candidates.push(s.reader.publishedTime);
  for (const key of DATE_METAS) {
    const v = s.metas[key];
    if (v) candidates.push(v);
  }
  candidates.push(...s.times);
  let published: PublishedAt | null = null;
  let publishedText: string | null = null;
  for (const c of candidates) {
    const p = parseTimestamp(c);
    if (p) {
      published = p;
      publishedText = c.trim();
      break;
    }
  }
  const headline = (s.reader.title || ld?.headline || s.metas['og:title'] || s.documentTitle || s.firstHeading).replace(/\s+/g, ' ').trim();
  return {
    headline,
    published,
    publishedText,
    siteName: s.reader.siteName ?? s.metas['og:site_name'] ?? ld?.publisher ?? s.metas['application-name'] ?? null,
    author: s.reader.byline ?? ld?.author ?? s.metas.author ?? null,
    language: s.reader.lang ?? s.metas['content-language'] ?? s.metas['og:locale']?.replace('_', '-') ?? null,
    url: webAddress(s.canonical) ?? webAddress(s.metas['og:url']) ?? webAddress(ld?.url),
    summary: s.reader.excerpt?.trim() || null,
  };
}
