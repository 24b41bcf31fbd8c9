import { isIsoDate, isoFromParts, type IsoDate } from '../common/dates';
import { keyedText } from '../common/errors';
import { failed, type CellParse } from './numbers';

/**
 * Which part comes first in numeric dates like 03/04/2024. ISO, yyyymmdd,
 * dd.mm.yyyy and dd-Mon-yyyy are unambiguous and are read whatever the order.
 */
export type DateOrder = 'DMY' | 'MDY';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German/French/Dutch spellings that differ in the first three letters
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, fév: 2, fev: 2, avr: 4, aoû: 8, aou: 8, déc: 12, mei: 5, mrt: 3,
};

/**
 * Reads the calendar day a broker wrote. A time or zone after the date is ignored:
 * the day as printed is the trade day on the broker's statement, and converting
 * '2023-12-18T23:30:00Z' to another zone would move the trade to another day.
 */
export function parseDateCell(raw: string, order: DateOrder): CellParse<IsoDate> {
  // Most files write ISO days ('2024-03-01', '2024-03-01 09:30:00'): read those without a match object.
  if (isoPrefix(raw)) {
    const iso = raw.slice(0, 10);
    if (isIsoDate(iso)) return { ok: true, value: iso };
  }
  const text = raw.trim().replace(/\s+as of\s+.*$/i, ''); // Schwab: 'posted as of effective'
  if (text === '') return failed(keyedText('errors:cells.dateEmpty'));
  const value = raw.trim();
  const day = (y: number, m: number, d: number): CellParse<IsoDate> => {
    const iso = isoFromParts(y, m, d);
    return iso ? { ok: true, value: iso } : failed(keyedText('errors:cells.notCalendarDate', { value }));
  };

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{4})(\d{2})(\d{2})(?:$|[;T\s,])/.exec(text); // IBKR 'yyyyMMdd;HHmmss'
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|\s)/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[\sT,])/.exec(text);
  if (m) {
    const year = fullYear(m[4] as string);
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Dotted dates are day-first in every locale that uses them.
    const dayFirst = m[2] === '.' || order === 'DMY';
    // The pattern in the reader's letters: DD.MM.YYYY in English, TT.MM.JJJJ in German.
    const expected = { key: dayFirst ? 'errors:cells.patternDMY' : 'errors:cells.patternMDY', params: { separator: m[2] as string } } as const;
    const parsed = dayFirst ? day(year, b, a) : day(year, a, b);
    return parsed.ok ? parsed : failed(keyedText('errors:cells.dateNotInFormat', { value, format: expected }));
  }

  m = /^(\d{1,2})[-\s.]([\p{L}]{3,})\.?[-\s.](\d{4})(?:$|\s)/u.exec(text);
  if (m) {
    const month = MONTHS[(m[2] as string).slice(0, 3).toLowerCase()];
    if (month === undefined) return failed(keyedText('errors:cells.unknownMonth', { value }));
    return day(Number(m[3]), month, Number(m[1]));
  }
  return failed(keyedText('errors:cells.dateUnreadable', { value }));
}

/** 'YYYY-MM-DD' at the start, then the end or a 'T' or a space (what the ISO rule below reads too). */
function isoPrefix(raw: string): boolean {
  if (raw.length < 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return false;
  if (raw.length === 10) return true;
  const next = raw.charCodeAt(10);
  return next === 84 || next === 32;
}

function fullYear(y: string): number {
  // Two-digit years only appear in recent statements (InvestEngine '23/12/24').
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * Day-first or month-first from sample cells: any first part above 12 means day-first,
 * any second part above 12 month-first, and a dotted date (24.12.2023) is day-first in
 * every locale that writes one, so it counts for day-first too. Otherwise `fallback`.
 */
export function guessDateOrder(samples: readonly string[], fallback: DateOrder): DateOrder {
  return dateOrderEvidence(samples).order ?? fallback;
}

/** What the rows say about the date order; `order` is null when every date is ambiguous. */
export function dateOrderEvidence(samples: readonly string[]): { order: DateOrder | null; dayFirst: number; monthFirst: number } {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const raw of samples) {
    const text = raw.trim();
    if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})(?:$|\D)/.test(text)) {
      dayFirst++;
      continue;
    }
    const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:$|\D)/.exec(text);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }
  const order = dayFirst > monthFirst ? 'DMY' : monthFirst > dayFirst ? 'MDY' : null;
  return { order, dayFirst, monthFirst };
}

/**
 * The order when no row decides: files written in a language other than English are
 * day-first; English ones follow the user's locale (en-US month-first, en-GB day-first).
 */
export function defaultDateOrder(language: string | null, locale: string | null, fallback: DateOrder): { order: DateOrder; by: 'language' | 'locale' | 'default' } {
  if (language !== null && language !== 'English') return { order: 'DMY', by: 'language' };
  if (locale) return { order: /^en-US$|^en-PH$|^en$/i.test(locale) || /-US$/i.test(locale) ? 'MDY' : 'DMY', by: 'locale' };
  return { order: fallback, by: 'default' };
}
