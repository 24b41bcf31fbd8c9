import { keyedText } from '../common/errors';
import type { IsoDate } from '../common/dates';
import { isBoilerplateLine } from './boilerplate';
import { detectLanguage, normalizeLanguageTag } from './language';
import { tagsForLabel } from './labels';
import type { NewsParseResult, ParsedNewsItem } from './news-event';
import { dateFromFileName, findDateInText, parseTimestamp, type PublishedAt } from './published-at';
import { normalizeParagraphs } from './paragraphs';
import { leadSentences } from './sentences';

/**
 * One article saved as plain text or Markdown. Where the date comes from, in
 * order: front matter, the ' date YYYY-MM-DD Label' header some sites export,
 * a dateline in the first lines, the file name.
 */
const HEADER_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.+?))?\s*$/i;

interface FrontMatter {
  fields: Record<string, string>;
  lines: string[]; // remaining lines
  offset: number; // lines consumed
}

function readFrontMatter(lines: string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { fields: {}, lines, offset: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { fields: {}, lines, offset: 0 };
  const fields: Record<string, string> = {};
  for (const l of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(l);
    if (m) fields[(m[1] ?? '').toLowerCase()] = (m[2] ?? '').trim().replace(/^["'](.*)["']$/, '$1');
  }
  return { fields, lines: lines.slice(end + 1), offset: end + 1 };
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
}

export interface ArticleTextOptions {
  /** Date an article that states none with this day, marked dateUnknown, instead of refusing it (pasted text, PDFs). */
  undatedOn?: IsoDate | undefined;
  /** Publisher already known from elsewhere (a PDF's metadata). */
  source?: string | null | undefined;
}

/** What an article names no publisher in is shown as this, never as its file name. */
export const SAVED_ARTICLE_SOURCE = 'Saved article';

const SOURCE_LINE = /^\s*(?:source|quelle|publisher|herausgeber|via)\s*:\s*(.{2,80}?)\s*$/i;
const AGENCY_DATELINE = /^[\p{Lu}][\p{L} ,.'-]{1,40}\s\((Reuters|AP|AFP|Bloomberg|dpa|dpa-AFX|Xinhua|Kyodo|Yonhap|Dow Jones|MarketWatch)\)\s*[-–—]/u;
const COPYRIGHT_LINE = /^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:by\s+)?([\p{L}][\p{L}\p{N} .&'-]{1,60}?)\.?\s*(?:all rights reserved.*)?$/iu;

/** The publisher a text names: a 'Source:' line, an agency dateline, a copyright line. */
export function publisherInText(lines: string[]): string | null {
  for (const line of lines) {
    const m = SOURCE_LINE.exec(line) ?? AGENCY_DATELINE.exec(line);
    if (m?.[1]) return m[1].trim();
  }
  for (const line of lines) {
    const m = COPYRIGHT_LINE.exec(line);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

export function parseArticleText(text: string, fileName: string, options: ArticleTextOptions = {}): NewsParseResult {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { items: [], errors: [{ line: 1, itemIndex: null, field: null, ...keyedText('errors:newsParse.empty', { fileName }) }] };

  const front = readFrontMatter(clean.split('\n'));
  const lines = front.lines;
  const lineNo = front.offset; // 0-based index of lines[0] in the file
  let published: PublishedAt | null = front.fields.date ? parseTimestamp(front.fields.date) : null;
  let label: string | null = front.fields.label ?? null;
  let headline = front.fields.title ?? '';
  let cursor = 0;

  const skipBlank = (): void => {
    while (cursor < lines.length && (lines[cursor] ?? '').trim() === '') cursor += 1;
  };
  skipBlank();
  const header = HEADER_LINE.exec(lines[cursor] ?? '');
  if (header) {
    published = published ?? parseTimestamp(header[1] ?? '');
    label = header[2] ?? label;
    cursor += 1;
    skipBlank();
  }
  const firstContentLine = lineNo + cursor + 1;
  if (headline === '') {
    // A Markdown '# Headline' wins; otherwise the first line of text is the headline.
    const h1 = lines.findIndex((l, i) => i >= cursor && /^\s{0,3}#\s+\S/.test(l));
    const at = h1 >= 0 ? h1 : cursor;
    headline = stripMarkdown(lines[at] ?? '').trim();
    if (at === cursor) cursor += 1;
    else lines.splice(at, 1);
  }
  const bodyLines = lines.slice(cursor).filter((l) => !isBoilerplateLine(l)).map(stripMarkdown);
  const body = normalizeParagraphs(bodyLines.join('\n'));

  if (published === null) {
    const inText = findDateInText(lines.slice(0, cursor + 5).join('\n'));
    const fromName = dateFromFileName(fileName);
    published = inText ?? (fromName ? { date: fromName, time: null, timeZone: null } : null);
  }
  let dateUnknown = false;
  if (published === null && options.undatedOn !== undefined) {
    published = { date: options.undatedOn, time: null, timeZone: null };
    dateUnknown = true;
  }
  if (published === null) {
    return { items: [], errors: [{ line: firstContentLine, itemIndex: 0, field: 'date', ...keyedText('errors:newsParse.articleNoDate', { fileName }) }] };
  }
  if (headline === '') {
    return { items: [], errors: [{ line: firstContentLine, itemIndex: 0, field: 'headline', ...keyedText('errors:newsParse.articleNoHeadline', { fileName }) }] };
  }
  const item: ParsedNewsItem = {
    date: published.date,
    time: published.time,
    timeZone: published.timeZone,
    headline,
    summary: front.fields.summary ?? front.fields.description ?? leadSentences(body),
    body,
    source: front.fields.source ?? publisherInText(lines) ?? options.source ?? SAVED_ARTICLE_SOURCE,
    url: front.fields.url ?? null,
    language: detectLanguage(`${headline}\n${body}`, normalizeLanguageTag(front.fields.language ?? front.fields.lang)),
    label,
    tags: tagsForLabel(label),
    tickers: [],
    line: firstContentLine,
    itemIndex: 0,
    ...(dateUnknown ? { dateUnknown } : {}),
  };
  return { items: [item], errors: [] };
}
