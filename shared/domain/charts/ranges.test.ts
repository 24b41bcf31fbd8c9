import { describe, expect, it } from 'vitest';
import { rangeStart } from './ranges';

// 9988.HK fixture: first bar 2025-01-02, last bar 2026-02-27.
describe('rangeStart', () => {
  it('counts calendar months back from the last bar', () => {
    expect(rangeStart('1M', '2026-02-27', '2025-01-02')).toBe('2026-01-27');
    expect(rangeStart('3M', '2026-02-27', '2025-01-02')).toBe('2025-11-27');
    expect(rangeStart('6M', '2026-02-27', '2025-01-02')).toBe('2025-08-27');
    expect(rangeStart('1Y', '2026-02-27', '2025-01-02')).toBe('2025-02-27');
  });

  it('starts YTD on 1 January and Max on the first bar', () => {
    expect(rangeStart('YTD', '2026-02-27', '2025-01-02')).toBe('2026-01-01');
    expect(rangeStart('Max', '2026-02-27', '2025-01-02')).toBe('2025-01-02');
  });

  it('never starts before the first bar', () => {
    expect(rangeStart('5Y', '2026-02-27', '2025-01-02')).toBe('2025-01-02');
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(rangeStart('1M', '2025-03-31', '2000-01-03')).toBe('2025-02-28');
    expect(rangeStart('3M', '2024-05-31', '2000-01-03')).toBe('2024-02-29');
    expect(rangeStart('1M', '2026-01-15', '2000-01-03')).toBe('2025-12-15');
  });
});
