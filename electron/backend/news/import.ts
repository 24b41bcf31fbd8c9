import type { DatabaseSync } from 'node:sqlite';
import type { EventClaim, EventLink, NewsCsvMapping, NewsDateChoice, NewsImportResult, NewsItemError, NewsPreview, PreviewItem } from '@shared/api/news';
import { AppError, localizedError } from '@shared/domain/common/errors';
import type { ErrorKey, NestedText, TextParams } from '@shared/i18n/errorText';
import {
  claimsFor,
  compareLinks,
  detectNewsCsvMapping,
  newsDedupeKey,
  newsImportFailure,
  parseNewsCsv,
  type DetectedNewsFile,
  type ParsedNewsItem,
} from '@shared/domain/news';
import { detectDelimiter, readCsvRecords } from '@shared/domain/news/csv-records';
import type { IsoDate } from '@shared/domain/common/dates';
import { inTransaction } from '../db/database';
import { readNewsFile, type NewsOrigin } from './read-news-file';
import { linkCandidates } from '../securities/store';
import {
  autoLinks,
  findEventByKey,
  insertEvent,
  readDetail,
  rewriteClaims,
  securityLabels,
  writeAutoLinks,
  type EventRecord,
} from './store';

export interface NewsFile {
  fileName: string;
  contentBase64: string;
  mapping?: NewsCsvMapping | undefined;
  origin?: NewsOrigin | undefined;
  dates?: NewsDateChoice[] | undefined;
}

interface ParsedFile {
  fileName: string;
  detected: DetectedNewsFile;
  csv: NewsPreview['csv'];
  errors: NewsItemError[];
  /** Items in file order, each once: a repeat of an earlier item in the same file is dropped. */
  unique: { item: ParsedNewsItem; key: string }[];
  repeats: number;
}

export function recordOfItem(item: ParsedNewsItem): EventRecord {
  return {
    date: item.date,
    time: item.time,
    timeZone: item.timeZone,
    headline: item.headline,
    summary: item.summary,
    body: item.body,
    source: item.source,
    url: item.url,
    language: item.language,
    label: item.label,
    tags: item.tags,
    tickers: item.tickers,
  };
}

function decode(contentBase64: string): string {
  return new TextDecoder('utf-8').decode(Buffer.from(contentBase64, 'base64')).replace(/^\uFEFF/, '');
}

/** The header cells of a news list, and a mapping the user can start from even when detection failed. */
function csvShape(text: string, fileName: string, given: NewsCsvMapping | undefined): NonNullable<NewsPreview['csv']> {
  const delimiter = given?.delimiter ?? detectDelimiter(text);
  const columns = readCsvRecords(text.split('\n', 1)[0] ?? '', delimiter)[0]?.fields.map((f) => f.trim()) ?? [];
  if (given) return { columns, mapping: given };
  try {
    return { columns, mapping: detectNewsCsvMapping(text, fileName) };
  } catch {
    const fallback: NewsCsvMapping = {
      delimiter,
      date: 0,
      time: null,
      headline: Math.min(1, Math.max(columns.length - 1, 0)),
      summary: null,
      body: null,
      source: null,
      url: null,
      tickers: null,
      impliedTickers: [],
      defaultSource: fileName.split(/[\\/]/).pop() ?? fileName,
    };
    return { columns, mapping: fallback };
  }
}

/** A date the user set replaces the placeholder of an item whose source states none. */
function withChosenDates(detected: DetectedNewsFile, dates: NewsDateChoice[] | undefined): DetectedNewsFile {
  if (!dates || dates.length === 0) return detected;
  const byIndex = new Map(dates.map((d) => [d.itemIndex, d]));
  const items = detected.items.map((item): ParsedNewsItem => {
    const chosen = byIndex.get(item.itemIndex);
    if (!chosen) return item;
    const { dateUnknown: _unknown, ...known } = item;
    return { ...known, date: chosen.date, time: chosen.time ?? null, timeZone: chosen.time ? (chosen.timeZone ?? null) : null };
  });
  return { ...detected, items };
}

export async function parseNewsFile(file: NewsFile, today: IsoDate): Promise<ParsedFile> {
  const { fileName } = file;
  const bytes = Buffer.from(file.contentBase64, 'base64');
  let detected = withChosenDates(await readNewsFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), fileName, { today, origin: file.origin }), file.dates);
  let csv: NewsPreview['csv'] = null;
  if (detected.format === 'csv' || (file.mapping && detected.format === null && bytes.length > 0)) {
    const text = decode(file.contentBase64);
    csv = csvShape(text, fileName, file.mapping);
    if (file.mapping) {
      const columns = csv.columns.length;
      const used = [file.mapping.date, file.mapping.headline, file.mapping.time, file.mapping.summary, file.mapping.body, file.mapping.source, file.mapping.url, file.mapping.tickers];
      if (used.some((c) => c !== null && c >= columns)) {
        throw localizedError('VALIDATION', 'errors:news.columnsMissing', { fileName, count: columns }, { file: fileName });
      }
      detected = { format: 'csv', ...parseNewsCsv(text, file.mapping) };
    }
  }
  const errors: NewsItemError[] = detected.errors.map((e) => ({
    file: fileName,
    line: e.line,
    itemIndex: e.itemIndex,
    field: e.field,
    reason: e.message,
    ...(e.key === undefined ? {} : { key: e.key }),
    ...(e.params === undefined ? {} : { params: e.params }),
  }));
  const seen = new Set<string>();
  const unique: ParsedFile['unique'] = [];
  let repeats = 0;
  for (const item of detected.items) {
    const key = newsDedupeKey(item);
    if (seen.has(key)) {
      repeats += 1;
      continue;
    }
    seen.add(key);
    unique.push({ item, key });
  }
  return { fileName, detected, csv, errors, unique, repeats };
}

