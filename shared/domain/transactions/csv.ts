import { keyedText, type ErrorText } from '../common/errors';
/**
 * A small CSV reader for broker exports. Broker files break RFC 4180 in many small
 * ways (semicolons, BOMs, title lines, quotes in the middle of a field), so it is
 * lenient where a human would read the file the same way, and keeps the physical
 * line of every row so error messages point at what the user sees in an editor.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvRow {
  /** 1-based physical line where the row starts (quoted newlines push later rows down). */
  line: number;
  cells: string[];
}

export interface CsvProblem extends ErrorText {
  line: number;
  message: string;
}

export interface CsvParse {
  rows: CsvRow[];
  problems: CsvProblem[];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits text into rows. Blank lines are dropped (their line numbers still count).
 * A quote only starts a quoted field at the start of a field; elsewhere it is a
 * literal character, which is how spreadsheet programs read `Total: "13,20"`.
 * Cells are slices of the text, not built a character at a time: a 30 MB statement
 * has millions of cells, and per-character concatenation made the collector the
 * largest cost of a 200,000-line import.
 */
export function tokenizeCsv(input: string, delimiter: CsvDelimiter): CsvParse {
  const problems: CsvProblem[] = [];
  return { rows: [...csvRows(input, delimiter, problems)], problems };
}

/**
 * tokenizeCsv one row at a time, so a large file's rows can be read and dropped instead of
 * all held at once (a 200,000-line statement is millions of cells). Problems go to `problems`.
 */
export function* csvRows(input: string, delimiter: CsvDelimiter, problems: CsvProblem[]): Generator<CsvRow, void, undefined> {
  const reader = new CsvReader(input, delimiter, problems);
  for (let row = reader.next(); row !== null; row = reader.next()) yield row;
}

/**
 * The reader under csvRows, asked for one row after another (null at the end). Large files are read
 * through it directly (presets/preset.ts): a generator resumed 200,000 times costs more than the
 * splitting of the lines it hands out.
 */
export class CsvReader {
  private readonly text: string;
  private readonly sep: number;
  private readonly progress = readProgress;
  private i = 0;
  private line = 1;
  private count = 0;

  constructor(
    input: string,
    delimiter: CsvDelimiter,
    private readonly problems: CsvProblem[],
  ) {
    this.text = stripBom(input);
    this.sep = delimiter.charCodeAt(0);
  }

  next(): CsvRow | null {
    const { text, sep } = this;
    const n = text.length;
    let i = this.i;
    let line = this.line;
    while (i < n) {
      const rowLine = line;
      const cells: string[] = [];
      let ended = false;
      while (!ended) {
        let cell = '';
        if (text.charCodeAt(i) === QUOTE) {
          const quoteStartLine = line;
          let from = i + 1;
          let j = from;
          let closed = false;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === QUOTE) {
              if (text.charCodeAt(j + 1) === QUOTE) {
                // '""' inside quotes is one quote: keep the first, skip the second.
                cell += text.slice(from, j + 1);
                j += 2;
                from = j;
                continue;
              }
              cell += text.slice(from, j);
              j++;
              closed = true;
              break;
            }
            if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line++;
            j++;
          }
          if (!closed) {
            cell += text.slice(from, j);
            this.problems.push({ line: quoteStartLine, ...keyedText('errors:importLine.quoteNotClosed', { line: quoteStartLine }) });
          }
          i = j;
        }
        // Unquoted text, or what follows a closing quote up to the delimiter (kept literally).
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        cells.push(j > i ? cell + text.slice(i, j) : cell);
        i = j;
        if (i >= n) break;
        const c = text.charCodeAt(i);
        i++;
        if (c === sep) {
          if (i < n) continue;
          // A delimiter that ends the text leaves one empty cell after it.
          cells.push('');
          break;
        }
        if (c === CR && text.charCodeAt(i) === LF) i++;
        line++;
        ended = true;
      }
      this.i = i;
      this.line = line;
      if (ended && this.progress !== null && ++this.count % PROGRESS_ROWS === 0) this.progress(i, n);
      // Blank lines are dropped; their line numbers still count.
      if (!(cells.length === 1 && (cells[0] as string).trim() === '')) return { line: rowLine, cells };
    }
    this.i = i;
    this.line = line;
    return null;
  }
}

