import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import { downsampleMinMax } from './min-max';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const closes = readFileSync(`${FIXTURES_DIR}/prices/yfinance-download-multiheader_9988.HK_2025-2026.csv`, 'utf8')
  .split('\n')
  .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
  .map((line) => ({ date: line.slice(0, 10), x: toEpochDay(line.slice(0, 10)), y: Number(line.split(',')[1]) }));

describe('downsampleMinMax', () => {
  const columns = 10;
  const reduced = downsampleMinMax(closes, columns);

  it('keeps at most first, last and two points per pixel column', () => {
    expect(reduced.length).toBeLessThanOrEqual(columns * 2 + 2);
    expect(reduced[0]?.date).toBe('2025-01-02');
    expect(reduced.at(-1)?.date).toBe('2026-02-27');
  });

  it('keeps the highest and lowest close of every column', () => {
    // Column of a point: floor((x − x0) / (xN − x0) × 10), capped at 9, computed independently here.
    const x0 = closes[0]!.x;
    const span = closes.at(-1)!.x - x0;
    const columnOf = (x: number): number => Math.min(columns - 1, Math.floor(((x - x0) / span) * columns));
    for (let c = 0; c < columns; c++) {
      const inColumn = closes.slice(1, -1).filter((p) => columnOf(p.x) === c);
      const ys = inColumn.map((p) => p.y);
      const kept = reduced.filter((p) => inColumn.includes(p)).map((p) => p.y);
      expect(kept).toContain(Math.max(...ys));
      expect(kept).toContain(Math.min(...ys));
    }
    // The all-time high of the file, 185.1 on 3 Oct 2025, must be on the line.
    const peak = closes.reduce((best, p) => (p.y > best.y ? p : best));
    expect(peak.date).toBe('2025-10-03');
    expect(peak.y).toBeCloseTo(185.1, 4);
    expect(reduced).toContain(peak);
  });

  it('adds marker bars on request and leaves short series untouched', () => {
    const monday = closes.findIndex((p) => p.date === '2026-01-12');
    expect(downsampleMinMax(closes, columns, [monday]).some((p) => p.date === '2026-01-12')).toBe(true);
    expect(downsampleMinMax(closes.slice(0, 22), columns)).toHaveLength(22);
  });
});
