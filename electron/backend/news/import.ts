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
import { autoLinker, findEventsByKeys, insertImportedEvent, readLinksAndClaims, securityLabels, type EventRecord } from './store';

/** A news file as the import reads it: its bytes (however they reached the backend) and the user's choices. */
export interface NewsSource {
  fileName: string;
  bytes: Uint8Array;
  mapping?: NewsCsvMapping | undefined;
  origin?: NewsOrigin | undefined;
  dates?: NewsDateChoice[] | undefined;
}

/**
 * How far a preview or import is. `reading`: the file is being read (one step); `linking`: items
 * linked and checked (done/total items); `saving`: items stored (done/total items).
 */
export interface NewsProgress {
  phase: 'reading' | 'linking' | 'saving' | 'done';
  done: number;
  total: number;
}

/** Items linked, looked up and handed on at a time: the preview streams them in chunks of this many. */
export const NEWS_CHUNK = 500;

export interface ParsedFile {
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

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
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

/** How a preview or import reads its file: parseNewsFile, or a reading kept from the preview before (import-job.ts). */
export type ParseNews = (file: NewsSource, today: IsoDate) => Promise<ParsedFile>;

export async function parseNewsFile(file: NewsSource, today: IsoDate): Promise<ParsedFile> {
  const { fileName, bytes } = file;
  let detected = withChosenDates(await readNewsFile(bytes, fileName, { today, origin: file.origin }), file.dates);
  let csv: NewsPreview['csv'] = null;
  if (detected.format === 'csv' || (file.mapping && detected.format === null && bytes.length > 0)) {
    const text = decode(bytes);
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

/**
 * What importing the file would store: items with their proposed links and claims, and which are
 * already stored. The items are worked out NEWS_CHUNK at a time and handed to `onItems` in file
 * order (the worker posts each chunk and keeps none); the rest of the preview is returned.
 */
export async function previewNewsChunks(
  db: DatabaseSync,
  file: NewsSource,
  today: IsoDate,
  onItems: (items: PreviewItem[]) => void,
  progress: (p: NewsProgress) => void = () => undefined,
  parse: ParseNews = parseNewsFile,
): Promise<Omit<NewsPreview, 'items'>> {
  progress({ phase: 'reading', done: 0, total: 1 });
  const parsed = await parse(file, today);
  const link = autoLinker(linkCandidates(db));
  const labels = securityLabels(db);
  const label = (id: number): { symbol: string; name: string } => labels.get(id) ?? { symbol: `#${id}`, name: '' };
  let alreadyStored = parsed.repeats;
  let fresh = 0;
  const total = parsed.unique.length;
  progress({ phase: 'linking', done: 0, total });
  for (let from = 0; from < total; from += NEWS_CHUNK) {
    const chunk = parsed.unique.slice(from, from + NEWS_CHUNK);
    const stored = findEventsByKeys(db, chunk.map((u) => u.key));
    const storedDetails = readLinksAndClaims(db, [...stored.values()]);
    onItems(
      chunk.map(({ item, key }): PreviewItem => {
        const record = recordOfItem(item);
        const existingId = stored.get(key) ?? null;
        let links: EventLink[];
        let claims: EventClaim[];
        if (existingId !== null) {
          // Already stored: show it as it is now, with the user's own link choices.
          alreadyStored += 1;
          const detail = storedDetails.get(existingId);
          links = detail?.links ?? [];
          claims = detail?.claims ?? [];
        } else {
          fresh += 1;
          const proposed = link(record);
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
        return { itemIndex: item.itemIndex, line: item.line, ...fields, existingId, dateUnknown: item.dateUnknown === true, author: item.author ?? null, links, claims };
      }),
    );
    progress({ phase: 'linking', done: Math.min(total, from + NEWS_CHUNK), total });
  }
  return {
    fileName: parsed.fileName,
    format: parsed.detected.format,
    csv: parsed.csv,
    errors: parsed.errors,
    counts: { items: parsed.detected.items.length, new: fresh, alreadyStored, errors: parsed.errors.length },
  };
}

/** previewNewsChunks with its items gathered into one preview. */
export async function previewNewsImport(db: DatabaseSync, file: NewsSource, today: IsoDate): Promise<NewsPreview> {
  const items: PreviewItem[] = [];
  const rest = await previewNewsChunks(db, file, today, (chunk) => {
    for (const item of chunk) items.push(item);
  });
  return { ...rest, items };
}

/**
 * Stores the file's new items with their links and claims in one transaction.
 * Items already stored are left exactly as they are (with the user's link
 * choices), so importing a file twice adds nothing the second time.
 */
export async function commitNewsImport(
  db: DatabaseSync,
  file: NewsSource & { skipInvalid?: boolean | undefined },
  today: IsoDate,
  progress: (p: NewsProgress) => void = () => undefined,
  parse: ParseNews = parseNewsFile,
): Promise<NewsImportResult> {
  progress({ phase: 'reading', done: 0, total: 1 });
  const parsed = await parse(file, today);
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
  const link = autoLinker(linkCandidates(db));
  const total = parsed.unique.length;
  progress({ phase: 'saving', done: 0, total });
  return inTransaction(db, () => {
    const result: NewsImportResult = { added: 0, alreadyStored: parsed.repeats, skippedInvalid: parsed.errors.length, links: 0, claims: 0, eventIds: [] };
    for (let from = 0; from < total; from += NEWS_CHUNK) {
      const chunk = parsed.unique.slice(from, from + NEWS_CHUNK);
      const stored = findEventsByKeys(db, chunk.map((u) => u.key));
      for (const { item, key } of chunk) {
        // Stored before: left exactly as it is.
        if (stored.has(key)) {
          result.alreadyStored += 1;
          continue;
        }
        const record = recordOfItem(item);
        const added = insertImportedEvent(db, record, key, link(record));
        result.links += added.links;
        result.claims += added.claims;
        result.added += 1;
        result.eventIds.push(added.id);
      }
      progress({ phase: 'saving', done: Math.min(total, from + NEWS_CHUNK), total });
    }
    return result;
  });
}
