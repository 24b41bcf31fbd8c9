import { fromEpochDay, type IsoDate } from '../common/dates';
import { keyedText, type ErrorText } from '../common/errors';
import { orNull } from '../common/numbers';
import type { PriceBar } from '../securities/security';

/**
 * Parsed rows in columnar form, oldest first. The storage layer inserts straight from
 * these arrays, so a million-row import allocates a handful of typed arrays rather than
 * a million objects. NaN marks a value the file does not have.
 */
export interface PriceColumns {
  length: number;
  epochDay: Int32Array; // days since 1970-01-01 of the date written in the file
  secondOfDay: Int32Array; // time of day as written, -1 when the file has none
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
  line: Int32Array; // 1-based line the row came from
}

export interface RejectedRow extends ErrorText {
  line: number; // 1-based physical line (JSON: position of the record, see json-prices.ts)
  /** English; `key` and `params` word it in the reader's language. */
  reason: string;
  raw: string;
}

/** Why a row was refused, as a catalogue message with its English text. */
export type RowProblem = ErrorText & { message: string };

/** A refused row: its line, the catalogue message (English kept as `reason`) and the row as written. */
export function rejectedRow(line: number, problem: RowProblem, raw: string): RejectedRow {
  const { message, ...text } = problem;
  return { line, reason: message, ...text, raw };
}

export interface PriceParseStats {
  /** Non-blank records after the header. */
  dataRows: number;
  imported: number;
  rejected: number;
  /** Rows repeating an earlier row exactly; skipped, not rejected. */
  exactDuplicates: number;
  blankLines: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  /** Order of the rows in the file (Investing and Nasdaq write newest first). */
  fileOrder: 'ascending' | 'descending' | 'unsorted' | 'empty';
}

/** Reasons a row cannot become a bar, or null when it can. */
export function barProblem(open: number, high: number, low: number, close: number, volume: number): RowProblem | null {
  if (Number.isNaN(close)) return keyedText('errors:priceRow.noClose');
  // A run of hundreds of digits parses to Infinity, which no price or volume is (and JSON cannot carry).
  if ([open, high, low, close, volume].some((v) => v === Infinity || v === -Infinity)) return keyedText('errors:priceRow.tooLarge');
  if (close <= 0) return keyedText('errors:priceRow.closeNotPositive', { close });
  if (high < low) return keyedText('errors:priceRow.highBelowLow', { high, low });
  if (open < 0 || high < 0 || low < 0) return keyedText('errors:priceRow.negativePrice');
  if (volume < 0) return keyedText('errors:priceRow.negativeVolume', { volume });
  return null;
}

/** Collects valid rows, then sorts them and resolves rows sharing a date (or, intraday, a minute). */
export class PriceColumnsBuilder {
  private n = 0;
  private cols: PriceColumns;
  /** Per row, a handle the caller can turn back into the raw text (record offset, JSON index). */
  private refs: Int32Array;
  private readonly intraday: boolean;

  constructor(capacityHint: number, intraday: boolean) {
    this.intraday = intraday;
    this.cols = allocate(Math.max(16, capacityHint));
    this.refs = new Int32Array(this.cols.epochDay.length);
  }

  get count(): number {
    return this.n;
  }

  push(
    line: number,
    day: number,
    second: number,
    open: number,
    high: number,
    low: number,
    close: number,
    adjClose: number,
    volume: number,
    ref: number,
  ): void {
    if (this.n === this.cols.epochDay.length) {
      this.cols = grow(this.cols, this.n * 2);
      const refs = new Int32Array(this.n * 2);
      refs.set(this.refs);
      this.refs = refs;
    }
    this.refs[this.n] = ref;
    const c = this.cols;
    const i = this.n++;
    c.epochDay[i] = day;
    c.secondOfDay[i] = second;
    c.open[i] = open;
    c.high[i] = high;
    c.low[i] = low;
    c.close[i] = close;
    c.adjClose[i] = adjClose;
    c.volume[i] = volume;
    c.line[i] = line;
  }

