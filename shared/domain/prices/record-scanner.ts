/**
 * A single-pass reader of delimited text (CSV, TSV, semicolon files). It hands out
 * one record at a time as offsets into the original string, so parsing a 70 MB file
 * neither splits it into lines nor allocates a string per field: callers read numbers
 * and dates straight from the character codes.
 *
 * Quoting follows RFC 4180: a field starting with `"` runs to the next lone `"`, may
 * contain delimiters and newlines, and `""` stands for one quote. Line numbers count
 * physical lines, so a quoted newline does not shift the numbers reported for later rows.
 */
export class RecordScanner {
  readonly text: string;
  private readonly delimiter: number;
  private readonly delimiterChar: string;
  private pos: number;
  private nextLine: number;
  /** Offset of the next `"` at or after pos (text.length when none): lets unquoted lines skip the slow path. */
  private nextQuote = -1;
  private nextDelimiter = -1;
  /** Files ending lines with a lone CR (classic Mac) cannot use the indexOf('\n') fast path. */
  private readonly crOnly: boolean;

  /** Field boundaries of the current record (content only, quotes excluded). */
  fieldStart = new Int32Array(16);
  fieldEnd = new Int32Array(16);
  /** 0 = plain, 1 = was quoted, 2 = quoted and contains `""` escapes. */
  fieldQuoting = new Uint8Array(16);
  fieldCount = 0;
  /** 1-based physical line on which the current record starts. */
  line = 0;
  recordStart = 0;
  /** End of the record's text, excluding the line break. */
  recordEnd = 0;
  /** The record ran into the end of the file inside a quoted field. */
  unterminatedQuote = false;

  constructor(text: string, delimiter: string, startOffset = 0, startLine = 1) {
    this.text = text;
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterChar = delimiter.charAt(0);
    this.pos = startOffset;
    this.nextLine = startLine;
    this.crOnly = text.indexOf('\n', startOffset) < 0 && text.indexOf('\r', startOffset) >= 0;
  }

  /** Offset and line where the next record would start; lets detection resume a scan. */
  get offset(): number {
    return this.pos;
  }

  get isBlank(): boolean {
    return this.fieldCount === 1 && this.fieldStart[0] === this.fieldEnd[0] && this.fieldQuoting[0] === 0;
  }

  next(): boolean {
    const text = this.text;
    const len = text.length;
    const p = this.pos;
    if (p >= len) return false;
    if (this.nextQuote < p) {
      const q = text.indexOf('"', p);
      this.nextQuote = q < 0 ? len : q;
    }
    if (!this.crOnly) {
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd < 0) lineEnd = len;
      if (this.nextQuote >= lineEnd) return this.unquotedLine(p, lineEnd);
    }
    return this.general(p);
  }

  /**
   * The common case, a line without quotes: native indexOf finds the delimiters, which
   * is several times faster than inspecting every character in JavaScript.
   */
  private unquotedLine(p: number, lineEnd: number): boolean {
    const text = this.text;
    const end = lineEnd > p && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const delim = this.delimiterChar;
    this.line = this.nextLine;
    this.recordStart = p;
    this.recordEnd = end;
    this.unterminatedQuote = false;
    let count = 0;
    for (;;) {
      if (count === this.fieldStart.length) this.grow();
      // The next delimiter may lie lines ahead (or nowhere, when probing a candidate
      // delimiter); remembering it keeps the whole scan linear.
      if (this.nextDelimiter < p) {
        const found = text.indexOf(delim, p);
        this.nextDelimiter = found < 0 ? text.length : found;
      }
      const d = this.nextDelimiter > end ? end : this.nextDelimiter;
      this.fieldStart[count] = p;
      this.fieldEnd[count] = d;
      this.fieldQuoting[count] = 0;
      count++;
      if (d === end) break;
      p = d + 1;
    }
    this.fieldCount = count;
    this.pos = lineEnd + 1;
    this.nextLine++;
    return true;
  }

  private general(start: number): boolean {
    const text = this.text;
    const len = text.length;
    let p = start;
    const delim = this.delimiter;
    this.line = this.nextLine;
    this.recordStart = p;
    this.unterminatedQuote = false;
    let count = 0;
    let lines = 1;

    for (;;) {
      if (count === this.fieldStart.length) this.grow();
      let c = p < len ? text.charCodeAt(p) : -1;
      if (c === 34 /* " */) {
        let quoting = 1;
        const start = p + 1;
        let q = start;
        let end = -1;
        while (q < len) {
          const d = text.charCodeAt(q);
          if (d === 34) {
            if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
              quoting = 2;
              q += 2;
              continue;
            }
            end = q;
            break;
          }
          if (d === 10) lines++;
          else if (d === 13 && (q + 1 >= len || text.charCodeAt(q + 1) !== 10)) lines++;
          q++;
        }
        if (end < 0) {
          this.unterminatedQuote = true;
          end = len;
          q = len;
        } else {
          q = end + 1;
        }
        // Anything between the closing quote and the delimiter is dropped, as spreadsheets do.
        while (q < len) {
          const d = text.charCodeAt(q);
          if (d === delim || d === 10 || d === 13) break;
          q++;
        }
        this.fieldStart[count] = start;
        this.fieldEnd[count] = end;
        this.fieldQuoting[count] = quoting;
        count++;
        p = q;
        c = p < len ? text.charCodeAt(p) : -1;
      } else {
        const start = p;
        while (c !== delim && c !== 10 && c !== 13 && c !== -1) {
          p++;
          c = p < len ? text.charCodeAt(p) : -1;
        }
        this.fieldStart[count] = start;
        this.fieldEnd[count] = p;
        this.fieldQuoting[count] = 0;
        count++;
      }
      if (c === delim) {
        p++;
        continue;
      }
      this.recordEnd = p;
      if (c === 13) p += p + 1 < len && text.charCodeAt(p + 1) === 10 ? 2 : 1;
      else if (c === 10) p++;
      break;
    }
    this.fieldCount = count;
    this.pos = p;
    this.nextLine += lines;
    return true;
  }

  field(i: number): string {
    if (i >= this.fieldCount) return '';
    const s = this.text.slice(this.fieldStart[i], this.fieldEnd[i]);
    return this.fieldQuoting[i] === 2 ? s.replaceAll('""', '"') : s;
  }

  fields(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.fieldCount; i++) out.push(this.field(i));
    return out;
  }

  raw(): string {
    return this.text.slice(this.recordStart, this.recordEnd);
  }

  private grow(): void {
    const n = this.fieldStart.length * 2;
    const start = new Int32Array(n);
    start.set(this.fieldStart);
    const end = new Int32Array(n);
    end.set(this.fieldEnd);
    const quoting = new Uint8Array(n);
    quoting.set(this.fieldQuoting);
    this.fieldStart = start;
    this.fieldEnd = end;
    this.fieldQuoting = quoting;
  }
}
