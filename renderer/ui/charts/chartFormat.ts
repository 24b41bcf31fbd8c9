import { toEpochDay } from '@shared/domain/common/dates';
import { calendarTicks, type TickLabel } from '@shared/domain/charts/time-ticks';
import { i18n } from '@renderer/i18n/i18n';

const DAY_MS = 86_400_000;

/** Charts place bars on a numeric time axis (ms since 1970, UTC midnight of the calendar day). */
export const timeOf = (date: string): number => toEpochDay(date) * DAY_MS;

/** Colour-blind-safe series colours (Okabe–Ito, from tokens.css), the same on every screen. */
export const SERIES_COLORS = Array.from({ length: 8 }, (_, i) => `var(--series-${i + 1})`);

const dateFormats = new Map<string, (t: number) => string>();
/**
 * Cached date formatting: building an Intl.DateTimeFormat costs ~0.1 ms, and axes, tooltips
 * and brushes format thousands of dates (it was the top item of the render profile).
 * English (UK) writes September "Sept" where every other month has three letters; the
 * charts use "Sep" so labels line up.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): { format(t: number): string } {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    const intl = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    f = locale.toLowerCase().startsWith('en') && options.month === 'short' ? (t) => intl.format(t).replace(/\bSept\b/, 'Sep') : (t) => intl.format(t);
    dateFormats.set(key, f);
  }
  const format = f;
  return { format };
}

export function formatDay(date: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  return dateFormat(locale, options).format(timeOf(date));
}

/** Brush and other compact labels: "12 Jan 2026". */
export function dayTickFormatter(locale: string): (t: number) => string {
  const f = dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return (t) => f.format(t);
}

const TICK_FORMATS: Record<TickLabel, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short' },
  month: { month: 'short' },
  year: { year: 'numeric' },
};

/**
 * Ticks on calendar boundaries (shared/domain/charts/time-ticks) for a time domain in ms,
 * with their labels: "12 Jan", "Apr", "2026" at each January of a month axis. When no
 * tick carries a year, the first shows it ("Apr 2025"), so the reader always has one.
 */
export function timeAxis(min: number, max: number, count: number, locale: string): { ticks: number[]; format(t: number): string } {
  if (!(max > min)) return { ticks: [min], format: dayTickFormatter(locale) };
  const { ticks } = calendarTicks(Math.ceil(min / DAY_MS), Math.floor(max / DAY_MS), count);
  const labels = new Map<number, TickLabel>(ticks.map((t) => [t.day * DAY_MS, t.label]));
  const withYear = !ticks.some((t) => t.label === 'year');
  const firstTick = ticks[0]?.day;
  const formats = {
    day: dateFormat(locale, TICK_FORMATS.day),
    month: dateFormat(locale, TICK_FORMATS.month),
    year: dateFormat(locale, TICK_FORMATS.year),
    first: dateFormat(locale, ticks[0]?.label === 'day' ? { day: 'numeric', month: 'short', year: 'numeric' } : { month: 'short', year: 'numeric' }),
  };
  return {
    ticks: ticks.map((t) => t.day * DAY_MS),
    format: (t) => {
      if (withYear && firstTick !== undefined && t === firstTick * DAY_MS) return formats.first.format(t);
      return formats[labels.get(t) ?? 'day'].format(t);
    },
  };
}

const compactCache = new Map<string, Intl.NumberFormat>();
/** Axis numbers: 1.2K, 154, 26.6K in the user's locale; currency symbol when given. */
export function axisNumber(value: number, locale: string, currency?: string): string {
  const key = `${locale}|${currency ?? ''}`;
  let f = compactCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      notation: 'compact',
      maximumFractionDigits: 2,
      ...(currency ? { style: 'currency', currency, currencyDisplay: 'symbol' } : {}),
    });
    compactCache.set(key, f);
  }
  return f.format(value);
}

const percentCache = new Map<string, Intl.NumberFormat>();
/** Axis percentages: −10%, 0%, +25% (one formatter per locale: axes format on every render). */
export function axisPercent(fraction: number, locale: string): string {
  let f = percentCache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    percentCache.set(locale, f);
  }
  return f.format(fraction);
}

/** What one bar stands for: "Mon, 12 Jan 2026", "Week of 6 Jan 2025", "January 2020 (monthly bar)". */
export function barLabel(date: string, interval: 'daily' | 'weekly' | 'monthly', locale: string): string {
  if (interval === 'monthly') return i18n.t('charts:bar.monthly', { month: formatDay(date, locale, { month: 'long', year: 'numeric' }) });
  if (interval === 'weekly') return i18n.t('charts:bar.weekly', { date: formatDay(date, locale) });
  return longDate(date, locale);
}

/** "Mon 12 Jan 2026" in the user's locale. */
export const longDate = (date: string, locale: string): string =>
  formatDay(date, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A round axis (steps of 1, 2, 2.5 or 5 × 10^k) that contains [lo, hi], with its ticks. */
export function niceAxis(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1] };
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 1e6; v += step) ticks.push(Number(v.toPrecision(12)));
  return { domain: [start, end], ticks };
}

/**
 * A bar chart's value axis: always through zero, so a bar's length is its value
 * (−9.9k must look seven tenths of −14k, not a fifth as on an axis starting at −15k).
 */
export function zeroBasedAxis(values: readonly (number | null)[], count = 5): { domain: [number, number]; ticks: number[] } {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo === 0 && hi === 0 ? niceAxis(0, 1, count) : niceAxis(lo, hi, count);
}

/**
 * For the grid direction a chart does not draw: without it recharts still
 * computes (and measures the labels of) every tick for that direction, which
 * was the largest single cost of mounting a chart.
 */
export const noLines = (): number[] => [];

/** Pixel coordinates in path data: 0.1 px is finer than any screen shows and keeps the string short. */
const px = (v: number): number => Math.round(v * 10) / 10;

/**
 * SVG path data "M x y L x y …" through the points: a chart's whole line as one
 * element (a recharts Line builds a props object and a point per row).
 */
export function linePath<P>(points: readonly P[], x: (p: P) => number, y: (p: P) => number): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as P;
    d += `${i === 0 ? 'M' : 'L'}${px(x(p))} ${px(y(p))}`;
  }
  return d;
}

/**
 * A stepped area down to `base` (a volume profile): each point's level reaches
 * halfway to its neighbours, like d3's curveStep (recharts' type="step").
 */
export function stepAreaPath<P>(points: readonly P[], x: (p: P) => number, y: (p: P) => number, base: number): string {
  const first = points[0];
  if (first === undefined) return '';
  const b = px(base);
  let d = `M${px(x(first))} ${b}V${px(y(first))}`;
  let prevX = x(first);
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as P;
    const xi = x(p);
    d += `H${px((prevX + xi) / 2)}V${px(y(p))}`;
    prevX = xi;
  }
  return `${d}H${px(prevX)}V${b}Z`;
}
