import { DateReader } from './date-formats';
import type { DelimitedPriceFileMapping } from './mapping';
import { isMissingValue, parseNumberAt, type NumberFormat } from './numbers';
import { keyedText } from '../common/errors';
import { barProblem, PriceColumnsBuilder, rejectedRow, type PriceColumns, type PriceParseStats, type RejectedRow, type RowProblem } from './price-columns';
import { RecordScanner } from './record-scanner';

/** The column a number was read from, named in the reader's language. */
const ROLE_LABELS = {
  open: 'errors:priceColumn.open',
  high: 'errors:priceColumn.high',
  low: 'errors:priceColumn.low',
  close: 'errors:priceColumn.close',
  adjClose: 'errors:priceColumn.adjClose',
  volume: 'errors:priceColumn.volume',
} as const;

/** Raw outcome of the row loop, before PriceFileResult adds adjustment and stats. */
export interface DelimitedParseOutcome {
  columns: PriceColumns;
  rejected: RejectedRow[];
  stats: PriceParseStats;
}

/**
 * The hot path: one pass over the text with RecordScanner, numbers and dates read from
 * character codes, values written into growing typed arrays. Nothing is allocated per
 * valid row.
 */
export function parseDelimited(text: string, mapping: DelimitedPriceFileMapping): DelimitedParseOutcome {
  const scanner = new RecordScanner(text, mapping.delimiter);
  for (let i = 0; i < mapping.headerLineCount && scanner.next(); i++) {
    // header, ticker and preamble records
  }
  const builder = new PriceColumnsBuilder(Math.ceil(text.length / 48), mapping.intraday);
  const rejected: RejectedRow[] = [];
  const reader = new DateReader(mapping.dateFormat);
  const format: NumberFormat = { decimalSeparator: mapping.decimalSeparator, thousandsSeparator: mapping.thousandsSeparator };
  const { columns: cols, fieldCount } = mapping;
  const closeCol = mapping.closeFrom === 'adjClose' && cols.adjClose !== null ? cols.adjClose : cols.close;
  let dataRows = 0;
  let blankLines = 0;
  let problem: RowProblem | null = null;

  // Reads one optional numeric column; NaN for missing, and sets `problem` for garbage.
  const num = (col: number | null, role: keyof typeof ROLE_LABELS): number => {
    if (col === null) return NaN;
    const s = scanner.fieldStart[col] ?? 0;
    const e = scanner.fieldEnd[col] ?? 0;
    const v = parseNumberAt(text, s, e, format);
    if (v === v) return v; // not NaN
    if (!isMissingValue(text, s, e) && problem === null) problem = keyedText('errors:priceRow.notNumber', { column: { key: ROLE_LABELS[role] }, value: text.slice(s, e) });
    return NaN;
  };

  while (scanner.next()) {
    if (scanner.isBlank) {
      blankLines++;
      continue;
    }
    dataRows++;
    const line = scanner.line;
    if (scanner.fieldCount !== fieldCount && !onlyEmptyExtras(scanner, fieldCount)) {
      rejected.push(rejectedRow(line, raggedReason(scanner, fieldCount), scanner.raw()));
      continue;
    }
    if (scanner.unterminatedQuote) {
      rejected.push(rejectedRow(line, keyedText('errors:priceRow.quoteNotClosed'), scanner.raw()));
      continue;
    }
    const ds = scanner.fieldStart[cols.date] ?? 0;
    const de = scanner.fieldEnd[cols.date] ?? 0;
    if (!reader.read(text, ds, de)) {
      rejected.push(rejectedRow(line, keyedText('errors:priceRow.dateNotInFormat', { value: text.slice(ds, de), format: mapping.dateFormat }), scanner.raw()));
      continue;
    }
    problem = null;
    const open = num(cols.open, 'open');
    const high = num(cols.high, 'high');
    const low = num(cols.low, 'low');
    const close = num(closeCol, closeCol === cols.adjClose ? 'adjClose' : 'close');
    const adjClose = num(cols.adjClose, 'adjClose');
    const volume = num(cols.volume, 'volume');
    const reason = problem ?? barProblem(open, high, low, close, volume);
    if (reason !== null) {
      rejected.push(rejectedRow(line, reason, scanner.raw()));
      continue;
    }
    builder.push(line, reader.day, reader.secondOfDay, open, high, low, close, adjClose, volume, scanner.recordStart);
  }

  const done = builder.finish((offset) => {
    const one = new RecordScanner(text, mapping.delimiter, offset);
    return one.next() ? one.raw() : '';
  });
  const all = [...rejected, ...done.rejected].sort((a, b) => a.line - b.line);
  const c = done.columns;
  return {
    columns: c,
    rejected: all,
    stats: {
      dataRows,
      imported: c.length,
      rejected: all.length,
      exactDuplicates: done.exactDuplicates,
      blankLines,
      firstDate: null,
      lastDate: null,
      fileOrder: done.fileOrder,
    },
  };
}

/** A trailing delimiter ("a;b;c;") gives an extra empty field; that is not a ragged row. */
function onlyEmptyExtras(scanner: RecordScanner, fieldCount: number): boolean {
  if (scanner.fieldCount < fieldCount) return false;
  for (let i = fieldCount; i < scanner.fieldCount; i++) {
    if ((scanner.fieldEnd[i] ?? 0) > (scanner.fieldStart[i] ?? 0)) return false;
  }
  return true;
}

function raggedReason(scanner: RecordScanner, fieldCount: number): RowProblem {
  const got = scanner.fieldCount;
  const cut = scanner.offset >= scanner.text.length && got < fieldCount;
  if (scanner.unterminatedQuote) return keyedText('errors:priceRow.quoteNotClosed');
  if (cut) return keyedText('errors:priceRow.lastRowCut', { got, expected: fieldCount });
  return keyedText('errors:priceRow.ragged', { count: got, expected: fieldCount });
}
