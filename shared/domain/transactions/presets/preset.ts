import { keyedText, type ErrorText } from '../../common/errors';
import type { ErrorKey, TextParams } from '../../../i18n/errorText';
import { CsvReader, detectDelimiter, effectiveWidth, isBlank, type CsvProblem, type CsvRow } from '../csv';
import type { ImportField, ImportLineError, ImportResult, SkippedLine } from '../imported-transaction';
import { parseNumberCell, type DecimalSeparator } from '../numbers';

export type PresetId =
  | 'tickerline'
  | 'ibkr-flex-trades'
  | 'ibkr-flex-xml'
  | 'ibkr-flex-cash'
  | 'schwab'
  | 'ghostfolio'
  | 'ghostfolio-json'
  | 'degiro'
  | 'trading212'
  | 'etoro'
  | 'parqet'
  | 'freetrade'
  | 'investengine'
  | 'bux'
  | 'finpension'
  | 'directa'
  | 'releve-fr'
  | 'rabobank'
  | 'portfolio-performance'
  | 'wealthfolio';

/** A broker format we read without asking the user for a mapping. */
export interface TransactionPreset {
  id: PresetId;
  label: string;
  /** True for this format's header row (cells trimmed); false for every row of an XML/JSON format. */
  isHeader(cells: readonly string[]): boolean;
  /**
   * For formats that are not a CSV with one header row (XML, JSON): true when the text is
   * this format. CSV presets leave it out and are recognised by their header.
   */
  recognise?(text: string): boolean;
  /** The language the file is written in (English name), when the format tells. */
  language?(text: string): string | null;
  parse(text: string): ImportResult;
}

/** A catalogue message with its English text, as keyedText makes it. */
export type KeyedText = ErrorText & { message: string };

/** A line's problem worded by the errors catalogue: English in `message`, key and values for the reader's language. */
export function lineError(line: number, field: ImportField, key: ErrorKey, params?: TextParams): ImportLineError {
  return { line, field, ...keyedText(key, params) };
}

/** A line set aside on purpose, with why from the errors catalogue. */
export function skipLine(line: number, key: ErrorKey, params?: TextParams): SkippedLine {
  return skipWith(line, keyedText(key, params));
}

/** skipLine for a reason already made with keyedText. */
export function skipWith(line: number, { message, ...text }: KeyedText): SkippedLine {
  return { line, reason: message, ...text };
}

export function emptyResult(): ImportResult {
  return { transactions: [], cash: [], errors: [], skipped: [] };
}

/** Errors and skipped lines in file order, however the preset found them. */
export function byLine(result: ImportResult): ImportResult {
  result.errors.sort((a, b) => a.line - b.line);
  result.skipped.sort((a, b) => a.line - b.line);
  return result;
}

/** Cells by header name, so presets survive brokers reordering or adding columns. */
export interface NamedRow {
  line: number;
  /** Trimmed cell, '' when the column is missing. */
  get(column: string): string;
  /** Cell exactly as written (notes keep their spaces). */
  raw(column: string): string;
  /** Whether the file has this column at all. */
  has(column: string): boolean;
  /** Where a column sits in this row's header, -1 when missing: found once, then read with `at` on every row of a large file. */
  columnIndex(column: string): number;
  /** Trimmed cell at a position from columnIndex, '' for -1 or a short row. */
  at(index: number): string;
}

/**
 * Reads the table of a preset and reports the problems every preset shares:
 * empty file, header only, unclosed quotes and rows of the wrong width.
 * `rowProblem` lets a preset skip its own footers before the width check.
 * Rows come one at a time as the preset asks for them (nothing is read before the
 * first), so a large file is never held as a table of cells.
 */
export function* readPresetRows(
  text: string,
  preset: Pick<TransactionPreset, 'isHeader' | 'label'>,
  result: ImportResult,
  skipRow: (row: CsvRow) => KeyedText | null = () => null,
): Generator<NamedRow, void, undefined> {
  if (isBlank(text)) {
    result.errors.push(lineError(1, 'row', 'errors:importLine.fileEmpty'));
    return;
  }
  const problems: CsvProblem[] = [];
  let header: { line: number; index: ReadonlyMap<string, number>; width: number } | null = null;
  let rows = 0;
  const reader = new CsvReader(text, detectDelimiter(text), problems);
  for (let row = reader.next(); row !== null; row = reader.next()) {
    if (header === null) {
      const cells = row.cells.map((c) => c.trim());
      if (preset.isHeader(cells)) header = { line: row.line, index: new Map(cells.map((h, i) => [h, i] as const)), width: effectiveWidth(cells) };
      continue;
    }
    rows++;
    const skip = skipRow(row);
    if (skip !== null) {
      result.skipped.push(skipWith(row.line, skip));
      continue;
    }
    const { width } = header;
    if (effectiveWidth(row.cells) > width || row.cells.length < width) {
      result.errors.push(lineError(row.line, 'row', 'errors:importLine.width', { count: effectiveWidth(row.cells), width }));
      continue;
    }
    yield new CellsByName(row.line, row.cells, header.index);
  }
  if (header === null) {
    result.errors.push(lineError(1, 'row', 'errors:preset.noHeader'));
    return;
  }
  // An unclosed quote found before or inside the header is reported with the rows' problems, as the table read did.
  for (const p of problems) result.errors.push({ ...p, field: 'row' });
  if (rows === 0) result.errors.push(lineError(header.line, 'row', 'errors:importLine.headerNoRows'));
}

/**
 * A row read through its header's column index. One shared index and methods on the
 * prototype, not two closures per row: a 200,000-line file makes 200,000 of these.
 */
export class CellsByName implements NamedRow {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  raw(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  get(column: string): string {
    return this.raw(column).trim();
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  columnIndex(column: string): number {
    return this.index.get(column) ?? -1;
  }

  at(index: number): string {
    return index < 0 ? '' : (this.cells[index] ?? '').trim();
  }
}

/** Collects field errors for one row; `ok` tells whether the row may become a transaction. */
export class RowErrors {
  private readonly list: ({ field: ImportField } & KeyedText)[] = [];

  constructor(
    private readonly line: number,
    private readonly decimal: DecimalSeparator,
  ) {}

  add(field: ImportField, key: ErrorKey, params?: TextParams): void {
    this.list.push({ field, ...keyedText(key, params) });
  }

  /** The number in a cell, or null with "<column>: <why>." added. */
  number(field: ImportField, raw: string, column: string): number | null {
    const parsed = parseNumberCell(raw, this.decimal);
    if (parsed.ok) return parsed.value;
    this.add(field, 'errors:preset.cell', { column, reason: parsed.text });
    return null;
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  flushInto(result: ImportResult): void {
    for (const e of this.list) result.errors.push({ line: this.line, ...e });
  }
}
