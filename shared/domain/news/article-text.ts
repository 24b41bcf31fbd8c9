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

export function parseArticleText(text: string, fileName: string): NewsParseResult {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { items: [], errors: [{ line: 1, itemIndex: null, field: null, message: `${fileName} is empty.` }] };

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
  if (published === null) {
    return { items: [], errors: [{ line: firstContentLine, itemIndex: 0, field: 'date', message: `No publication date found in ${fileName}: add a 'date:' line or a date in the file name.` }] };
  }
  if (headline === '') {
    return { items: [], errors: [{ line: firstContentLine, itemIndex: 0, field: 'headline', message: `No headline found in ${fileName}.` }] };
  }
  const item: ParsedNewsItem = {
    date: published.date,
    time: published.time,
    timeZone: published.timeZone,
    headline,
    summary: front.fields.summary ?? front.fields.description ?? leadSentences(body),
    body,
    source: front.fields.source ?? fileName,
    url: front.fields.url ?? null,
    language: detectLanguage(`${headline}\n${body}`, normalizeLanguageTag(front.fields.language ?? front.fields.lang)),
    label,
    tags: tagsForLabel(label),
    tickers: [],
    line: firstContentLine,
    itemIndex: 0,
  };
  return { items: [item], errors: [] };
}
