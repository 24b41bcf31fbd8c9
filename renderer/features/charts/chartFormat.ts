import { toEpochDay } from '@shared/domain/common/dates';

const DAY_MS = 86_400_000;

/** Charts place bars on a numeric time axis (ms since 1970, UTC midnight of the calendar day). */
export const timeOf = (date: string): number => toEpochDay(date) * DAY_MS;
export const dateOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Colour-blind-safe series colours (Okabe–Ito, from tokens.css), the same on every screen. */
export const SERIES_COLORS = Array.from({ length: 8 }, (_, i) => `var(--series-${i + 1})`);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * Cached Intl.DateTimeFormat: building one costs ~0.1 ms, and axes, tooltips and
 * brushes format thousands of dates (it was the top item of the render profile).
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDay(date: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  return dateFormat(locale, options).format(timeOf(date));
}

/** Tick labels that fit the span: days for a few months, months for a few years, years beyond. */
export function timeTickFormatter(locale: string, spanDays: number): (t: number) => string {
  const options: Intl.DateTimeFormatOptions =
    spanDays <= 100 ? { day: 'numeric', month: 'short' } : spanDays <= 3 * 366 ? { month: 'short', year: 'numeric' } : { year: 'numeric' };
  const f = dateFormat(locale, options);
  return (t) => f.format(t);
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

export function axisPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(fraction);
}

/** "Mon 12 Jan 2026" in the user's locale. */
export const longDate = (date: string, locale: string): string =>
  formatDay(date, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** Evenly spaced ticks inside a time domain (half a step in from each edge, so no label is clipped). */
export function timeTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const step = (max - min) / count;
  return Array.from({ length: count }, (_, i) => Math.round((min + (i + 0.5) * step) / DAY_MS) * DAY_MS);
}

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
