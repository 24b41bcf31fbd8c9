import { describe, expect, it } from 'vitest';
import { addDays, toEpochDay } from '../common/dates';
import { DateFormatDetector, DateReader, readDate, type DateFormat } from './date-formats';
import { epochDayFromParts } from '../common/dates';

function guess(values: string[]): ReturnType<DateFormatDetector['result']> {
  const d = new DateFormatDetector();
  for (const v of values) d.add(v, 0, v.length);
  return d.result();
}

describe('epochDayFromParts', () => {
  it('agrees with toEpochDay every day from 1899-12-25 for 150 years', () => {
    let date = '1899-12-25';
    for (let i = 0; i < 150 * 366; i++) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      expect(epochDayFromParts(y, m, d)).toBe(toEpochDay(date));
      date = addDays(date, 1);
    }
  });
});

describe('readDate', () => {
  it.each([
    ['2020-01-02 00:00:00+08:00', 'YYYY-MM-DD', '2020-01-02'], // local date, not shifted to 2020-01-01 UTC
    ['2024-01-02T23:30:00-05:00', 'YYYY-MM-DD', '2024-01-02'],
    ['03/01/2024', 'MM/DD/YYYY', '2024-03-01'],
    ['03/01/2024', 'DD/MM/YYYY', '2024-01-03'],
    ['19.11.2021', 'DD.MM.YYYY', '2021-11-19'],
    ['20240102', 'YYYYMMDD', '2024-01-02'],
    ['02-Jan-2024', 'DD-Mon-YYYY', '2024-01-02'],
    ['Jan 02, 2024', 'Mon DD, YYYY', '2024-01-02'],
    ['1/2/2024 16:00:00', 'MM/DD/YYYY', '2024-01-02'],
    ['02.01.24', 'DD.MM.YYYY', '2024-01-02'],
    ['15. Okt. 2021', 'DD-Mon-YYYY', '2021-10-15'],
    // month-year rows of monthly exports stand for the month, dated on its 1st
    ['Jan. 2020', 'Mon YYYY', '2020-01-01'],
    ['Dez. 2019', 'Mon YYYY', '2019-12-01'],
    ['März 2008', 'Mon YYYY', '2008-03-01'],
    ['Mrz 2008', 'Mon YYYY', '2008-03-01'],
    ['Okt 2015', 'Mon YYYY', '2015-10-01'],
    ['févr. 2021', 'Mon YYYY', '2021-02-01'],
    ['juil. 2021', 'Mon YYYY', '2021-07-01'],
    ['ene. 2022', 'Mon YYYY', '2022-01-01'],
    ['dic 2022', 'Mon YYYY', '2022-12-01'],
    ['giu 2023', 'Mon YYYY', '2023-06-01'],
    ['set. 2023', 'Mon YYYY', '2023-09-01'],
    ['out. 2023', 'Mon YYYY', '2023-10-01'],
    ['mrt 2024', 'Mon YYYY', '2024-03-01'],
    ['mei 2024', 'Mon YYYY', '2024-05-01'],
    ['paź 2024', 'Mon YYYY', '2024-10-01'],
    ['sty 2025', 'Mon YYYY', '2025-01-01'],
    ['Sept 2025', 'Mon YYYY', '2025-09-01'],
    ['Oktober 2025', 'Mon YYYY', '2025-10-01'],
    ['grudnia 2025', 'Mon YYYY', '2025-12-01'],
  ] as const)('%s as %s → %s', (value, format, expected) => {
    expect(readDate(value, format)).toBe(expected);
  });

  it.each([
    ['2023-02-29', 'YYYY-MM-DD'],
    ['13/13/2024', 'MM/DD/YYYY'],
    ['2024-01-02xyz', 'YYYY-MM-DD'],
    ['Date', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ] as const)('%s is not a %s date', (value, format) => {
    expect(readDate(value, format as DateFormat)).toBeNull();
  });

  it('keeps the written time of day', () => {
    const r = new DateReader('YYYY-MM-DD');
    const v = '2026-01-29 12:57:00';
    expect(r.read(v, 0, v.length)).toBe(true);
    expect(r.secondOfDay).toBe(12 * 3600 + 57 * 60);
    expect(r.day).toBe(toEpochDay('2026-01-29'));
  });
});

describe('DateFormatDetector', () => {
  it('decides month-first when a second number exceeds 12', () => {
    expect(guess(['03/01/2024', '02/29/2024'])).toMatchObject({ format: 'MM/DD/YYYY', ambiguous: false });
  });

  it('decides day-first when a first number exceeds 12', () => {
    expect(guess(['01/03/2024', '29/02/2024'])).toMatchObject({ format: 'DD/MM/YYYY', ambiguous: false });
  });

  it('reports slash dates with every number ≤ 12 as ambiguous', () => {
    expect(guess(['01/02/2024', '12/11/2024'])).toMatchObject({
      format: 'MM/DD/YYYY',
      ambiguous: true,
      alternatives: ['MM/DD/YYYY', 'DD/MM/YYYY'],
    });
  });

  it('treats dotted dates as day-first', () => {
    expect(guess(['01.02.2024', '02.02.2024'])).toMatchObject({ format: 'DD.MM.YYYY', ambiguous: false });
  });

  it('notices times', () => {
    expect(guess(['2020-01-02 00:00:00+08:00'])).toMatchObject({ format: 'YYYY-MM-DD', hasTime: true });
  });
});