/** Rows between two reports to a read-progress listener (a read of fewer rows, like a header search, reports nothing). */
const PROGRESS_ROWS = 4096;

/** Told how far into its text a CSV read is (characters read, of all). */
export type ReadProgress = (done: number, total: number) => void;
let readProgress: ReadProgress | null = null;

/**
 * Runs `read` with a listener told how far the CSV reads inside it are, for a progress bar over a
 * large file. A scoped listener rather than a parameter: every preset reads its rows through this
 * module, and the bar needs no change to any of them. Reads run synchronously, so the scope is exact.
 */
export function withReadProgress<T>(listener: ReadProgress, read: () => T): T {
  const outer = readProgress;
  readProgress = listener;
  try {
    return read();
  } finally {
    readProgress = outer;
  }
}

/**
 * Picks the delimiter that gives the most rows of one consistent width (> 1 cell).
 * Counting characters is not enough: decimal commas inside a semicolon file would win.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = firstLines(stripBom(text), 60);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const { rows } = tokenizeCsv(sample, delimiter);
    const { width, count } = modalWidth(rows);
    // Rows ending in empty cells (Rabobank's ';;;') vary in trimmed width but not in cell count.
    const raw = modalWidth(rows.map((r) => ({ line: r.line, cells: r.cells.map(() => 'x') })));
    const score = Math.max(width > 1 ? count : 0, raw.width > 1 ? raw.count : 0);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The text up to its `count`-th line break (any of \r\n, \n, \r), without reading the rest of a large file. */
function firstLines(text: string, count: number): string {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    if (++lines === count) return text.slice(0, i + 1);
  }
  return text;
}

/** Whether a text holds nothing but white space (without copying a 30 MB text as `trim` would). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/** The most common row width among rows with more than one cell (ignoring one trailing empty cell). */
export function modalWidth(rows: readonly CsvRow[]): { width: number; count: number } {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const width = effectiveWidth(row.cells);
    if (width > 1) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let width = 0;
  let count = 0;
  for (const [w, c] of counts) {
    if (c > count || (c === count && w > width)) {
      width = w;
      count = c;
    }
  }
  return { width, count };
}

/** Width without the empty cell a trailing delimiter produces (Parqet ends every line with ';'). */
export function effectiveWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 1 && (cells[width - 1] ?? '').trim() === '') width--;
  return width;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** Lines before the header (titles like 'Transactions for account …'). */
  preamble: CsvRow[];
  header: CsvRow | null;
  rows: CsvRow[];
  problems: CsvProblem[];
}

/**
 * Reads a CSV file whose header may be preceded by title lines. `isHeader` lets a
 * caller that knows its format recognise the header; otherwise the first row as
 * wide as most rows, with no numeric cells, is taken.
 */
export function readCsvTable(
  text: string,
  options: { delimiter?: CsvDelimiter; isHeader?: (cells: string[]) => boolean } = {},
): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const { rows, problems } = tokenizeCsv(text, delimiter);
  const headerIndex = options.isHeader
    ? rows.findIndex((r) => options.isHeader?.(r.cells.map((c) => c.trim())) === true)
    : guessHeaderIndex(rows);
  if (headerIndex < 0) return { delimiter, preamble: [], header: null, rows, problems };
  return {
    delimiter,
    preamble: rows.slice(0, headerIndex),
    header: rows[headerIndex] ?? null,
    rows: rows.slice(headerIndex + 1),
    problems,
  };
}

function guessHeaderIndex(rows: readonly CsvRow[]): number {
  const { width } = modalWidth(rows);
  if (width <= 1) return rows.length > 0 ? 0 : -1;
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const cells = (rows[i] as CsvRow).cells;
    if (effectiveWidth(cells) < width) continue;
    const texty = cells.filter((c) => c.trim() !== '' && !/^[-+(]?[$£€]?\s*\d/.test(c.trim()));
    if (texty.length >= Math.ceil(width / 2)) return i;
  }
  return 0;
}
