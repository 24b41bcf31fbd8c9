import { epochDayFromParts, isoFromParts, type IsoDate } from '../common/dates';

/**
 * Date layouts seen in price exports. The separator shown is the usual one; reading is
 * lenient about separators, what matters is the order of year, month and day. Any time
 * of day after the date (`2020-01-02 00:00:00+08:00`, `1/2/2024 16:00:00`) is read as
 * written: the calendar day is the one in the file, never converted to UTC.
 */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYYMMDD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'DD-Mon-YYYY',
  'Mon DD, YYYY',
  'Mon YYYY',
] as const;

export type DateFormat = (typeof DATE_FORMATS)[number];

type Order = 'YMD' | 'MDY' | 'DMY';

function orderOf(format: DateFormat): Order {
  if (format.startsWith('Y')) return 'YMD';
  if (format.startsWith('MM') || format.startsWith('Mon')) return 'MDY';
  return 'DMY';
}

/**
 * Month names in the languages the app reads (English, German, French, Spanish, Italian,
 * Portuguese, Dutch, Polish), in full and in the genitive where a language declines them.
 * A written month matches when it is a prefix of one of these (at least three letters:
 * "Dez.", "janv.", "Sept") or one of the contractions below that are not prefixes.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'styczeń', 'stycznia', 'jänner'],
  ['february', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'luty', 'lutego'],
  ['march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'marzec', 'marca'],
  ['april', 'avril', 'abril', 'aprile', 'kwiecień', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maj', 'maja'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwiec', 'czerwca'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lipiec', 'lipca'],
  ['august', 'août', 'aout', 'agosto', 'augustus', 'sierpień', 'sierpnia'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'wrzesień', 'września'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'październik', 'października', 'pazdziernik'],
  ['november', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada'],
  ['december', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudzień', 'grudnia'],
];
const CONTRACTIONS: Record<string, number> = { mrz: 3, mrt: 3, paź: 10, paz: 10 };

function monthFromName(name: string): number {
  const n = name.toLowerCase().replace(/\.+$/, '');
  const contraction = CONTRACTIONS[n];
  if (contraction !== undefined) return contraction;
  if (n.length < 3) return 0;
  let found = 0;
  for (let m = 0; m < 12; m++) {
    if ((MONTH_NAMES[m] ?? []).some((full) => full.startsWith(n))) {
      // "jui" could be juin or juillet: a prefix of two months is no month
      if (found !== 0) return 0;
      found = m + 1;
    }
  }
  return found;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The pieces of one date field, before an order is applied. */
export interface DateTokens {
  /** Up to three parts; numbers, or month names as negative month numbers (-1 = January). */
  parts: number[];
  /** Digit count of each numeric part (tells a 4-digit year apart). */
  widths: number[];
  /** Separator character after the first part ('' when none). */
  separator: string;
  /** Seconds after midnight when a time of day follows the date, otherwise -1. */
  secondOfDay: number;
  /** Only a month and a year were written ("Jan. 2020", "März 2008"): the day is the 1st. */
  monthYear: boolean;
}

/**
 * Splits a date field into its parts. Cheap enough for whole-file passes; the hot path
 * for ISO dates in DateReader avoids even this.
 */
export function tokenizeDate(text: string, start: number, end: number): DateTokens | null {
  const parts: number[] = [];
  const widths: number[] = [];
  let separator = '';
  let p = start;
  while (p < end && text.charCodeAt(p) === 32) p++;
  while (p < end && parts.length < 3) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      let v = 0;
      const s = p;
      while (p < end) {
        const d = text.charCodeAt(p);
        if (d < 48 || d > 57) break;
        v = v * 10 + (d - 48);
        p++;
      }
      if (p - s === 8 && parts.length === 0) {
        // YYYYMMDD
        parts.push(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
        widths.push(4, 2, 2);
        break;
      }
      parts.push(v);
      widths.push(p - s);
    } else if (isLetter(c)) {
      const s = p;
      while (p < end && (isLetter(text.charCodeAt(p)) || text.charCodeAt(p) === 46)) p++;
      const m = monthFromName(text.slice(s, p));
      if (m === 0) return null;
      parts.push(-m);
      widths.push(0);
    } else {
      return null;
    }
    if (parts.length === 3) break;
    // a month name and a year alone ("Jan. 2020") end here
    if (parts.length === 2 && (parts[0] ?? 0) < 0 && blankFrom(text, p, end)) break;
    // separators: one or two of - / . space comma
    const sepStart = p;
    while (p < end && p - sepStart < 2) {
      const d = text.charCodeAt(p);
      if (d === 45 || d === 47 || d === 46 || d === 32 || d === 44) p++;
      else break;
    }
    if (p === sepStart) return null;
    if (parts.length === 1) separator = text.charAt(sepStart);
  }
  if (parts.length === 2 && (parts[0] ?? 0) < 0 && widths[1] === 4 && blankFrom(text, p, end)) {
    // monthly exports: "Jan. 2020", "Dez. 2019" stand for the month, dated on its 1st
    return { parts: [parts[0] ?? 0, 1, parts[1] ?? 0], widths: [0, 1, 4], separator, secondOfDay: -1, monthYear: true };
  }
  if (parts.length !== 3) return null;
  const secondOfDay = readTime(text, p, end);
  if (secondOfDay < 0 && !blankFrom(text, p, end)) return null;
  return { parts, widths, separator, secondOfDay, monthYear: false };
}

