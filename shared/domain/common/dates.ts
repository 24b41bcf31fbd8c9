/**
 * Calendar days as 'YYYY-MM-DD' strings. Prices and events live on the
 * exchange's local calendar, so a day is never a UTC instant: converting
 * `2020-01-02 00:00:00+08:00` to UTC would move it to 1 January.
 */
export type IsoDate = string;

/**
 * Read digit by digit, without a RegExp match or a Date: an import checks every line's date
 * (200,000 in a large statement) and the allocations added up. Years before 100 are refused,
 * as before (Date.UTC read them as 19xx, so they never round-tripped).
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of DIGIT_POSITIONS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return isCalendarDay(digitsAt(value, 0, 4), digitsAt(value, 5, 2), digitsAt(value, 8, 2));
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 100 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!isCalendarDay(year, month, day)) return null;
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Days since 1970-01-01 for a calendar day. Reads the digits and uses Hinnant's
 * days-from-civil instead of building a Date: charts, valuations and imports
 * convert millions of dates, where a Date per call dominated the run time.
 * Expects a valid 'YYYY-MM-DD'.
 */
export function toEpochDay(date: IsoDate): number {
  return epochDayFromParts(digitsAt(date, 0, 4), digitsAt(date, 5, 2), digitsAt(date, 8, 2));
}

/** Days since 1970-01-01 of a year, month (1–12) and day, in the proleptic Gregorian calendar. */
export function epochDayFromParts(year: number, month: number, day: number): number {
  // Years start in March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The calendar day of an epoch day (civil-from-days), without building a Date. Remembered for the
 * days of 1970 to 2099 (an array of at most 47,482 strings, filled only where asked): a portfolio's
 * daily series and histories format the same few thousand trading days again on every call.
 */
export function fromEpochDay(epochDay: number): IsoDate {
  if ((epochDay | 0) !== epochDay || epochDay < 0 || epochDay >= REMEMBERED_DAYS) return formatEpochDay(epochDay);
  // Allocated whole on first use, so it stays a flat array rather than turning into a hash table.
  isoByDay ??= new Array<IsoDate | undefined>(REMEMBERED_DAYS);
  let iso = isoByDay[epochDay];
  if (iso === undefined) {
    iso = formatEpochDay(epochDay);
    isoByDay[epochDay] = iso;
  }
  return iso;
}

/** Days from 1970-01-01 to 2099-12-31. */
const REMEMBERED_DAYS = 47_482;
let isoByDay: (IsoDate | undefined)[] | undefined;

function formatEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}
