import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEventWindow } from './event-window';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const PRICES = `${FIXTURES_DIR}/prices/`;

function readCloses(file: string): { date: string; close: number }[] {
  return readFileSync(PRICES + file, 'utf8')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => ({ date: line.slice(0, 10), close: Number(line.split(',')[1]) }));
}

const alibabaHk = readCloses('yfinance-download-multiheader_9988.HK_2025-2026.csv');
const kuaishouHk = readCloses('yfinance-download-flat_1024.HK_2025-2026.csv');

describe('buildEventWindow for the 2026-01-11 article (session Mon 12 Jan)', () => {
  const [alibaba, kuaishou] = buildEventWindow([
    { securityId: 9988, sessionDate: '2026-01-12', bars: alibabaHk },
    { securityId: 1024, sessionDate: '2026-01-12', bars: kuaishouHk },
  ]);

  it('runs from 5 trading days before to 10 after, by trading-day offset', () => {
    expect(alibaba?.points.map((p) => p.offset)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // −5 = Mon 5 Jan; 0 = Mon 12 Jan; +5 = Mon 19 Jan; +10 = Mon 26 Jan (no HK holiday in between).
    expect(alibaba?.points[0]?.date).toBe('2026-01-05');
    expect(alibaba?.points[5]?.date).toBe('2026-01-12');
    expect(alibaba?.points[10]?.date).toBe('2026-01-19');
    expect(alibaba?.points[15]?.date).toBe('2026-01-26');
  });

  it('is 0 % at the base close (Fri 9 Jan, offset −1) and relative to it elsewhere', () => {
    expect(alibaba?.baseDate).toBe('2026-01-09');
    expect(alibaba?.baseClose).toBe(146.5);
    expect(alibaba?.points[4]).toEqual({ offset: -1, date: '2026-01-09', close: 146.5, change: 0 });
    // −5: 152.8 / 146.5 − 1 = 6.3 / 146.5 = 0.0430034
    expect(alibaba?.points[0]?.change).toBeCloseTo(0.0430034, 6);
    // 0: 154.3 / 146.5 − 1 = 0.0532423
    expect(alibaba?.points[5]?.change).toBeCloseTo(0.0532423, 6);
    // +10: 165.2 / 146.5 − 1 = 18.7 / 146.5 = 0.1276451
    expect(alibaba?.points[15]?.change).toBeCloseTo(0.1276451, 6);
  });

  it('rebases Kuaishou to its own Friday close 74.7', () => {
    expect(kuaishou?.baseClose).toBeCloseTo(74.7, 5);
    // 0: 80.25 / 74.7 − 1 = 5.55 / 74.7 = 0.0742972
    expect(kuaishou?.points[5]?.change).toBeCloseTo(0.0742972, 6);
  });

  it('cuts the window at the end of the data and explains an unplaceable event', () => {
    // 9988.HK ends Fri 27 Feb 2026; an event on Tue 24 Feb has only offsets up to +3.
    const [late, outside] = buildEventWindow([
      { securityId: 9988, sessionDate: '2026-02-24', bars: alibabaHk },
      { securityId: 9988, sessionDate: null, bars: alibabaHk },
    ]);
    expect(late?.points.map((p) => p.offset)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3]);
    expect(outside?.points).toEqual([]);
    expect(outside?.missing).toBe('no-session');
  });
});