function blankFrom(text: string, p: number, end: number): boolean {
  for (let i = p; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** `HH:MM[:SS]` after a space or `T`; offsets and fractions after it are ignored. */
function readTime(text: string, p: number, end: number): number {
  if (p >= end) return -1;
  const c = text.charCodeAt(p);
  if (c !== 32 && c !== 84 && c !== 116) return -1;
  p++;
  while (p < end && text.charCodeAt(p) === 32) p++;
  const h = twoDigits(text, p, end);
  if (h < 0 || text.charCodeAt(p + 2) !== 58) {
    const h1 = oneDigit(text, p, end);
    if (h1 < 0 || text.charCodeAt(p + 1) !== 58) return -1;
    const m1 = twoDigits(text, p + 2, end);
    return m1 < 0 ? -1 : h1 * 3600 + m1 * 60 + seconds(text, p + 4, end);
  }
  const m = twoDigits(text, p + 3, end);
  if (m < 0 || h > 23 || m > 59) return -1;
  return h * 3600 + m * 60 + seconds(text, p + 5, end);
}

function seconds(text: string, p: number, end: number): number {
  if (text.charCodeAt(p) !== 58) return 0;
  const s = twoDigits(text, p + 1, end);
  return s < 0 || s > 59 ? 0 : s;
}

function oneDigit(text: string, p: number, end: number): number {
  if (p >= end) return -1;
  const c = text.charCodeAt(p) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function twoDigits(text: string, p: number, end: number): number {
  const a = oneDigit(text, p, end);
  const b = oneDigit(text, p + 1, end);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function fullYear(y: number, width: number): number {
  if (width <= 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

/**
 * Reads dates of one format again and again without allocating. After read() returns
 * true, `day` is the epoch day and `secondOfDay` the time written (or -1).
 */
export class DateReader {
  readonly format: DateFormat;
  private readonly order: Order;
  day = 0;
  secondOfDay = -1;

  constructor(format: DateFormat) {
    this.format = format;
    this.order = orderOf(format);
  }

  read(text: string, start: number, end: number): boolean {
    if (this.order === 'YMD' && end - start >= 10 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
      const y = digits4(text, start);
      const m = twoDigits(text, start + 5, end);
      const d = twoDigits(text, start + 8, end);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
        this.day = epochDayFromParts(y, m, d);
        this.secondOfDay = end - start > 10 ? readTime(text, start + 10, end) : -1;
        return this.secondOfDay >= 0 || blankFrom(text, start + 10, end);
      }
      return false;
    }
    const t = tokenizeDate(text, start, end);
    if (!t) return false;
    const ymd = applyOrder(t, this.order);
    if (!ymd) return false;
    this.day = epochDayFromParts(ymd[0], ymd[1], ymd[2]);
    this.secondOfDay = t.secondOfDay;
    return true;
  }
}

function digits4(text: string, p: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(p + i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Year, month, day for the tokens under an order, or null when they do not form a real date. */
export function applyOrder(t: DateTokens, order: Order): [number, number, number] | null {
  const [a = 0, b = 0, c = 0] = t.parts;
  const [wa = 0, , wc = 0] = t.widths;
  let y: number;
  let m: number;
  let d: number;
  if (a < 0) {
    // month name first: "Jan 02, 2024"
    [m, d, y] = [-a, b, fullYear(c, wc)];
  } else if (b < 0) {
    // "02-Jan-2024"
    [d, m, y] = [a, -b, fullYear(c, wc)];
  } else if (order === 'YMD' || wa === 4) {
    [y, m, d] = [a, b, c];
  } else if (order === 'MDY') {
    [m, d, y] = [a, b, fullYear(c, wc)];
  } else {
    [d, m, y] = [a, b, fullYear(c, wc)];
  }
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

export function readDate(value: string, format: DateFormat): IsoDate | null {
  const t = tokenizeDate(value, 0, value.length);
  if (!t) return null;
  const ymd = applyOrder(t, orderOf(format));
  return ymd ? isoFromParts(ymd[0], ymd[1], ymd[2]) : null;
}

export interface DateFormatGuess {
  format: DateFormat;
  /** Every day and month number was ≤ 12, so day-first and month-first both fit. */
  ambiguous: boolean;
  alternatives: DateFormat[];
  /** Share of values that parsed under the chosen format. */
  parsedShare: number;
  hasTime: boolean;
}

/**
 * Accumulates evidence about a date column. Feed it every value (a whole-file pass is
 * fine: it only tokenizes), then ask for the verdict.
 */
export class DateFormatDetector {
  private total = 0;
  private tokenized = 0;
  private yearFirst = 0;
  private monthNameFirst = 0;
  private monthYear = 0;
  private monthNameSecond = 0;
  private compact = 0;
  private maxFirst = 0;
  private maxSecond = 0;
  private withTime = 0;
  private readonly separators = new Map<string, number>();

  add(text: string, start: number, end: number): void {
    this.total++;
    const t = tokenizeDate(text, start, end);
    if (!t) return;
    this.tokenized++;
    if (t.secondOfDay >= 0) this.withTime++;
    const [a = 0, b = 0] = t.parts;
    const [wa = 0] = t.widths;
    if (t.monthYear) this.monthYear++;
    else if (a < 0) this.monthNameFirst++;
    else if (b < 0) this.monthNameSecond++;
    else if (wa === 4) {
      if (t.separator === '') this.compact++;
      else this.yearFirst++;
    } else {
      this.maxFirst = Math.max(this.maxFirst, a);
      this.maxSecond = Math.max(this.maxSecond, b);
    }
    this.separators.set(t.separator, (this.separators.get(t.separator) ?? 0) + 1);
  }

  result(): DateFormatGuess | null {
    if (this.tokenized === 0) return null;
    const sep = [...this.separators.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '-';
    const hasTime = this.withTime > this.tokenized / 2;
    const share = this.tokenized / this.total;
    const counts = [this.yearFirst, this.compact, this.monthNameFirst, this.monthNameSecond, this.monthYear];
    const numericDayMonth = this.tokenized - counts.reduce((s, n) => s + n, 0);
    const best = Math.max(...counts, numericDayMonth);
    const guess = (format: DateFormat, ambiguous = false, alternatives: DateFormat[] = []): DateFormatGuess => ({
      format,
      ambiguous,
      alternatives,
      parsedShare: share,
      hasTime,
    });
    if (best === this.yearFirst) return guess(sep === '/' ? 'YYYY/MM/DD' : 'YYYY-MM-DD');
    if (best === this.compact) return guess('YYYYMMDD');
    if (best === this.monthNameFirst) return guess('Mon DD, YYYY');
    if (best === this.monthYear) return guess('Mon YYYY');
    if (best === this.monthNameSecond) return guess('DD-Mon-YYYY');

    const dayFirst: DateFormat = sep === '.' ? 'DD.MM.YYYY' : sep === '-' ? 'DD-MM-YYYY' : 'DD/MM/YYYY';
    const monthFirst: DateFormat = sep === '-' ? 'MM-DD-YYYY' : 'MM/DD/YYYY';
    if (this.maxFirst > 12 && this.maxSecond <= 12) return guess(dayFirst);
    if (this.maxSecond > 12 && this.maxFirst <= 12) return guess(monthFirst);
    if (this.maxFirst > 12 && this.maxSecond > 12) return { ...guess(dayFirst), parsedShare: 0 };
    // Nobody writes month-first with dots, so DD.MM.YYYY is safe; slashes and dashes are not.
    if (sep === '.') return guess(dayFirst);
    return guess(monthFirst, true, [monthFirst, dayFirst]);
  }
}
