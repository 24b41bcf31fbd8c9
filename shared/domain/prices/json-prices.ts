import { keyedText, localizedError } from '../common/errors';
import { assignRoles, type PriceColumnRole } from './column-roles';
import { DateFormatDetector, DateReader } from './date-formats';
import type { JsonKeys, JsonPriceFileMapping, PriceFileDetection } from './mapping';
import { parseNumber } from './numbers';
import { barProblem, PriceColumnsBuilder, rejectedRow, type PriceColumns, type PriceParseStats, type RejectedRow, type RowProblem } from './price-columns';

/**
 * JSON price files: an array of bar objects with any reasonable keys (also wrapped as
 * {"data": [...]}) and Alpha Vantage's {"Meta Data": …, "Time Series (Daily)": {date: {…}}}.
 * JSON files are small next to CSV downloads, so JSON.parse is fine here.
 *
 * Rejected rows report as `line` the 1-based position of the record in the series,
 * since a record in pretty-printed JSON spans many lines.
 */

type JsonRecord = Record<string, unknown>;

interface Rows {
  shape: JsonPriceFileMapping['shape'];
  seriesKey: string | null;
  entries: [date: unknown, record: JsonRecord][];
}

function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:prices.jsonInvalid', { fileName }, { file: fileName, error: String(e) });
  }
}

function locateRows(root: unknown, dateKey: string | null, seriesKey?: string | null): Rows | null {
  const fromArray = (arr: unknown[], key: string | null): Rows => ({
    shape: 'array',
    seriesKey: key,
    entries: arr.filter(isRecord).map((r) => [dateKey === null ? undefined : r[dateKey], r]),
  });
  if (Array.isArray(root)) return fromArray(root, null);
  if (!isRecord(root)) return null;
  const keys = seriesKey != null ? [seriesKey] : Object.keys(root);
  for (const key of keys) {
    const v = root[key];
    if (Array.isArray(v) && v.some(isRecord)) return fromArray(v, key);
    if (isRecord(v) && /time series|prices|history/i.test(key)) {
      const entries = Object.entries(v).filter((e): e is [string, JsonRecord] => isRecord(e[1]));
      if (entries.length > 0) return { shape: 'keyed-by-date', seriesKey: key, entries };
    }
  }
  return null;
}

function symbolFromJson(root: unknown, rows: Rows): string | null {
  if (isRecord(root)) {
    const meta = root['Meta Data'];
    if (isRecord(meta)) {
      for (const [k, v] of Object.entries(meta)) if (/symbol/i.test(k) && typeof v === 'string') return v.trim();
    }
  }
  const first = rows.entries[0]?.[1];
  if (first) {
    for (const [k, v] of Object.entries(first)) if (/^(symbol|ticker)$/i.test(k) && typeof v === 'string') return v.trim();
  }
  return null;
}

export function detectJsonPriceFile(text: string, fileName: string, fileNameSymbol: string | null): PriceFileDetection {
  const root = parseJson(text, fileName);
  const probe = locateRows(root, null);
  if (!probe || probe.entries.length === 0) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:prices.jsonNoList', { fileName }, { file: fileName });
  }
  const keyList: string[] = [];
  for (const [, r] of probe.entries.slice(0, 20)) for (const k of Object.keys(r)) if (!keyList.includes(k)) keyList.push(k);
  const roles = assignRoles([keyList]);
  const keyOf = (role: PriceColumnRole): string | null => (roles[role] === undefined ? null : (keyList[roles[role]] ?? null));
  const close = keyOf('close');
  const dateKey = probe.shape === 'keyed-by-date' ? null : keyOf('date');
  if (close === null || (probe.shape === 'array' && dateKey === null)) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:prices.jsonNoFields', { fileName }, {
      file: fileName,
      keys: keyList,
    });
  }
  const keys: JsonKeys = {
    date: dateKey,
    open: keyOf('open'),
    high: keyOf('high'),
    low: keyOf('low'),
    close,
    adjClose: keyOf('adjClose'),
    volume: keyOf('volume'),
  };
  const rows = locateRows(root, dateKey, probe.seriesKey) ?? probe;
  const detector = new DateFormatDetector();
  for (const [d] of rows.entries) {
    const s = typeof d === 'string' ? d : '';
    detector.add(s, 0, s.length);
  }
  const guess = detector.result();
  if (!guess) throw localizedError('UNSUPPORTED_FILE', 'errors:prices.datesUnreadable', { fileName }, { file: fileName });

  const uncertainties: RowProblem[] = [];
  if (guess.ambiguous) {
    uncertainties.push(keyedText('errors:priceDoubt.ambiguousJsonDate', { format: guess.format }));
  }
  if (guess.parsedShare < 0.98) uncertainties.push(keyedText('errors:priceDoubt.someDates', { format: guess.format }));
  const isAlphaVantage = isRecord(root) && 'Meta Data' in root;
  const mapping: JsonPriceFileMapping = {
    kind: 'json',
    shape: rows.shape,
    seriesKey: rows.seriesKey,
    keys,
    dateFormat: guess.format,
    intraday: rows.shape === 'keyed-by-date' ? /intraday/i.test(rows.seriesKey ?? '') : hasRepeatedDays(rows, guess.format),
    closeFrom: 'close',
    source: isAlphaVantage ? 'alpha-vantage' : 'generic',
  };
  if (mapping.intraday) uncertainties.push(keyedText('errors:priceDoubt.intraday'));
  const sortedKeys = [...keyList].sort().join(',');
  return {
    mapping,
    shapeKey: `json|${rows.shape}|${rows.seriesKey ?? ''}|${sortedKeys}`,
    confidence: uncertainties.length === 0 || (mapping.intraday && uncertainties.length === 1) ? 'high' : 'medium',
    uncertainties,
    dateFormatAmbiguous: guess.ambiguous,
    dateFormatAlternatives: guess.alternatives,
    headers: keyList,
    sampleRows: rows.entries.slice(0, 5).map(([d, r]) => [String(d ?? ''), ...keyList.map((k) => String(r[k] ?? ''))]),
    suggestedSymbol: symbolFromJson(root, rows) ?? fileNameSymbol,
  };
}

