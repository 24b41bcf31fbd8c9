import { keyedText } from '../common/errors';
import { isBoilerplateLine } from './boilerplate';
import { htmlToText } from './html-text';
import { detectLanguage, normalizeLanguageTag } from './language';
import { tagsForLabel } from './labels';
import type { NewsParseError, NewsParseResult, ParsedNewsItem } from './news-event';
import { normalizeParagraphs } from './paragraphs';
import { parseTimestamp } from './published-at';
import { leadSentences } from './sentences';
import { childElements, firstChild, localName, parseXml, textOf, type XmlElement } from './xml';

/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0 feeds. Element names are matched with
 * their usual prefixes ('content:encoded', 'dc:date') because feeds in the wild
 * use non-standard namespace URIs (RTHK's say https://), so resolving URIs
 * would reject good feeds.
 */
export function parseFeed(xml: string): NewsParseResult {
  const parsed = parseXml(xml.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    return { items: [], errors: [{ line: parsed.line, itemIndex: null, field: null, ...keyedText('errors:newsParse.feedNotXml', { detail: parsed.params ? { key: parsed.key, params: parsed.params } : { key: parsed.key } }) }] };
  }
  const root = parsed.root;
  switch (localName(root.name)) {
    case 'rss':
      return readRss(firstChild(root, 'channel') ?? root, childElements(firstChild(root, 'channel') ?? root, 'item'));
    case 'RDF':
      return readRss(firstChild(root, 'channel') ?? root, childElements(root, 'item'));
    case 'feed':
      return readAtom(root);
    default:
      return { items: [], errors: [{ line: root.line, itemIndex: null, field: null, ...keyedText('errors:newsParse.feedNotFeed', { name: root.name }) }] };
  }
}

function htmlBody(html: string): string {
  const lines = htmlToText(html).split('\n').filter((l) => !isBoilerplateLine(l));
  return normalizeParagraphs(lines.join('\n'));
}

interface Entry {
  el: XmlElement;
  headline: string;
  rawDate: string;
  html: string; // full content when present, else the description
  description: string;
  url: string;
  tags: string[];
  language: string | null;
  author: string | null;
}

/** An RSS author is an address, often with the name after it ('jane@example.com (Jane Doe)'); dc:creator and Atom give the name. */
function authorOf(raw: string): string | null {
  const text = htmlToText(raw).replace(/\s+/g, ' ').trim();
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1]?.trim();
  const name = named ?? text;
  return name === '' || name.length > 120 ? null : name;
}

function toItems(entries: Entry[], source: string, declaredLanguage: string | null): NewsParseResult {
  const items: ParsedNewsItem[] = [];
  const errors: NewsParseError[] = [];
  entries.forEach((e, itemIndex) => {
    const published = parseTimestamp(e.rawDate);
    const headline = htmlToText(e.headline).replace(/\n+/g, ' ');
    if (published === null) {
      const where = { item: itemIndex + 1, line: e.el.line };
      const text = e.rawDate === '' ? keyedText('errors:newsParse.feedNoDate', where) : keyedText('errors:newsParse.feedBadDate', { ...where, value: e.rawDate });
      errors.push({ line: e.el.line, itemIndex, field: 'date', ...text });
      return;
    }
    if (headline === '') {
      errors.push({ line: e.el.line, itemIndex, field: 'headline', ...keyedText('errors:newsParse.feedNoTitle', { item: itemIndex + 1, line: e.el.line }) });
      return;
    }
    const body = htmlBody(e.html);
    const description = e.description === e.html ? body : htmlBody(e.description);
    const summary = leadSentences(description === '' ? body : description);
    items.push({
      ...published,
      headline,
      summary,
      body,
      source,
      url: e.url === '' ? null : e.url,
      language: detectLanguage(`${headline}\n${body}`, e.language ?? declaredLanguage),
      label: null,
      tags: [...tagsForLabel(null), ...e.tags],
      tickers: [],
      line: e.el.line,
      itemIndex,
      author: e.author,
    });
  });
  if (entries.length === 0) errors.push({ line: null, itemIndex: null, field: null, ...keyedText('errors:newsParse.feedNoItems') });
  return { items, errors };
}

function readRss(channel: XmlElement, itemEls: XmlElement[]): NewsParseResult {
  const entries = itemEls.map((el): Entry => {
    const description = textOf(firstChild(el, 'description'));
    const content = textOf(firstChild(el, 'content:encoded'));
    const guid = firstChild(el, 'guid');
    const guidUrl = guid && guid.attrs.isPermaLink !== 'false' && /^https?:\/\//.test(textOf(guid)) ? textOf(guid) : '';
    return {
      el,
      headline: textOf(firstChild(el, 'title')),
      rawDate: textOf(firstChild(el, 'pubDate', 'dc:date', 'published', 'a10:updated')),
      html: content || description,
      description,
      url: textOf(firstChild(el, 'link')) || guidUrl,
      tags: childElements(el, 'category').map((c) => textOf(c)).filter((t) => t !== ''),
      language: normalizeLanguageTag(textOf(firstChild(el, 'dc:language'))),
      author: authorOf(textOf(firstChild(el, 'dc:creator', 'author'))),
    };
  });
  const source = htmlToText(textOf(firstChild(channel, 'title'))) || 'RSS feed';
  return toItems(entries, source, normalizeLanguageTag(textOf(firstChild(channel, 'language', 'dc:language'))));
}

function atomLink(el: XmlElement): string {
  const links = childElements(el, 'link');
  const alternate = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ?? links[0];
  return alternate?.attrs.href?.trim() ?? '';
}

function readAtom(feed: XmlElement): NewsParseResult {
  const entries = childElements(feed, 'entry').map((el): Entry => {
    const summary = textOf(firstChild(el, 'summary'));
    const content = textOf(firstChild(el, 'content'));
    return {
      el,
      headline: textOf(firstChild(el, 'title')),
      rawDate: textOf(firstChild(el, 'published', 'updated')),
      html: content || summary,
      description: summary,
      url: atomLink(el),
      tags: childElements(el, 'category').map((c) => c.attrs.term ?? '').filter((t) => t !== ''),
      language: normalizeLanguageTag(el.attrs['xml:lang']),
      author: authorOf(childElements(el, 'author').map((a) => textOf(firstChild(a, 'name'))).filter((n) => n.trim() !== '').join(', ')),
    };
  });
  const source = htmlToText(textOf(firstChild(feed, 'title'))) || 'Atom feed';
  return toItems(entries, source, normalizeLanguageTag(feed.attrs['xml:lang']));
}
