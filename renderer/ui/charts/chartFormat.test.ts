import { describe, expect, it } from 'vitest';
import { barLabel, linePath, stepAreaPath, timeAxis, timeOf, zeroBasedAxis } from './chartFormat';

// Three bars on a 100 px × 50 px plot: time 0..20 → x = 10 + 5·t, close 10..20 → y = 60 - 5·(close - 10).
const bars = [
  { t: 0, close: 10, volume: 100 },
  { t: 10, close: 20, volume: 300 },
  { t: 20, close: 13.337, volume: 200 },
];
const none: typeof bars = [];
const x = (b: { t: number }): number => 10 + 5 * b.t;
const y = (b: { close: number }): number => 60 - 5 * (b.close - 10);

describe('linePath', () => {
  it('joins the points in order, rounded to 0.1 px', () => {
    // 13.337 → 60 - 5 × 3.337 = 43.315 → 43.3
    expect(linePath(bars, x, y)).toBe('M10 60L60 10L110 43.3');
  });

  it('is empty without points', () => {
    expect(linePath(none, x, y)).toBe('');
  });
});

describe('stepAreaPath', () => {
  // Volume 0..400 onto 80 px down to 40 px: y = 80 - volume / 10.
  const vy = (b: { volume: number }): number => 80 - b.volume / 10;

  it('steps halfway between bars and closes along the base', () => {
    // x: 10, 60, 110 → steps at 35 and 85; levels 70, 50, 60.
    expect(stepAreaPath(bars, x, vy, 80)).toBe('M10 80V70H35V50H85V60H110V80Z');
  });

  it('is empty without points', () => {
    expect(stepAreaPath(none, x, vy, 80)).toBe('');
  });
});

describe('timeAxis', () => {
  it('labels month ticks "Sep", not English (UK) "Sept", with the year on the first when no January is shown', () => {
    // 15 Jul … 20 Dec 2025, room for 6: monthly boundaries 1 Aug, 1 Sep, 1 Oct, 1 Nov, 1 Dec
    const axis = timeAxis(timeOf('2025-07-15'), timeOf('2025-12-20'), 6, 'en-GB');
    expect(axis.ticks.map((t) => axis.format(t))).toEqual(['Aug 2025', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});

describe('zeroBasedAxis', () => {
  it('reaches zero when every P&L is a loss', () => {
    // −14,000 … −9,900 with zero: span 14,000 / 4 = 3,500 → step 5,000: −15,000 … 0
    expect(zeroBasedAxis([-14_000, -9_900, null]).domain).toEqual([-15_000, 0]);
  });
  it('spans both sides when gains and losses mix', () => {
    // −23,900 … 12,000: span 35,900 / 4 = 8,975 → step 10,000: −30,000 … 20,000
    expect(zeroBasedAxis([-23_900, 12_000])).toEqual({ domain: [-30_000, 20_000], ticks: [-30_000, -20_000, -10_000, 0, 10_000, 20_000] });
  });
});

describe('barLabel', () => {
  it('names the period a bar stands for', () => {
    expect(barLabel('2020-01-01', 'monthly', 'en-GB')).toBe('January 2020 (monthly bar)');
    expect(barLabel('2025-01-06', 'weekly', 'en-GB')).toBe('Week of 6 Jan 2025');
  });
});
