import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../common/dates';
import { epochDaysOf, fastEpochDay, fastIsoDate } from './epoch-days';

describe('fast epoch days', () => {
  it('matches the shared toEpochDay/fromEpochDay on every day from 1899 to 2101', () => {
    for (let day = toEpochDay('1899-01-01'); day <= toEpochDay('2101-12-31'); day++) {
      const iso = fromEpochDay(day);
      if (fastEpochDay(iso) !== day || fastIsoDate(day) !== iso) throw new Error(`mismatch on ${iso}`);
    }
    expect(fastEpochDay('2024-02-29')).toBe(19782); // 54 years × 365 + 13 leap days + 59 = 19710 + 13 + 59
    expect(fastIsoDate(0)).toBe('1970-01-01');
  });

  it('remembers the days of a bars array', () => {
    const bars = [{ date: '2026-01-09' }, { date: '2026-01-12' }];
    expect(Array.from(epochDaysOf(bars))).toEqual([20462, 20465]);
    expect(epochDaysOf(bars)).toBe(epochDaysOf(bars));
  });
});
