/**
 * Numbers as price files write them: plain `226.500000`, European `7,7679`,
 * `16.170,0`, Nasdaq's `$74.62` and `"11,980,150"`, Investing's `3.54B` and `96,31K`.
 * The separators are decided once per file (see detectNumberFormat) because a lone
 * `1,234` cannot be read correctly on its own.
 */
export type DecimalSeparator = '.' | ',';
export type ThousandsSeparator = '' | ',' | '.' | ' ' | "'";

export interface NumberFormat {
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Exponents of the suffixes Investing.com uses for volume. */
function suffixExponent(c: number): number {
  switch (c) {
    case 75: case 107: return 3; // K k
    case 77: case 109: return 6; // M m
    case 66: case 98: return 9; // B b
    case 84: case 116: return 12; // T t
    default: return -1;
  }
}

/**
 * Reads text[start, end) as a number; NaN when it is not one, and also for the
 * placeholders exports use for "no value" (empty, `null`, `-`, `N/A`), which callers
 * tell apart with isMissingValue.
 *
 * Digits are accumulated into an integer and scaled once by a power of ten: for up to
 * 15 significant digits both operands are exact doubles, so the single division is
 * correctly rounded and equals Number(text). Longer mantissas (yfinance's float noise)
 * fall back to Number() on a cleaned copy. `3.54B` is computed as 354 × 10^7, which is
 * exactly 3 540 000 000 rather than 3.54 × 1e9 = 3 540 000 000.0000005.
 */
export function parseNumberAt(text: string, start: number, end: number, format: NumberFormat): number {
  if (format.decimalSeparator === '.') {
    // Fast path for the bulk of real files: digits with at most one '.', ≤ 15 digits.
    let m = 0;
    let digits = 0;
    let dot = -1;
    let i = start;
    for (; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) {
        m = m * 10 + d;
        digits++;
      } else if (d === -2 && dot < 0) {
        dot = i;
      } else {
        break;
      }
    }
    if (i === end && digits > 0 && digits <= 15) return dot < 0 || dot === end - 1 ? m : m / POW10[end - dot - 1]!;
  }
  const dec = format.decimalSeparator === ',' ? 44 : 46;
  const thou = format.thousandsSeparator === '' ? -2 : format.thousandsSeparator.charCodeAt(0);
  let p = start;
  while (p < end && text.charCodeAt(p) === 32) p++;
  let e = end;
  while (e > p && text.charCodeAt(e - 1) === 32) e--;
  if (p >= e) return NaN;

  let negative = false;
  let c = text.charCodeAt(p);
  if (c === 45 || c === 43) {
    negative = c === 45;
    p++;
  }
  // Currency signs in front (Nasdaq's `$74.62`, `-$1.20`, `€`, `£`).
  c = text.charCodeAt(p);
  if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) {
    p++;
    c = text.charCodeAt(p);
    if (c === 45 && !negative) {
      negative = true;
      p++;
    }
  }
  let scale = 0;
  const last = text.charCodeAt(e - 1);
  const suffix = suffixExponent(last);
  if (suffix >= 0) {
    scale = suffix;
    e--;
  } else if (last === 37 /* % */) {
    scale = -2;
    e--;
  }

  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let seenDecimal = false;
  let seenDigit = false;
  for (let i = p; i < e; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (mantissa === 0 && c === 48 && !seenDecimal) continue;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (seenDecimal) fraction++;
    } else if (c === dec && !seenDecimal) {
      seenDecimal = true;
    } else if (c === thou && !seenDecimal) {
      // grouping separator: skipped
    } else if ((c === 101 || c === 69) && seenDigit) {
      return slowParse(text, p, e, format, negative, scale);
    } else {
      return NaN;
    }
  }
  if (!seenDigit) return NaN;
  if (digits > 15) return slowParse(text, p, e, format, negative, scale);
  const exp = scale - fraction;
  let value: number;
  if (exp >= 0) value = exp <= 22 ? mantissa * (POW10[exp] ?? 1) : mantissa * 10 ** exp;
  else value = -exp <= 22 ? mantissa / (POW10[-exp] ?? 1) : mantissa / 10 ** -exp;
  return negative ? -value : value;
}

