import { keyedText, localizedError } from '../common/errors';
import { assignRoles, isTickerHeader, normalizeHeader, type ColumnMapping, type PriceColumnRole } from './column-roles';
import { DateFormatDetector, DateReader, tokenizeDate, type DateFormat } from './date-formats';
import type { Delimiter, DelimitedPriceFileMapping, PriceFileDetection, PriceFileSource } from './mapping';
import { detectNumberFormat } from './numbers';
import type { RowProblem } from './price-columns';
import { RecordScanner } from './record-scanner';

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
/** Detection reads only the start of the file; parsing then streams the whole of it. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 400;
/** Preamble lines tolerated before the header (broker and Investing exports add a few). */
const MAX_HEADER_SEARCH = 30;

interface SampleRecord {
  fields: string[];
  line: number;
  offset: number;
  blank: boolean;
}

interface Layout {
  delimiter: Delimiter;
  records: SampleRecord[];
  headerIndex: number; // -1: no header row
  dataIndex: number;
  fieldCount: number;
  roles: Partial<Record<PriceColumnRole, number>>;
  extraHeaderRows: string[][];
  score: number;
}

function sample(text: string, delimiter: Delimiter): SampleRecord[] {
  // Scanning a slice keeps the scanner's look-ahead for an absent delimiter (probing
  // ';' in a comma file) from running through all of a 70 MB file.
  const cut = text.length > SAMPLE_CHARS * 2 ? text.lastIndexOf('\n', SAMPLE_CHARS * 2) + 1 : text.length;
  const scanner = new RecordScanner(cut > 0 ? text.slice(0, cut) : text, delimiter);
  const out: SampleRecord[] = [];
  while (out.length < SAMPLE_RECORDS && scanner.offset < SAMPLE_CHARS && scanner.next()) {
    out.push({ fields: scanner.fields(), line: scanner.line, offset: scanner.recordStart, blank: scanner.isBlank });
  }
  return out;
}

function isDate(value: string): boolean {
  return tokenizeDate(value, 0, value.length) !== null;
}

