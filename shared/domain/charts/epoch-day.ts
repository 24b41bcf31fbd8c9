import type { IsoDate } from '../common/dates';

/**
 * Same result as toEpochDay in common/dates, about 30× faster: it reads the
 * digits directly instead of splitting the string and building a Date. Chart
 * preparation converts every bar of up to ten 20-year series on each range
 * change, where toEpochDay alone took ~50 ms. Expects a valid 'YYYY-MM-DD'.
 */
export function fastEpochDay(date: IsoDate): number {
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  // Days from civil (H. Hinnant): years start in March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}
