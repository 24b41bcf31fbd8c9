import { isoFromParts, type IsoDate } from '../common/dates';
import { formatOffset, utcToWallTime } from '../common/time-zones';

/**
 * Publication timestamps as news sources write them. The calendar day is taken
 * in the publisher's own zone (never converted to UTC) and the zone is kept.
 */
export interface PublishedAt {
  date: IsoDate;
  time: string | null;
  timeZone: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, jänner: 1, janvier: 1,
  feb: 2, february: 2, februar: 2, février: 2,
  mar: 3, march: 3, märz: 3, maerz: 3, mars: 3, mrz: 3,
  apr: 4, april: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6, juin: 6,
  jul: 7, july: 7, juli: 7, juillet: 7,
  aug: 8, august: 8, août: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, dez: 12, dezember: 12, décembre: 12,
};

const MONTH_NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

// RFC 822 §5: the military single letters are too ambiguous in practice and are ignored.
const NAMED_ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function hhmm(h: string | undefined, m: string | undefined): string | null {
  if (h === undefined || m === undefined) return null;
  const hour = Number(h);
  const minute = Number(m);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function zoneFrom(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const named = NAMED_ZONES[raw.toUpperCase()];
  if (named !== undefined) return formatOffset(named);
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

function build(year: number, month: number, day: number, time: string | null, zone: string | null): PublishedAt | null {
  const date = isoFromParts(year, month, day);
  if (date === null) return null;
  return { date, time, timeZone: zone };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = new RegExp(
  `^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+(${MONTH_NAME})\\.?\\s+(\\d{2,4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([A-Za-z]{1,3}|[+-]\\d{4}))?)?$`,
  'i',
);
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T;]?(\d{2})(\d{2})(\d{2})?)?$/;

/** Parses one timestamp field (CSV cell, JSON value, feed element). */
export function parseTimestamp(value: string | number): PublishedAt | null {
  if (typeof value === 'number') return fromEpoch(value);
  const s = value.trim();
  if (s === '') return null;
  if (/^\d{10}(\d{3})?$/.test(s)) return fromEpoch(Number(s));

  let m = ISO.exec(s);
  if (m) {
    const time = hhmm(m[4], m[5]);
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, zoneFrom(m[7]));
  }
  m = RFC822.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    if (month === null) return null;
    return build(fullYear(Number(m[3])), month, Number(m[1]), hhmm(m[4], m[5]), zoneFrom(m[7]));
  }
  m = COMPACT.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), hhmm(m[4], m[5]), null);
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots and dashes are day-first (Europe); slashes are US month-first unless the first part cannot be a month.
    const dayFirst = m[2] !== '/' || a > 12;
    return build(fullYear(Number(m[4])), dayFirst ? b : a, dayFirst ? a : b, hhmm(m[5], m[6]), null);
  }
  return findDateInText(s);
}

/** Epoch seconds or milliseconds, as some JSON APIs send them; the day is taken in UTC. */
function fromEpoch(n: number): PublishedAt | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  const { date, time } = utcToWallTime(ms, 'UTC');
  return { date, time, timeZone: '+00:00' };
}

const GERMAN_LONG = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\.\\s*(${MONTH_NAME})\\s+(\\d{4})(?!\\d)`, 'iu');
const ENGLISH_LONG = new RegExp(`(?<![\\p{L}\\p{N}])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\s+(${MONTH_NAME})\\.?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const ISO_IN_TEXT = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** First date written in running text: '11. Januar 2026', 'January 11, 2026', '11 January 2026', '2026-01-11'. */
export function findDateInText(text: string): PublishedAt | null {
  const found: { index: number; date: PublishedAt }[] = [];
  const push = (index: number, y: number, mo: number | null, d: number): void => {
    if (mo === null) return;
    const date = build(y, mo, d, null, null);
    if (date) found.push({ index, date });
  };
  let m = GERMAN_LONG.exec(text);
  if (m) push(m.index, Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = ENGLISH_LONG.exec(text);
  if (m) push(m.index, Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) push(m.index, Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = ISO_IN_TEXT.exec(text);
  if (m) push(m.index, Number(m[1]), Number(m[2]), Number(m[3]));
  found.sort((a, b) => a.index - b.index);
  return found[0]?.date ?? null;
}

/** 'de-2026-01-11-alibaba.txt', 'news_20260111.csv' → 2026-01-11. */
export function dateFromFileName(fileName: string): IsoDate | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/.exec(base);
  return m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
