import { keyedText, localizedError } from '../common/errors';
import { detectDelimiter, readCsvRecords } from './csv-records';
import { fold } from './fold';
import { splitTickers, tickersFromFileName } from './file-tickers';
import { detectLanguage } from './language';
import { tagsForLabel } from './labels';
import type { NewsParseError, NewsParseResult, ParsedNewsItem } from './news-event';
import { parseTimestamp } from './published-at';
import { leadSentences } from './sentences';

/** Which column holds what; null when the file has no such column. */
export interface NewsCsvMapping {
  delimiter: string;
  date: number;
  time: number | null;
  headline: number;
  summary: number | null;
  body: number | null;
  source: number | null;
  url: number | null;
  tickers: number | null;
  /** Tickers every row is about, from the file name ('headlines_NVDA_….csv'). */
  impliedTickers: string[];
  /** Source name used when the file has no source column. */
  defaultSource: string;
}

type Role = 'date' | 'time' | 'headline' | 'summary' | 'body' | 'source' | 'url' | 'tickers';

// Header names after folding and dropping everything but letters and digits.
const HEADERS: Record<Role, string[]> = {
  date: ['date', 'datetime', 'published', 'publishedat', 'publishdate', 'pubdate', 'timestamp', 'datum', 'created', 'createdat'],
  time: ['time', 'zeit', 'uhrzeit'],
  headline: ['headline', 'title', 'titel', 'uberschrift', 'schlagzeile'],
  summary: ['summary', 'description', 'abstract', 'teaser', 'snippet', 'zusammenfassung'],
  body: ['body', 'content', 'text', 'article', 'fulltext'],
  source: ['source', 'publisher', 'site', 'quelle', 'outlet'],
  url: ['url', 'link', 'href', 'articleurl'],
  tickers: ['tickers', 'ticker', 'symbols', 'symbol', 'symbole', 'stocks', 'relatedtickers', 'wertpapiere'],
};

function headerKey(h: string): string {
  return fold(h).replace(/[^\p{L}\p{N}]/gu, '');
}

export function detectNewsCsvMapping(text: string, fileName: string): NewsCsvMapping {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(clean);
  const header = readCsvRecords(clean.split('\n', 1)[0] ?? '', delimiter)[0]?.fields.map(headerKey) ?? [];
  const find = (role: Role): number | null => {
    const i = header.findIndex((h) => HEADERS[role].includes(h));
    return i < 0 ? null : i;
  };
  let date = find('date');
  let time = find('time');
  // A lone 'time' column is a full timestamp, not the time half of a pair.
  if (date === null && time !== null) [date, time] = [time, null];
  const headline = find('headline');
  if (date === null || headline === null) {
    const missing = date === null && headline === null ? 'errors:news.missingBoth' : date === null ? 'errors:news.missingDate' : 'errors:news.missingHeadline';
    throw localizedError('UNSUPPORTED_FILE', 'errors:news.notNewsList', { fileName, missing: { key: missing } }, {
      file: fileName,
      line: 1,
      field: [date === null ? 'date' : null, headline === null ? 'headline/title' : null].filter(Boolean).join(' and '),
    });
  }
  return {
    delimiter,
    date,
    time,
    headline,
    summary: find('summary'),
    body: find('body'),
    source: find('source'),
    url: find('url'),
    tickers: find('tickers'),
    impliedTickers: tickersFromFileName(fileName),
    defaultSource: fileName.split(/[\\/]/).pop() ?? fileName,
  };
}

export function parseNewsCsv(text: string, mapping: NewsCsvMapping): NewsParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  const records = readCsvRecords(clean, mapping.delimiter).slice(1);
  const errors: NewsParseError[] = [];
  const cell = (fields: string[], i: number | null): string => (i === null ? '' : (fields[i] ?? '').trim());
  // Headlines are too short to tell a language one by one; the file as a whole usually can.
  const fileLanguage = detectLanguage(records.map((r) => cell(r.fields, mapping.headline)).join('\n'));
  const items: ParsedNewsItem[] = [];
  records.forEach((r, index) => {
    const rawDate = cell(r.fields, mapping.date);
    const rawTime = cell(r.fields, mapping.time);
    const published = parseTimestamp(rawTime === '' ? rawDate : `${rawDate} ${rawTime}`) ?? parseTimestamp(rawDate);
    const headline = cell(r.fields, mapping.headline);
    if (published === null) {
      errors.push({ line: r.line, itemIndex: index, field: 'date', ...(rawDate === '' ? keyedText('errors:newsParse.csvNoDate', { line: r.line }) : keyedText('errors:newsParse.csvBadDate', { line: r.line, value: rawDate })) });
      return;
    }
    if (headline === '') {
      errors.push({ line: r.line, itemIndex: index, field: 'headline', ...keyedText('errors:newsParse.csvNoHeadline', { line: r.line }) });
      return;
    }
    const body = cell(r.fields, mapping.body);
    const summary = cell(r.fields, mapping.summary) || leadSentences(body);
    const tickers = [...new Set([...mapping.impliedTickers, ...splitTickers(cell(r.fields, mapping.tickers))])];
    const url = cell(r.fields, mapping.url);
    items.push({
      ...published,
      headline,
      summary,
      body,
      source: cell(r.fields, mapping.source) || mapping.defaultSource,
      url: url === '' ? null : url,
      language: detectLanguage(`${headline}\n${summary}\n${body}`, fileLanguage),
      label: null,
      tags: tagsForLabel(null),
      tickers,
      line: r.line,
      itemIndex: index,
    });
  });
  if (records.length === 0) errors.push({ line: 1, itemIndex: null, field: null, ...keyedText('errors:newsParse.csvNoRows') });
  return { items, errors };
}
