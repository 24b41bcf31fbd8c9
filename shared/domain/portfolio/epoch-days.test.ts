import { describe, expect, it } from 'vitest';
import { closesOf, epochDaysOf } from './epoch-days';

describe('per-history caches', () => {
  it('remembers the days of a bars array', () => {
    const bars = [{ date: '2026-01-09' }, { date: '2026-01-12' }];
    expect(Array.from(epochDaysOf(bars))).toEqual([20462, 20465]);
    expect(epochDaysOf(bars)).toBe(epochDaysOf(bars));
  });

  it('remembers the closes of a bars array', () => {
    const bars = [{ close: 146.5 }, { close: 154.3 }];
    expect(Array.from(closesOf(bars))).toEqual([146.5, 154.3]);
    expect(closesOf(bars)).toBe(closesOf(bars));
  });
});
