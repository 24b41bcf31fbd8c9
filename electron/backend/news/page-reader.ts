import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { IsoDate } from '@shared/domain/common/dates';
import { keyedText } from '@shared/domain/common/errors';
import { isBoilerplateLine } from '@shared/domain/news/boilerplate';
import { detectLanguage } from '@shared/domain/news/language';
import type { NewsParseResult, ParsedNewsItem } from '@shared/domain/news/news-event';
import { hostOf, pageMeta, type PageMeta, type PageSignals } from '@shared/domain/news/page-meta';
import { normalizeParagraphs } from '@shared/domain/news/paragraphs';
import { findDateInText } from '@shared/domain/news/published-at';
import { leadSentences } from '@shared/domain/news/sentences';
import { SAVED_ARTICLE_SOURCE } from '@shared/domain/news/article-text';

/**
 * A saved web page read as an article: Mozilla's Readability (Firefox's reader
 * view) picks the story out of the page over linkedom's DOM, so navigation,
 * cookie banners, related-article boxes and comments never reach the body that
 * links and claims are found in. The metadata rules are in shared/domain/news/page-meta.ts.
 */
export interface SavedPage extends PageMeta {
  body: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type DomNode = Doc['documentElement'];

const BLOCK = new Set([
  'P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'TABLE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE',
  'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'PRE', 'DD', 'DT', 'HR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'FIGCAPTION']);

/**
 * Text of a subtree with block elements as line breaks. Iterative (first child,
 * next sibling, parent): saved pages can nest elements tens of thousands deep.
 */
function blockText(root: DomNode): string {
  const parts: string[] = [];
  let node: DomNode | null = root.firstChild as DomNode | null;
  while (node !== null && node !== root) {
    const isElement = node.nodeType === 1;
    const name = isElement ? node.nodeName.toUpperCase() : '';
    if (node.nodeType === 3) parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    if (isElement && BLOCK.has(name)) parts.push('\n');
    const descend = isElement && !SKIP.has(name) && node.firstChild !== null;
    if (descend) {
      node = node.firstChild as DomNode;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode as DomNode | null;
      if (node !== null && node !== root && node.nodeType === 1 && BLOCK.has(node.nodeName.toUpperCase())) parts.push('\n');
    }
    if (node === null || node === root) break;
    node = node.nextSibling as DomNode | null;
  }
  return parts.join('').replace(/\u00a0/g, ' ');
}

function signalsOf(document: Doc): Omit<PageSignals, 'reader'> {
  const metas: Record<string, string> = {};
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content')?.trim() ?? '';
    if (key !== '' && content !== '' && metas[key] === undefined) metas[key] = content;
  }
  const times: string[] = [];
  for (const el of document.querySelectorAll('time[datetime], [itemprop="datePublished"]')) {
    const v = el.getAttribute('datetime') ?? el.getAttribute('content');
    if (v) times.push(v);
  }
  return {
    metas,
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
    times,
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    documentTitle: document.querySelector('title')?.textContent ?? '',
    firstHeading: (document.querySelector('h1') ?? document.querySelector('h2'))?.textContent ?? '',
  };
}

/** Reads the article of a saved page; `location` is the address the page was saved from, when the file says (MHTML). */
export function readSavedPage(source: string, location: string | null = null): SavedPage {
  // linkedom builds a document only from a whole page; a fragment (pasted HTML) is wrapped in one.
  const html = /<(html|body)[\s>]/i.test(source.slice(0, 4096)) ? source : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(html);
  const signals = signalsOf(document);
  // Readability rewrites the document it reads, so the metadata above is gathered first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (el) => el,
  }).parse();
  const meta = pageMeta({
    ...signals,
    reader: {
      title: article?.title ?? null,
      byline: article?.byline ?? null,
      siteName: article?.siteName ?? null,
      publishedTime: article?.publishedTime ?? null,
      lang: article?.lang ?? null,
      excerpt: article?.excerpt ?? null,
    },
  });
  const content = article?.content as unknown as DomNode | null | undefined;
  let raw = content ? blockText(content) : '';
  if (raw.trim() === '') {
    // Readability finds no article in a short fragment (pasted HTML) and leaves the document emptied, so it is read again whole.
    raw = blockText(parseHTML(html).document.body as unknown as DomNode);
  }
  const body = normalizeParagraphs(
    raw
      .split('\n')
      .filter((l) => !isBoilerplateLine(l))
      .join('\n'),
  );
  return { ...meta, url: meta.url ?? (location && /^https?:/i.test(location) ? location : null), body };
}

/**
 * A byline as a name: 'By Jane Doe' without the 'By'. Some pages put the date where the byline goes
 * (the Seattle Times: 'April 28, 2019 at 6:01 am Updated …'); that, or a whole sentence, is no author.
 */
function authorName(byline: string | null): string | null {
  const name = byline?.replace(/\s+/g, ' ').trim().replace(/^(by|von)\s+/i, '').trim() ?? '';
  if (name === '' || name.length > 120 || findDateInText(name) !== null) return null;
  return name;
}

export interface PageReadOptions {
  fileName: string;
  today: IsoDate;
  location?: string | null;
  /** Used when the page names no title (a Subject header of an MHTML file). */
  fallbackTitle?: string | null;
}

/** One news item from a saved page; a page that states no date is dated today and marked dateUnknown. */
export function parseSavedPage(html: string, options: PageReadOptions): NewsParseResult {
  const page = readSavedPage(html, options.location ?? null);
  const headline = page.headline || options.fallbackTitle?.trim() || '';
  if (headline === '') {
    return { items: [], errors: [{ line: null, itemIndex: 0, field: 'headline', ...keyedText('errors:newsRead.pageNoHeadline', { fileName: options.fileName }) }] };
  }
  // A dateline in the first lines of the story ("April 28, 2019") when the page carries no machine-readable date.
  const published = page.published ?? findDateInText(page.body.split('\n').slice(0, 6).join('\n'));
  const item: ParsedNewsItem = {
    date: published?.date ?? options.today,
    time: published?.time ?? null,
    timeZone: published?.timeZone ?? null,
    headline,
    summary: page.summary ?? leadSentences(page.body),
    body: page.body,
    source: page.siteName ?? hostOf(page.url) ?? SAVED_ARTICLE_SOURCE,
    url: page.url,
    language: detectLanguage(`${headline}\n${page.body}`, page.language),
    label: null,
    tags: [],
    tickers: [],
    line: null,
    itemIndex: 0,
    ...(published === null ? { dateUnknown: true } : {}),
    author: authorName(page.author),
  };
  return { items: [item], errors: [] };
}
