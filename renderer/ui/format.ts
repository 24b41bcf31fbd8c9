import { i18n } from '@renderer/i18n/i18n';

/**
 * Number, money and date formatting in the user's locale. Formatters are cached
 * because Intl constructors are slow and tables format thousands of cells.
 */
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * Builds the formatters the first screen uses, ahead of it: the browser loads its number-format data
 * on the first Intl.NumberFormat (tens of ms), which is better spent while the first answers are on
 * their way than inside the first render. They stay in the cache for the screen.
 */
export function warmNumberFormats(locale: string): void {
  formatNumber(0, locale);
  formatPercent(0, locale);
}

export function formatMoney(value: number | null | undefined, currency: string, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // 'negative': an amount that rounds to zero (float dust such as −1e-12) prints €0.00, never −€0.00.
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' }).format(value);
}

export function formatNumber(value: number | null | undefined, locale: string, maxFractionDigits = 2, minFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits }).format(value);
}

/** A fraction (0.0532) as a signed percentage (+5.32 %). */
export function formatPercent(fraction: number | null | undefined, locale: string, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

/** Date formatters by locale and options: building one costs ~0.1 ms, and start-up formatted over a thousand dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(isoDate: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * 'positive', 'negative' or '' for a figure's colour. `shownDigits`: the decimals the figure is
 * printed with (2 for money, 4 for a fraction shown as 0.00 %); one that prints as zero is
 * neither gain nor loss, so −0.004 beside "€0.00" is not red.
 */
export function signClass(value: number | null | undefined, shownDigits?: number): string {
  // Below 1e-9 is float dust from summing (a zero gain computed as 0.1 + 0.2 − 0.3), not a loss to colour red.
  if (value === null || value === undefined || !Number.isFinite(value) || Math.abs(value) < 1e-9) return '';
  if (shownDigits !== undefined && Math.abs(value) < 0.5 * 10 ** -shownDigits) return '';
  return value > 0 ? 'positive' : 'negative';
}

/**
 * A difference of two returns in percentage points: +3.89 pp. Abnormal returns are
 * return minus benchmark return; "%" would read as a change relative to the return.
 */
export function formatPoints(fraction: number | null | undefined, locale: string, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const n = numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(fraction * 100);
  return `${n}\u00a0${i18n.t('common:unit.percentagePoints')}`;
}

/** "Unrealized" in American English, "Unrealised" elsewhere: one spelling per locale on every screen. */
export function unrealisedWord(locale: string): 'Unrealized' | 'Unrealised' {
  return /^en-(US|PH)$/i.test(locale) || locale.toLowerCase() === 'en' ? 'Unrealized' : 'Unrealised';
}

/** "Realized" / "Realised", the same way as unrealisedWord. */
export function realisedWord(locale: string): 'Realized' | 'Realised' {
  return unrealisedWord(locale) === 'Unrealized' ? 'Realized' : 'Realised';
}