/** What importing the file would store: items with their proposed links and claims, and which are already stored. */
export async function previewNewsImport(db: DatabaseSync, file: NewsFile, today: IsoDate): Promise<NewsPreview> {
  const parsed = await parseNewsFile(file, today);
  const candidates = linkCandidates(db);
  const labels = securityLabels(db);
  const label = (id: number): { symbol: string; name: string } => labels.get(id) ?? { symbol: `#${id}`, name: '' };
  let alreadyStored = parsed.repeats;
  const items: PreviewItem[] = parsed.unique.map(({ item, key }) => {
    const record = recordOfItem(item);
    const existingId = findEventByKey(db, key);
    let links: EventLink[];
    let claims: EventClaim[];
    if (existingId !== null) {
      // Already stored: show it as it is now, with the user's own link choices.
      alreadyStored += 1;
      const stored = readDetail(db, existingId);
      links = stored.links;
      claims = stored.claims;
    } else {
      const proposed = autoLinks(record, candidates);
      links = proposed
        .map((l): EventLink => ({ securityId: l.securityId, ...label(l.securityId), origin: 'auto', state: 'linked', reasons: l.reasons }))
        .sort(compareLinks);
      claims = claimsFor(record, proposed).map((c) => ({
        securityId: c.securityId,
        symbol: label(c.securityId).symbol,
        direction: c.direction,
        percent: c.percent,
        qualifier: c.qualifier,
        horizon: c.horizon,
        text: c.text,
      }));
    }
    const { body: _body, tickers: _tickers, ...fields } = record;
    return { itemIndex: item.itemIndex, line: item.line, ...fields, existingId, dateUnknown: item.dateUnknown === true, links, claims };
  });
  return {
    fileName: parsed.fileName,
    format: parsed.detected.format,
    csv: parsed.csv,
    items,
    errors: parsed.errors,
    counts: {
      items: parsed.detected.items.length,
      new: items.filter((i) => i.existingId === null).length,
      alreadyStored,
      errors: parsed.errors.length,
    },
  };
}

/**
 * Stores the file's new items with their links and claims in one transaction.
 * Items already stored are left exactly as they are (with the user's link
 * choices), so importing a file twice adds nothing the second time.
 */
export async function commitNewsImport(db: DatabaseSync, file: NewsFile & { skipInvalid?: boolean | undefined }, today: IsoDate): Promise<NewsImportResult> {
  const parsed = await parseNewsFile(file, today);
  const failure = newsImportFailure(parsed.detected, file.fileName);
  if (failure) throw new AppError('IMPORT_REJECTED', failure.message, { file: file.fileName, errors: parsed.errors }, failure.text);
  if (parsed.errors.length > 0 && !file.skipInvalid) {
    const first = parsed.errors[0];
    // The item's own reason in the reader's language where its reader gave a key; else its English words.
    const reason: NestedText | string =
      first === undefined ? { key: 'errors:news.itemUnreadable' } : first.key === undefined ? first.reason : { key: first.key as ErrorKey, ...(first.params ? { params: first.params as TextParams } : {}) };
    const more = parsed.errors.length - 1;
    const details = { file: file.fileName, errors: parsed.errors };
    throw more > 0
      ? localizedError('IMPORT_REJECTED', 'errors:news.nothingImportedMore', { fileName: file.fileName, reason, count: more }, details)
      : localizedError('IMPORT_REJECTED', 'errors:news.nothingImported', { fileName: file.fileName, reason }, details);
  }
  const undated = parsed.unique.find(({ item }) => item.dateUnknown === true);
  if (undated) {
    throw localizedError('VALIDATION', 'errors:news.setDate', { headline: undated.item.headline, fileName: file.fileName }, {
      file: file.fileName,
      itemIndex: undated.item.itemIndex,
      field: 'date',
    });
  }
  const candidates = linkCandidates(db);
  return inTransaction(db, () => {
    const result: NewsImportResult = { added: 0, alreadyStored: parsed.repeats, skippedInvalid: parsed.errors.length, links: 0, claims: 0, eventIds: [] };
    for (const { item, key } of parsed.unique) {
      if (findEventByKey(db, key) !== null) {
        result.alreadyStored += 1;
        continue;
      }
      const record = recordOfItem(item);
      const id = insertEvent(db, record, key);
      result.links += writeAutoLinks(db, id, autoLinks(record, candidates)).added;
      result.claims += rewriteClaims(db, id, record);
      result.added += 1;
      result.eventIds.push(id);
    }
    return result;
  });
}