function hasRepeatedDays(rows: Rows, format: JsonPriceFileMapping['dateFormat']): boolean {
  const reader = new DateReader(format);
  const seen = new Set<number>();
  for (const [d] of rows.entries) {
    if (typeof d !== 'string' || !reader.read(d, 0, d.length)) continue;
    if (reader.secondOfDay >= 0 && seen.has(reader.day)) return true;
    seen.add(reader.day);
  }
  return false;
}

const DOT: Parameters<typeof parseNumber>[1] = { decimalSeparator: '.', thousandsSeparator: '' };

export function parseJsonPrices(
  text: string,
  mapping: JsonPriceFileMapping,
): { columns: PriceColumns; rejected: RejectedRow[]; stats: PriceParseStats } {
  const root = parseJson(text, '');
  const rows = locateRows(root, mapping.keys.date, mapping.seriesKey);
  if (!rows) throw localizedError('IMPORT_REJECTED', 'errors:prices.jsonMappingNoList', undefined, { seriesKey: mapping.seriesKey });
  const reader = new DateReader(mapping.dateFormat);
  const builder = new PriceColumnsBuilder(rows.entries.length, mapping.intraday);
  const rejected: RejectedRow[] = [];
  const closeKey = mapping.closeFrom === 'adjClose' && mapping.keys.adjClose !== null ? mapping.keys.adjClose : mapping.keys.close;
  rows.entries.forEach(([d, record], index) => {
    const line = index + 1;
    let problem: RowProblem | null = null;
    const num = (key: string | null): number => {
      if (key === null) return NaN;
      const v = record[key];
      if (typeof v === 'number') return v;
      if (v === null || v === undefined || v === '') return NaN;
      const n = typeof v === 'string' ? parseNumber(v, DOT) : NaN;
      if (Number.isNaN(n) && problem === null) problem = keyedText('errors:priceRow.fieldNotNumber', { field: key, value: JSON.stringify(v) });
      return n;
    };
    const raw = (): string => (rows.shape === 'keyed-by-date' ? `${String(d)}: ` : '') + JSON.stringify(record);
    const date = typeof d === 'string' ? d : '';
    if (!reader.read(date, 0, date.length)) {
      rejected.push(rejectedRow(line, keyedText('errors:priceRow.jsonDateNotInFormat', { value: JSON.stringify(d ?? null), format: mapping.dateFormat }), raw()));
      return;
    }
    const open = num(mapping.keys.open);
    const high = num(mapping.keys.high);
    const low = num(mapping.keys.low);
    const close = num(closeKey);
    const adjClose = num(mapping.keys.adjClose);
    const volume = num(mapping.keys.volume);
    const reason = problem ?? barProblem(open, high, low, close, volume);
    if (reason !== null) {
      rejected.push(rejectedRow(line, reason, raw()));
      return;
    }
    builder.push(line, reader.day, reader.secondOfDay, open, high, low, close, adjClose, volume, index);
  });
  const done = builder.finish((index) => {
    const e = rows.entries[index];
    return e ? JSON.stringify(e[1]) : '';
  });
  const all = [...rejected, ...done.rejected].sort((a, b) => a.line - b.line);
  return {
    columns: done.columns,
    rejected: all,
    stats: {
      dataRows: rows.entries.length,
      imported: done.columns.length,
      rejected: all.length,
      exactDuplicates: done.exactDuplicates,
      blankLines: 0,
      firstDate: null,
      lastDate: null,
      fileOrder: done.fileOrder,
    },
  };
}
