import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import { downsampleLttb } from './lttb';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const closes = readFileSync(`${FIXTURES_DIR}/prices/yfinance-download-multiheader_9988.HK_2025-2026.csv`, 'utf8')
  .split('\n')
  .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
  .map((line) => ({ date: line.slice(0, 10), x: toEpochDay(line.slice(0, 10)), y: Number(line.split(',')[1]) }));

describe('downsampleLttb', () => {
  it('picks the point forming the largest triangle in a bucket', () => {
    // 5 points, threshold 3: one middle bucket [1, 2, 3]; the third corner is the last point (4, 0).
    // Areas with a = (0, 0), c = (4, 0): |(0 − 4)(y − 0) − (0 − x)(0 − 0)| = 4·y → 40, 0, 0 → index 1.
    const points = [
      { x: 0, y: 0 },
      { x: 1, y: 10 },
      { x: 2, y: 0 },
      { x: 3, y: 0 },
      { x: 4, y: 0 },
    ];
    expect(downsampleLttb(points, 3)).toEqual([points[0], points[1], points[4]]);
  });

  it('reduces the 284 9988.HK closes to the threshold and keeps both ends', () => {
    expect(closes).toHaveLength(284);
    const reduced = downsampleLttb(closes, 50);
    expect(reduced).toHaveLength(50);
    expect(reduced[0]?.date).toBe('2025-01-02');
    expect(reduced.at(-1)?.date).toBe('2026-02-27');
    // Extra fields survive and the order stays chronological.
    expect(reduced.every((p, i) => i === 0 || p.x > (reduced[i - 1] as { x: number }).x)).toBe(true);
  });

  it('keeps the bars that carry markers even if LTTB would drop them', () => {
    const monday = closes.findIndex((p) => p.date === '2026-01-12');
    // With 20 points LTTB picks 8 Jan and 14 Jan around the event, not Monday 12 Jan.
    expect(downsampleLttb(closes, 20).some((p) => p.date === '2026-01-12')).toBe(false);
    const withKeep = downsampleLttb(closes, 20, [monday]);
    expect(withKeep.some((p) => p.date === '2026-01-12')).toBe(true);
    expect(withKeep).toHaveLength(21);
  });

  it('returns everything when the threshold is not below the length', () => {
    expect(downsampleLttb(closes.slice(0, 10), 10)).toHaveLength(10);
    expect(downsampleLttb([], 10)).toEqual([]);
  });
});
