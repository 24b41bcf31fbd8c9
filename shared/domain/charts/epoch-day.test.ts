import { describe, expect, it } from 'vitest';
import { addDays, toEpochDay } from '../common/dates';
import { fastEpochDay } from './epoch-day';

describe('fastEpochDay', () => {
  it('matches toEpochDay on known days', () => {
    // 1970-01-01 is day 0; 2026-01-12 = 56 years incl. 14 leap days (1972…2024): 56·365 + 14 = 20454, + 11 = 20465.
    expect(fastEpochDay('1970-01-01')).toBe(0);
    expect(fastEpochDay('2026-01-12')).toBe(20465);
    expect(fastEpochDay('1969-12-31')).toBe(-1);
  });

  it('matches toEpochDay for every day from 1899 to 2101 (leap years, century rules)', () => {
    let mismatches = 0;
    for (let date = '1899-01-01'; date <= '2101-12-31'; date = addDays(date, 1)) {
      if (fastEpochDay(date) !== toEpochDay(date)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
