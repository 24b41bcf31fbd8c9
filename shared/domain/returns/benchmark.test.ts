import { describe, expect, it } from 'vitest';
import { compareWithBenchmark } from './benchmark';
import type { DailyValuation } from './daily-valuation';

const row = (date: string, value: number, inflow = 0): DailyValuation => ({ date, value, inflow, outflow: 0 });

describe('compareWithBenchmark', () => {
  // Benchmark daily returns +1 %, −1 %, +2 %, −0.5 %; the portfolio's are exactly 2 × those + 0.1 %:
  // +2.1 %, −1.9 %, +4.1 %, −0.9 %. So beta = 2 and the daily alpha 0.001, on 4 observations.
  const benchmark = [
    { date: '2025-01-06', close: 100 },
    { date: '2025-01-07', close: 101 },
    { date: '2025-01-08', close: 101 * 0.99 },
    { date: '2025-01-09', close: 101 * 0.99 * 1.02 },
    { date: '2025-01-10', close: 101 * 0.99 * 1.02 * 0.995 },
  ];
  const portfolio = [
    row('2025-01-06', 1000, 1000),
    row('2025-01-07', 1000 * 1.021),
    row('2025-01-08', 1000 * 1.021 * 0.981),
    row('2025-01-09', 1000 * 1.021 * 0.981 * 1.041),
    row('2025-01-10', 1000 * 1.021 * 0.981 * 1.041 * 0.991),
  ];

  it('gives excess return, beta and alpha with the number of observations', () => {
    const result = compareWithBenchmark(portfolio, benchmark, { start: '2025-01-06', end: '2025-01-10' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.observations).toBe(4);
    expect(result.beta).toBeCloseTo(2, 10);
    expect(result.alphaDaily).toBeCloseTo(0.001, 12);
    // 4 observations over 4 days: 365 a year, so 0.001 × 365 = 0.365.
    expect(result.alpha).toBeCloseTo(0.365, 9);
    // Portfolio 1.021 × 0.981 × 1.041 × 0.991 − 1 = 3.3283 %; benchmark 1.01 × 0.99 × 1.02 × 0.995 − 1 = 1.4799 %.
    expect(result.portfolioReturn).toBeCloseTo(1.021 * 0.981 * 1.041 * 0.991 - 1, 12);
    expect(result.benchmarkReturn).toBeCloseTo(1.01 * 0.99 * 1.02 * 0.995 - 1, 12);
    expect(result.excessReturn).toBeCloseTo(1.021 * 0.981 * 1.041 * 0.991 - 1.01 * 0.99 * 1.02 * 0.995, 12);
    expect(result.excessAnnualised).toBeUndefined();
  });

  it('pairs only days both have, spanning a benchmark holiday with one longer return', () => {
    // Without the benchmark's 08 Jan close, 07 → 09 Jan is one observation: benchmark 0.99 × 1.02 − 1,
    // portfolio 0.981 × 1.041 − 1. Three observations remain.
    const withHoliday = benchmark.filter((b) => b.date !== '2025-01-08');
    const result = compareWithBenchmark(portfolio, withHoliday, { start: '2025-01-06', end: '2025-01-10' });
    expect(result.kind === 'ok' && result.observations).toBe(3);
    expect(result.kind === 'ok' && result.benchmarkReturn).toBeCloseTo(1.01 * 0.99 * 1.02 * 0.995 - 1, 12);
  });

  it('is unavailable with too few observations or no benchmark close up to the end', () => {
    expect(compareWithBenchmark(portfolio.slice(0, 2), benchmark, { start: '2025-01-06', end: '2025-01-07' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'TOO_FEW_OBSERVATIONS', params: { observations: 1 } },
    });
    expect(compareWithBenchmark(portfolio, [{ date: '2025-01-13', close: 100 }], { start: '2025-01-06', end: '2025-01-10' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_BENCHMARK_PRICE', params: { date: '2025-01-10' } },
    });
  });

  it('compares from the first close of a benchmark younger than the period, and says so', () => {
    // The benchmark starts on 08 Jan: from there the portfolio made 1.041 × 0.991 − 1 = 3.1631 %, the benchmark
    // 1.02 × 0.995 − 1 = 1.49 %. Two observations (08→09, 09→10): x = +2 %, −0.5 %; y = +4.1 %, −0.9 %, so
    // beta = (0.041 + 0.009) / (0.02 + 0.005) = 2 and the daily alpha 0.041 − 2 × 0.02 = 0.001, over 2 days.
    const result = compareWithBenchmark(portfolio, benchmark.slice(2), { start: '2025-01-06', end: '2025-01-10' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.start).toBe('2025-01-08');
    expect(result.days).toBe(2);
    expect(result.observations).toBe(2);
    expect(result.portfolioReturn).toBeCloseTo(1.041 * 0.991 - 1, 12);
    expect(result.benchmarkReturn).toBeCloseTo(1.02 * 0.995 - 1, 12);
    expect(result.beta).toBeCloseTo(2, 9);
    expect(result.alphaDaily).toBeCloseTo(0.001, 12);
    expect(result.warnings).toContainEqual({ code: 'BENCHMARK_SHORTENED', params: { requestedStart: '2025-01-06', start: '2025-01-08' } });
  });
});