  /**
   * Sorts oldest first and settles repeated dates: an exact repeat is dropped and
   * counted; differing rows for one date are all rejected, since we cannot tell which
   * is right and a wrong price would silently skew every chart and return. Intraday
   * logs legitimately hold several bars stamped with the same minute; those stay, in
   * file order, for aggregateIntradayToDaily.
   */
  finish(rawOf: (ref: number) => string): {
    columns: PriceColumns;
    rejected: RejectedRow[];
    exactDuplicates: number;
    fileOrder: PriceParseStats['fileOrder'];
  } {
    const n = this.n;
    const c = this.cols;
    const key = (i: number): number => (c.epochDay[i] ?? 0) * 86_400 + (this.intraday ? Math.max(0, c.secondOfDay[i] ?? 0) : 0);
    let ascending = true;
    let descending = true;
    for (let i = 1; i < n && (ascending || descending); i++) {
      const d = key(i) - key(i - 1);
      if (d < 0) ascending = false;
      if (d > 0) descending = false;
    }
    const fileOrder = n === 0 ? 'empty' : ascending ? 'ascending' : descending ? 'descending' : 'unsorted';
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = descending && !ascending ? n - 1 - i : i;
    if (!ascending && !descending) {
      // stable: equal keys keep file order, so the first of two repeats stays first
      const idx = Array.from(order);
      idx.sort((a, b) => key(a) - key(b) || a - b);
      order.set(idx);
    }

    const keep = new Uint8Array(n).fill(1);
    const rejected: RejectedRow[] = [];
    let exactDuplicates = 0;
    let runStart = 0;
    while (runStart < n) {
      let runEnd = runStart + 1;
      const k = key(order[runStart] ?? 0);
      while (runEnd < n && key(order[runEnd] ?? 0) === k) runEnd++;
      if (runEnd - runStart > 1) {
        const first = order[runStart] ?? 0;
        let conflict = false;
        for (let j = runStart + 1; j < runEnd; j++) {
          const other = order[j] ?? 0;
          if (sameValues(c, first, other)) {
            keep[other] = 0;
            exactDuplicates++;
          } else if (!this.intraday) {
            conflict = true;
          }
        }
        if (conflict) {
          const lines: number[] = [];
          for (let j = runStart; j < runEnd; j++) {
            const row = order[j] ?? 0;
            if (j === runStart || keep[row] === 1) lines.push(c.line[row] ?? 0);
          }
          const when = fromEpochDay(Math.floor(k / 86_400)) + (this.intraday ? ` ${clock(k % 86_400)}` : '');
          for (let j = runStart; j < runEnd; j++) {
            const row = order[j] ?? 0;
            if (keep[row] === 0) continue;
            keep[row] = 0;
            const line = c.line[row] ?? 0;
            const others = lines.filter((l) => l !== line);
            const problem = keyedText('errors:priceRow.sameDate', { when, count: others.length, lines: others.join(', ') });
            rejected.push(rejectedRow(line, problem, rawOf(this.refs[row] ?? 0)));
          }
        }
      }
      runStart = runEnd;
    }

    let kept = 0;
    for (let i = 0; i < n; i++) kept += keep[i] ?? 0;
    const out = allocate(kept);
    let o = 0;
    for (let j = 0; j < n; j++) {
      const i = order[j] ?? 0;
      if (keep[i] === 0) continue;
      out.epochDay[o] = c.epochDay[i] ?? 0;
      out.secondOfDay[o] = c.secondOfDay[i] ?? -1;
      out.open[o] = c.open[i] ?? NaN;
      out.high[o] = c.high[i] ?? NaN;
      out.low[o] = c.low[i] ?? NaN;
      out.close[o] = c.close[i] ?? NaN;
      out.adjClose[o] = c.adjClose[i] ?? NaN;
      out.volume[o] = c.volume[i] ?? NaN;
      out.line[o] = c.line[i] ?? 0;
      o++;
    }
    return { columns: out, rejected, exactDuplicates, fileOrder };
  }
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function same(a: number | undefined, b: number | undefined): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function sameValues(c: PriceColumns, i: number, j: number): boolean {
  return (
    same(c.open[i], c.open[j]) &&
    same(c.high[i], c.high[j]) &&
    same(c.low[i], c.low[j]) &&
    same(c.close[i], c.close[j]) &&
    same(c.adjClose[i], c.adjClose[j]) &&
    same(c.volume[i], c.volume[j])
  );
}

function allocate(n: number): PriceColumns {
  return {
    length: n,
    epochDay: new Int32Array(n),
    secondOfDay: new Int32Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
    line: new Int32Array(n),
  };
}

function grow(c: PriceColumns, n: number): PriceColumns {
  const g = allocate(n);
  g.epochDay.set(c.epochDay);
  g.secondOfDay.set(c.secondOfDay);
  g.open.set(c.open);
  g.high.set(c.high);
  g.low.set(c.low);
  g.close.set(c.close);
  g.adjClose.set(c.adjClose);
  g.volume.set(c.volume);
  g.line.set(c.line);
  return g;
}

/** Object form for callers that want PriceBar (the UI preview, small files). */
export function columnsToBars(c: PriceColumns): PriceBar[] {
  const bars: PriceBar[] = [];
  for (let i = 0; i < c.length; i++) {
    bars.push({
      date: fromEpochDay(c.epochDay[i] ?? 0),
      open: orNull(c.open[i]),
      high: orNull(c.high[i]),
      low: orNull(c.low[i]),
      close: c.close[i] ?? NaN,
      adjClose: orNull(c.adjClose[i]),
      volume: orNull(c.volume[i]),
    });
  }
  return bars;
}
