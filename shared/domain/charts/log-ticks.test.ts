import { describe, expect, it } from 'vitest';
import { logAxis } from './log-ticks';

describe('logAxis', () => {
  it('puts 14 … 160 on 1-2-5 ticks, widened to the ticks around the data', () => {
    // 10 ≤ 14 and 160 ≤ 200: 10, 20, 50, 100, 200
    expect(logAxis(14, 160)).toEqual({ domain: [10, 200], ticks: [10, 20, 50, 100, 200] });
  });
  it('gives a narrow range round steps instead of two ticks', () => {
    // 3M of 9988.HK: 140 / 1.04 = 134.6 … 160 × 1.04 = 166.4 → 130 … 170 in tens
    expect(logAxis(134.6, 166.4)).toEqual({ domain: [130, 170], ticks: [130, 140, 150, 160, 170] });
  });
  it('thins to powers of ten over a wide range', () => {
    // 0.5 … 3,000: 1-2-5 gives 0.5 … 5,000 = 10 ticks (> 7); 1-2.5-5 also 10; 1-3 gives 0.3 … 3,000 = 9; powers of ten: 0.1 … 10,000
    expect(logAxis(0.5, 3000).ticks).toEqual([0.1, 1, 10, 100, 1000, 10000]);
  });
});
