import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { normalizeToPercent } from './normalize';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

function readCloses(file: string): { date: string; close: number }[] {
  return readFileSync(`${FIXTURES_DIR}/prices/` + file, 'utf8')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => ({ date: line.slice(0, 10), close: Number(line.split(',')[1]) }));
}

const alibabaHk = readCloses('yfinance-download-multiheader_9988.HK_2025-2026.csv');
const hsi = readCloses('yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv');

describe('normalizeToPercent', () => {
  it('starts at 0 and measures against the first visible close', () => {
    const series = normalizeToPercent(alibabaHk, '2026-01-09');
    expect(series[0]).toEqual({ date: '2026-01-09', close: 146.5, change: 0 });
    // 154.3 / 146.5 − 1 = 0.0532423
    expect(series[1]?.change).toBeCloseTo(0.0532423, 6);
  });

  it('starts a series without a bar on the start day at its next bar (Sat 10 Jan → Mon 12 Jan)', () => {
    const series = normalizeToPercent(alibabaHk, '2026-01-10');
    expect(series[0]?.date).toBe('2026-01-12');
    expect(series[0]?.change).toBe(0);
    // 159.9 / 154.3 − 1 = 5.6 / 154.3 = 0.0362929
    expect(series[1]?.change).toBeCloseTo(0.0362929, 6);
  });

  it('starts the Hang Seng, whose file begins 8 Sep 2025, at its own first bar', () => {
    const series = normalizeToPercent(hsi, '2025-01-02');
    expect(series[0]?.date).toBe('2025-09-08');
    expect(series[0]?.change).toBe(0);
    expect(series).toHaveLength(hsi.length);
  });

  it('accepts an index and rejects a bad one', () => {
    expect(normalizeToPercent(alibabaHk, 1)[0]?.date).toBe(alibabaHk[1]?.date);
    expect(normalizeToPercent(alibabaHk, alibabaHk.length)).toEqual([]);
    expect(() => normalizeToPercent(alibabaHk, -1)).toThrow(AppError);
    expect(() => normalizeToPercent([{ date: '2026-01-09', close: 0 }], 0)).toThrow(AppError);
  });
});
