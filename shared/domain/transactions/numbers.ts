import { keyedText, type ErrorText } from '../common/errors';
/**
 * Amounts as brokers write them: '$1,259.59', '-$694.48', '(12.50)', '4.312,50',
 * 'CHF 1'234.50', '€ 12,5'. Only a separator the caller declares is read as the
 * decimal point, because '1,234' alone means 1234 in one file and 1.234 in another.
 */

export type DecimalSeparator = '.' | ',';

/** A cell read, or why not: English in `reason`, the catalogue key and values in `text`. */
export type CellParse<T> = { ok: true; value: T } | { ok: false; reason: string; text: ErrorText };

/** A failed CellParse from a keyed text. */
export function failed<T>({ message, ...text }: ErrorText & { message: string }): CellParse<T> {
  return { ok: false, reason: message, text };
}

const CURRENCY_MARKS = /^(?:[$£€¥]|CHF|USD|EUR|GBP|HKD|CAD|GBX|US\$|HK\$)\s*|\s*(?:[$£€¥]|CHF|USD|EUR|GBP|HKD|CAD|GBX)$/;

function patterns(decimal: DecimalSeparator): { grouped: RegExp; plain: RegExp } {
  const thousands = decimal === '.' ? ',' : '.';
  return {
    grouped: new RegExp(`^\\d{1,3}(?:[${escapeClass(thousands)} ']\\d{3})+(?:${escapeClass(decimal)}\\d+)?$`),
    plain: new RegExp(`^\\d*(?:${escapeClass(decimal)}\\d*)?(?:[eE][-+]?\\d+)?$`),
  };
}

/** Built once: a 200,000-line file reads a million cells. */
const PATTERNS: Record<DecimalSeparator, { grouped: RegExp; plain: RegExp }> = { '.': patterns('.'), ',': patterns(',') };

const EMPTY: CellParse<number | null> = Object.freeze({ ok: true, value: null });

/** Parses a cell; an empty cell is `null`, anything unreadable is a failure with a reason. */
export function parseNumberCell(raw: string, decimal: DecimalSeparator): CellParse<number | null> {
  if (raw === '') return EMPTY;
  const simple = plainNumber(raw, decimal === '.' ? DOT : COMMA);
  if (simple !== undefined) return { ok: true, value: simple };
  let s = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (s === '' || s === '-' || s === '--') return { ok: true, value: null };

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const signAndCurrency = (): void => {
    if (s.startsWith('-') || s.startsWith('−')) {
      negative = !negative;
      s = s.slice(1).trim();
    } else if (s.startsWith('+')) {
      s = s.slice(1).trim();
    }
  };
  signAndCurrency();
  const withoutCurrency = s.replace(CURRENCY_MARKS, '');
  if (withoutCurrency !== s) {
    s = withoutCurrency.trim().replace(CURRENCY_MARKS, '').trim();
    signAndCurrency(); // '$-694.48' puts the sign after the symbol
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }

  const { grouped, plain } = PATTERNS[decimal];
  let digits: string;
  if (grouped.test(s)) {
    digits = s.replace(/[ ',.]/g, (m) => (m === decimal ? '.' : ''));
  } else if (plain.test(s) && /\d/.test(s)) {
    digits = decimal === ',' ? s.replace(',', '.') : s;
  } else {
    return failed(keyedText('errors:cells.notNumberSeparator', { value: raw.trim(), separator: decimal }));
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return failed(keyedText('errors:cells.notNumber', { value: raw.trim() }));
  return { ok: true, value: negative ? -value : value === 0 ? 0 : value };
}

const DOT = 46;
const COMMA = 44;
const MINUS = 45;
/** Powers of ten a double holds exactly (10^0 … 10^22). */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Most cells of a large file: digits with an optional '-' and decimal part ('-12.50'), read from their
 * characters with no regular expression and no second pass by Number(). With at most 15 digits the digits
 * as a whole number and the power of ten are both exact, so their quotient is the correctly rounded value:
 * the same double Number('-12.50') gives. Undefined for any other text, which the full rules read.
 */
function plainNumber(raw: string, decimal: number): number | undefined {
  const n = raw.length;
  let i = raw.charCodeAt(0) === MINUS ? 1 : 0;
  const start = i;
  let whole = 0;
  let digits = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
    } else if (c === decimal && point < 0 && i > start) {
      point = i;
    } else {
      return undefined;
    }
  }
  // Needs a digit on both sides of the point ('12.' and '.5' take the full rules, as before).
  if (digits === 0 || point === n - 1) return undefined;
  const fraction = point < 0 ? 0 : n - point - 1;
  const value = digits <= 15 ? whole / (EXACT_TENS[fraction] as number) : Number(decimal === COMMA ? raw.slice(start).replace(',', '.') : raw.slice(start));
  return start === 1 ? -value : value;
}

function escapeClass(ch: string): string {
  return ch === '.' ? '\\.' : ch;
}

/**
 * Guesses the decimal separator from sample numeric cells. A separator followed
 * by other than exactly three digits, or the last of two different separators,
 * is a decimal point; files that never say (all integers) get `fallback`.
 */
export function guessDecimalSeparator(samples: readonly string[], fallback: DecimalSeparator): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  // One kind of separator: '1,234' is ambiguous, '1,23', '0,123' or '12,5' are decimals, '1,234,567' is grouping.
  const vote = (s: string, sep: DecimalSeparator): void => {
    const other = sep === ',' ? '.' : ',';
    const count = s.split(sep).length - 1;
    const groupedTail = new RegExp(`\\${sep}\\d{3}$`).test(s);
    if (count > 1) {
      if (other === ',') comma++;
      else dot++;
    } else if (!groupedTail || s.startsWith(`0${sep}`)) {
      if (sep === ',') comma++;
      else dot++;
    }
  };
  for (const raw of samples) {
    const s = raw.replace(/[^\d.,]/g, '');
    const lastComma = s.lastIndexOf(',');
    const lastDot = s.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) comma++;
      else dot++;
    } else if (lastComma >= 0) {
      vote(s, ',');
    } else if (lastDot >= 0) {
      vote(s, '.');
    }
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return fallback;
}