function slowParse(text: string, p: number, e: number, format: NumberFormat, negative: boolean, scale: number): number {
  let s = text.slice(p, e);
  if (format.thousandsSeparator !== '') s = s.replaceAll(format.thousandsSeparator, '');
  if (format.decimalSeparator === ',') s = s.replace(',', '.');
  if (!/^\d*\.?\d*(e[+-]?\d+)?$/i.test(s)) return NaN;
  const v = Number(s) * 10 ** scale;
  return negative ? -v : v;
}

export function parseNumber(value: string, format: NumberFormat): number {
  return parseNumberAt(value, 0, value.length, format);
}

/** Placeholders exports write where a value does not exist (FX volume, Yahoo's holiday rows). */
export function isMissingValue(text: string, start: number, end: number): boolean {
  let p = start;
  let e = end;
  while (p < e && text.charCodeAt(p) === 32) p++;
  while (e > p && text.charCodeAt(e - 1) === 32) e--;
  if (p === e) return true;
  const s = e - p <= 4 ? text.slice(p, e).toLowerCase() : '';
  return s === 'null' || s === '-' || s === 'n/a' || s === 'na' || s === 'nan' || s === '--';
}

/**
 * Decides the separators from many sample values at once. A value holding both `.`
 * and `,` settles it (the later one is the decimal mark); otherwise a separator that
 * repeats, or is followed by other than three digits, is telling. Values are the raw
 * field texts of all numeric columns, volume included.
 */
export function detectNumberFormat(values: readonly string[]): { format: NumberFormat; certain: boolean } {
  let commaDecimal = 0;
  let dotDecimal = 0;
  let commaGroups = 0;
  let weakCommaGroups = 0; // a lone "1,234": grouping or three decimals
  let weakDot = 0; // a lone "1.234": three decimals or German grouping
  let dotGroups = 0;
  let spaceGroups = 0;
  let apostropheGroups = 0;
  for (const raw of values) {
    const v = raw.trim().replace(/^[-+]?[$€£¥]?/, '').replace(/[%KMBTkmbt]$/, '');
    if (!/\d/.test(v)) continue;
    const lastComma = v.lastIndexOf(',');
    const lastDot = v.lastIndexOf('.');
    if (/\d \d{3}/.test(v)) spaceGroups++;
    if (/\d'\d{3}/.test(v)) apostropheGroups++;
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) {
        commaDecimal++;
        dotGroups++;
      } else {
        dotDecimal++;
        commaGroups++;
      }
      continue;
    }
    if (lastComma >= 0) {
      if (v.indexOf(',') !== lastComma || /,\d{3}$/.test(v)) {
        if (v.indexOf(',') !== lastComma) commaGroups++;
        else if (!/^0,/.test(v)) weakCommaGroups++;
        else commaDecimal++;
      } else {
        commaDecimal++;
      }
    } else if (lastDot >= 0) {
      if (v.indexOf('.') !== lastDot) dotGroups++;
      else if (/\.\d{3}$/.test(v) && !/^0\./.test(v)) weakDot++;
      else dotDecimal++;
    }
  }
  if (commaDecimal > dotDecimal) {
    const thousands: ThousandsSeparator = dotGroups > 0 ? '.' : spaceGroups > 0 ? ' ' : '';
    return { format: { decimalSeparator: ',', thousandsSeparator: thousands }, certain: commaDecimal >= 1 };
  }
  const thousands: ThousandsSeparator = commaGroups > 0 || weakCommaGroups > 0 ? ',' : spaceGroups > 0 ? ' ' : apostropheGroups > 0 ? "'" : '';
  const certain = dotDecimal >= 1 || commaGroups >= 1 || (weakCommaGroups === 0 && dotGroups === 0 && weakDot === 0);
  return { format: { decimalSeparator: '.', thousandsSeparator: thousands }, certain };
}