function isNumeric(value: string): boolean {
  return /^\s*[-+]?[$€£¥]?\s*\d[\d.,' ]*(e[-+]?\d+)?\s*[%KMBTkmbt]?\s*$/i.test(value);
}

function looksLikeData(fields: readonly string[]): boolean {
  return fields.some(isDate) && fields.some((f) => isNumeric(f) && !isDate(f));
}

function findLayout(text: string, delimiter: Delimiter): Layout | null {
  const records = sample(text, delimiter);
  let headerIndex = -1;
  for (let i = 0; i < Math.min(records.length, MAX_HEADER_SEARCH); i++) {
    const fields = records[i]?.fields ?? [];
    if (fields.length < 2) continue;
    if (looksLikeData(fields)) break;
    if (Object.keys(assignRoles([fields])).length >= 2) {
      headerIndex = i;
      break;
    }
  }
  let dataIndex = headerIndex + 1;
  while (dataIndex < records.length) {
    const r = records[dataIndex];
    if (r && !r.blank && looksLikeData(r.fields)) break;
    dataIndex++;
  }
  if (headerIndex < 0 && dataIndex >= records.length) return null;
  const headerRow = records[headerIndex]?.fields;
  const firstData = records[dataIndex]?.fields;
  const fieldCount = headerRow?.length ?? firstData?.length ?? 0;
  if (fieldCount < 2) return null;

  const extraHeaderRows = records
    .slice(headerIndex + 1, dataIndex)
    .filter((r) => !r.blank)
    .map((r) => r.fields);
  const dataRows = records.slice(dataIndex).filter((r) => !r.blank);
  const roles = headerRow ? assignRoles([headerRow, ...extraHeaderRows]) : positionalRoles(dataRows[0]?.fields ?? []);
  if (roles.date === undefined) {
    const col = mostlyDates(dataRows, fieldCount);
    if (col >= 0) roles.date = col;
  }
  if (roles.date === undefined || roles.close === undefined) return null;

  let consistent = 0;
  for (const r of dataRows) if (r.fields.length === fieldCount) consistent++;
  const score = consistent + (headerRow ? 1000 : 0);
  return { delimiter, records, headerIndex, dataIndex, fieldCount, roles, extraHeaderRows, score };
}

function mostlyDates(rows: readonly SampleRecord[], width: number): number {
  for (let col = 0; col < width; col++) {
    let dates = 0;
    for (const r of rows) if (isDate(r.fields[col] ?? '')) dates++;
    if (rows.length > 0 && dates >= rows.length * 0.9) return col;
  }
  return -1;
}

/** Without a header, the usual order after the date is Open, High, Low, Close[, Adj Close], Volume. */
function positionalRoles(fields: readonly string[]): Partial<Record<PriceColumnRole, number>> {
  const dateCol = fields.findIndex(isDate);
  if (dateCol < 0) return {};
  const numeric = fields.map((f, i) => i).filter((i) => i !== dateCol && isNumeric(fields[i] ?? ''));
  const pick = (k: number): number | undefined => numeric[k];
  switch (numeric.length) {
    case 1:
      return { date: dateCol, close: pick(0) };
    case 4:
      return { date: dateCol, open: pick(0), high: pick(1), low: pick(2), close: pick(3) };
    case 5:
      return { date: dateCol, open: pick(0), high: pick(1), low: pick(2), close: pick(3), volume: pick(4) };
    case 6:
      return { date: dateCol, open: pick(0), high: pick(1), low: pick(2), close: pick(3), adjClose: pick(4), volume: pick(5) };
    default:
      return numeric.length > 0 ? { date: dateCol, close: pick(0) } : {};
  }
}

function toColumns(roles: Partial<Record<PriceColumnRole, number>>): ColumnMapping {
  return {
    date: roles.date ?? 0,
    close: roles.close ?? 0,
    open: roles.open ?? null,
    high: roles.high ?? null,
    low: roles.low ?? null,
    adjClose: roles.adjClose ?? null,
    volume: roles.volume ?? null,
  };
}

const YAHOO_DOWNLOAD = 'date,open,high,low,close,adjclose,volume';
const YFINANCE_ORDER = /^(date|datetime),(adjclose,)?close,high,low,open,volume$/;

function guessSource(names: string[], extraRows: number, fileName: string, sampleCloses: string[]): PriceFileSource {
  const joined = names.join(',');
  if (names.includes('dividends') && names.includes('stocksplits')) return 'yfinance-history';
  if (extraRows > 0 || YFINANCE_ORDER.test(joined)) return 'yfinance-download';
  if (joined === YAHOO_DOWNLOAD) return 'yahoo-download';
  if ((names.includes('price') || names.includes('zuletzt')) && names.includes('vol')) return 'investing';
  if (names.includes('closelast') || sampleCloses.some((c) => c.trim().startsWith('$'))) return 'nasdaq';
  // Stooq writes its headers in Polish when the site is set to Polish
  if (names.includes('zamkniecie') || names.includes('otwarcie')) return 'stooq';
  if (/stooq/i.test(fileName) || /_[a-z]{2}_[dwmqy]\.csv$/i.test(fileName)) return 'stooq';
  return 'generic';
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function detectDelimited(text: string, fileName: string, suggestedSymbol: string | null): PriceFileDetection {
  let best: Layout | null = null;
  for (const d of DELIMITERS) {
    const layout = findLayout(text, d);
    if (layout && (!best || layout.score > best.score)) best = layout;
  }
  if (!best) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:prices.noDateColumn', { fileName }, { file: fileName });
  }
  const { records, roles, fieldCount, delimiter } = best;
  const dataRecords = records.slice(best.dataIndex).filter((r) => !r.blank);
  const firstData = records[best.dataIndex];
  if (!firstData || dataRecords.length === 0) {
    throw localizedError('IMPORT_REJECTED', 'errors:prices.headersNoRowsNamed', { fileName }, { file: fileName });
  }
  const columns = toColumns(roles);
  const uncertainties: RowProblem[] = [];

  // Date format: the sample first; slash and dash dates get a whole-file pass, because
  // one row with day 13 anywhere settles day-first versus month-first.
  const sampleDetector = new DateFormatDetector();
  for (const r of dataRecords) {
    const v = r.fields[columns.date] ?? '';
    sampleDetector.add(v, 0, v.length);
  }
  let dateGuess = sampleDetector.result();
  if (dateGuess && /^(DD|MM)[/-]/.test(dateGuess.format)) {
    const whole = new DateFormatDetector();
    const scanner = new RecordScanner(text, delimiter, firstData.offset, firstData.line);
    while (scanner.next()) {
      if (scanner.isBlank || columns.date >= scanner.fieldCount) continue;
      whole.add(text, scanner.fieldStart[columns.date] ?? 0, scanner.fieldEnd[columns.date] ?? 0);
    }
    dateGuess = whole.result() ?? dateGuess;
  }
  if (!dateGuess) {
    throw localizedError('UNSUPPORTED_FILE', 'errors:prices.datesUnreadable', { fileName }, { file: fileName, column: columns.date });
  }
  const dateFormat: DateFormat = dateGuess.format;
  if (dateGuess.ambiguous) {
    uncertainties.push(keyedText('errors:priceDoubt.ambiguousDate', { format: dateFormat }));
  }
  if (dateGuess.parsedShare < 0.98) {
    uncertainties.push(keyedText('errors:priceDoubt.someDatesInColumn', { column: headerName(best, columns.date), format: dateFormat }));
  }

  // Intraday: a day that occurs with different times.
  let intraday = false;
  if (dateGuess.hasTime) {
    const reader = new DateReader(dateFormat);
    const seen = new Map<number, number>();
    for (const r of dataRecords) {
      const v = r.fields[columns.date] ?? '';
      if (!reader.read(v, 0, v.length)) continue;
      const prev = seen.get(reader.day);
      if (prev !== undefined && prev !== reader.secondOfDay) {
        intraday = true;
        break;
      }
      seen.set(reader.day, reader.secondOfDay);
    }
  }
  if (intraday) {
    uncertainties.push(keyedText('errors:priceDoubt.intraday'));
  }

  const numericCols = [columns.open, columns.high, columns.low, columns.close, columns.adjClose, columns.volume].filter(
    (c): c is number => c !== null,
  );
  const numericValues: string[] = [];
  for (const r of dataRecords) for (const c of numericCols) numericValues.push(r.fields[c] ?? '');
  const numbers = detectNumberFormat(numericValues);
  if (!numbers.certain) {
    uncertainties.push(keyedText('errors:priceDoubt.decimalMark', { example: numericValues.find((v) => /[.,]/.test(v)) ?? '', mark: numbers.format.decimalSeparator }));
  }
  if (best.headerIndex < 0) {
    uncertainties.push(keyedText('errors:priceDoubt.noHeader'));
  }

  const headerRow = records[best.headerIndex]?.fields ?? [];
  const names = headerRow.map(normalizeHeader);
  const source = guessSource(
    names,
    best.extraHeaderRows.length,
    fileName,
    dataRecords.slice(0, 5).map((r) => r.fields[columns.close] ?? ''),
  );
  const mapping: DelimitedPriceFileMapping = {
    kind: 'delimited',
    delimiter,
    headerLineCount: best.dataIndex,
    firstDataLine: firstData.line,
    fieldCount,
    columns,
    dateFormat,
    decimalSeparator: numbers.format.decimalSeparator,
    thousandsSeparator: numbers.format.thousandsSeparator,
    intraday,
    closeFrom: 'close',
    source,
  };
  const extraShape = best.extraHeaderRows.map((r) => (isTickerHeader(r[0] ?? '') ? 'ticker' : normalizeHeader(r[0] ?? '') || '_'));
  const shapeKey = ['delimited', DELIMITER_NAMES[delimiter], names.join(',') || `no-header:${fieldCount}`, ...extraShape].join('|');

  const serious = best.headerIndex < 0 || dateGuess.parsedShare < 0.9;
  const doubts = uncertainties.length - (intraday ? 1 : 0);
  return {
    mapping,
    shapeKey,
    confidence: serious ? 'low' : doubts > 0 ? 'medium' : 'high',
    uncertainties,
    dateFormatAmbiguous: dateGuess.ambiguous,
    dateFormatAlternatives: dateGuess.alternatives,
    headers: headerRow,
    sampleRows: dataRecords.slice(0, 5).map((r) => r.fields),
    suggestedSymbol,
  };
}

function headerName(layout: Layout, col: number): string {
  return layout.records[layout.headerIndex]?.fields[col] ?? `column ${col + 1}`;
}
