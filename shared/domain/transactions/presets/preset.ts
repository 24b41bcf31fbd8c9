import { CsvReader, detectDelimiter, effectiveWidth, isBlank, type CsvProblem, type CsvRow } from '../csv';
import type { ImportField, ImportResult } from '../imported-transaction';
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
  skipRow: (row: CsvRow) => string | null = () => null,
): Generator<NamedRow, void, undefined> {
  if (isBlank(text)) {
    result.errors.push({ line: 1, field: 'row', message: 'The file is empty.' });
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
      result.skipped.push({ line: row.line, reason: skip });
      continue;
    }
    const { width } = header;
    if (effectiveWidth(row.cells) > width || row.cells.length < width) {
      result.errors.push({
        line: row.line,
        field: 'row',
        message: `This line has ${effectiveWidth(row.cells)} ${effectiveWidth(row.cells) === 1 ? 'value' : 'values'} but the header has ${width}; a delimiter or quote is probably missing or extra.`,
      });
      continue;
    }
    yield new CellsByName(row.line, row.cells, header.index);
  }
  if (header === null) {
    result.errors.push({ line: 1, field: 'row', message: `No ${preset.label} header row found.` });
    return;
  }
  // An unclosed quote found before or inside the header is reported with the rows' problems, as the table read did.
  for (const p of problems) result.errors.push({ line: p.line, field: 'row', message: p.message });
  if (rows === 0) result.errors.push({ line: header.line, field: 'row', message: 'The file has a header but no transactions.' });
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
}

/** Collects field errors for one row; `ok` tells whether the row may become a transaction. */
export class RowErrors {
  private readonly list: { field: ImportField; message: string }[] = [];

  constructor(
    private readonly line: number,
    private readonly decimal: DecimalSeparator,
  ) {}

  add(field: ImportField, message: string): void {
    this.list.push({ field, message });
  }

  number(field: ImportField, raw: string, label: string): number | null {
    const parsed = parseNumberCell(raw, this.decimal);
    if (parsed.ok) return parsed.value;
    this.add(field, `${label}: ${parsed.reason}.`);
    return null;
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  flushInto(result: ImportResult): void {
    for (const e of this.list) result.errors.push({ line: this.line, ...e });
  }
}
