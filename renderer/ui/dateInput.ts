/**
 * Dates typed in the order of the chosen number-and-date format (Settings), not the
 * browser's: Chromium's date input follows the operating system's locale, so English (UK)
 * showed mm/dd/yyyy. "22/11/2026" under en-GB, "11/22/2026" under en-US, "22.11.2026" under de-DE.
 */
export interface DatePattern {
  order: 'DMY' | 'MDY' | 'YMD';
  separator: string;
  /** "dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy/mm/dd" */
  placeholder: string;
}

const cache = new Map<string, DatePattern>();

export function datePattern(locale: string): DatePattern {
  const hit = cache.get(locale);
  if (hit) return hit;
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2001, 10, 22));
  const kinds = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const order = kinds[0] === 'year' ? 'YMD' : kinds[0] === 'month' ? 'MDY' : 'DMY';
  const separator = (parts.find((p) => p.type === 'literal')?.value ?? '/').trim().charAt(0) || '/';
  const word = { DMY: ['dd', 'mm', 'yyyy'], MDY: ['mm', 'dd', 'yyyy'], YMD: ['yyyy', 'mm', 'dd'] }[order];
  const pattern = { order, separator, placeholder: word.join(separator) } as const;
  cache.set(locale, pattern);
  return pattern;
}

/** ISO "2026-11-22" as the user types it; '' stays ''. */
export function formatInputDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const { order, separator } = datePattern(locale);
  const fields = order === 'DMY' ? [d, mo, y] : order === 'MDY' ? [mo, d, y] : [y, mo, d];
  return fields.join(separator);
}

/** What was typed, read in the locale's order, as ISO; null when it is not a real date. */
export function parseInputDate(text: string, locale: string): string | null {
  const nums = text.trim().split(/[^0-9]+/).filter((n) => n !== '');
  if (nums.length !== 3) return null;
  // a year written first ("2026-01-05", pasted or typed by habit) is ISO order in any locale
  const order = (nums[0] ?? '').length === 4 ? 'YMD' : datePattern(locale).order;
  const [a, b, c] = nums.map(Number) as [number, number, number];
  const [written, m, d] = order === 'DMY' ? [c, b, a] : order === 'MDY' ? [c, a, b] : [a, b, c];
  const y = written < 100 ? written + 2000 : written;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
