import { describe, expect, it } from 'vitest';
import { addDays, epochDayFromParts, fromEpochDay, isIsoDate, isoFromParts, toEpochDay, weekday } from './dates';

/** The slow, obviously right reference: JavaScript's own UTC calendar. */
const viaDate = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('calendar days', () => {
  it('counts days from 1970-01-01', () => {
    // 2026-01-12: 56 years incl. 14 leap days (1972…2024) = 56·365 + 14 = 20454, + 11 days of January = 20465.
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2026-01-12')).toBe(20465);
    expect(toEpochDay('2024-02-29')).toBe(19782); // 54·365 + 13 leap days + 59 = 19782
    expect(fromEpochDay(20465)).toBe('2026-01-12');
    expect(epochDayFromParts(2026, 1, 12)).toBe(20465);
  });

  it('agrees with the Date-based calendar on every day from 1899 to 2101 (leap years, century rules)', () => {
    const mismatches: string[] = [];
    for (let day = viaDate('1899-01-01'); day <= viaDate('2101-12-31'); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toEpochDay(iso) !== day || fromEpochDay(day) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the same text again for a day formatted before, inside and outside the remembered 1970–2099', () => {
    // 2099-12-31 is the last remembered day (47,481), 2100-01-01 the first formatted afresh each time.
    for (let pass = 0; pass < 2; pass++) {
      expect(fromEpochDay(47_481)).toBe('2099-12-31');
      expect(fromEpochDay(47_482)).toBe('2100-01-01');
      expect(fromEpochDay(0)).toBe('1970-01-01');
      expect(fromEpochDay(-1)).toBe('1969-12-31');
    }
  });

  it('knows weekdays and real dates', () => {
    expect(weekday('2026-01-11')).toBe(0); // the example article's Sunday
    expect(weekday('2026-01-12')).toBe(1);
    expect(addDays('2026-01-11', 1)).toBe('2026-01-12');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isoFromParts(2024, 2, 29)).toBe('2024-02-29');
    expect(isoFromParts(2023, 2, 29)).toBeNull();
  });
});
