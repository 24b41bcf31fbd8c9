import { isoFromParts, type IsoDate } from './dates';
import { localizedError } from './errors';

/**
 * Time-zone arithmetic with Intl only (present in Node and every browser), so
 * shared code needs no zone database of its own. A zone is an IANA name or a
 * fixed offset ('+08:00', '+0800', 'GMT+8'), which is what RSS and ISO
 * timestamps carry.
 */

/** A wall-clock moment: calendar day plus 'HH:MM'. */
export interface WallTime {
  date: IsoDate;
  time: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
// RSS and e-mail dates carry fixed offsets ('+0800', '+08:00', 'GMT+8') rather than zone names.
const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const ZERO_OFFSET = /^(?:Z|UTC|GMT|UT)$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Converts a wall time in `fromZone` to the wall time on the exchange's clock
 * (`toZone`). Needed because an article stamped 22:30 in Hong Kong is 09:30 in
 * New York on the same day: one event falls on different sessions per exchange.
 * Zones are IANA names or fixed offsets.
 */
export function convertWallTime(wall: WallTime, fromZone: string, toZone: string): WallTime {
  const utcMs = wallTimeToUtc(wall, fromZone);
  return utcToWallTime(utcMs, toZone);
}

export function wallTimeToUtc(wall: WallTime, zone: string): number {
  const time = HH_MM.exec(wall.time);
  const [y, m, d] = wall.date.split('-').map(Number) as [number, number, number];
  if (!time || isoFromParts(y, m, d) !== wall.date) {
    throw localizedError('VALIDATION', 'errors:time.invalid', { value: `${wall.date} ${wall.time}` }, {
      field: 'time',
      value: `${wall.date} ${wall.time}`,
    });
  }
  const asIfUtc = Date.UTC(y, m - 1, d, Number(time[1]), Number(time[2]));
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return asIfUtc - fixed * 60_000;
  // The zone's offset depends on the instant we are looking for; two passes
  // settle it except inside a DST gap, where the later offset is used.
  const firstGuess = asIfUtc - zoneOffsetMinutes(asIfUtc, zone) * 60_000;
  return asIfUtc - zoneOffsetMinutes(firstGuess, zone) * 60_000;
}

export function utcToWallTime(utcMs: number, zone: string): WallTime {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) {
    const shifted = new Date(utcMs + fixed * 60_000).toISOString();
    return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
  }
  const wall = utcMs + zoneOffsetMinutes(utcMs, zone) * 60_000;
  const year = new Date(wall).getUTCFullYear();
  if (year < 1 || year > 9999) {
    const parts = zoneParts(utcMs, zone);
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  }
  const shifted = new Date(wall).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Minutes east of UTC of a fixed-offset zone ('+08:00', 'Z', 'GMT-5'); null for IANA names. */
export function fixedOffsetMinutes(zone: string): number | null {
  const trimmed = zone.trim();
  if (ZERO_OFFSET.test(trimmed)) return 0;
  const m = FIXED_OFFSET.exec(trimmed);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

const DAY_MS = 86_400_000;
/** Spans whose offset was found constant (or not: null), by zone, span length and start. */
const constantOffsets = new Map<string, number | null>();
const MAX_CACHED_SPANS = 100_000;

/**
 * The zone's offset at an instant. Intl's formatToParts is slow (anchoring 20,000 news
 * events called it 60,000 times, a third of the portfolio chart's time), and a zone's
 * offset changes a few times a year: a 32-day or 1-day span whose first and last minute
 * have the same offset has it throughout (two changes cancelling within a day do not
 * happen), so it is read once per span; spans holding a change are read per instant.
 */
function zoneOffsetMinutes(utcMs: number, zone: string): number {
  for (const span of [32 * DAY_MS, DAY_MS]) {
    const start = Math.floor(utcMs / span) * span;
    const key = `${zone}|${span}|${start}`;
    let offset = constantOffsets.get(key);
    if (offset === undefined) {
      const first = exactOffsetMinutes(start, zone);
      offset = first === exactOffsetMinutes(start + span - 60_000, zone) ? first : null;
      if (constantOffsets.size >= MAX_CACHED_SPANS) constantOffsets.clear();
      constantOffsets.set(key, offset);
    }
    if (offset !== null) return offset;
  }
  return exactOffsetMinutes(utcMs, zone);
}

function exactOffsetMinutes(utcMs: number, zone: string): number {
  const p = zoneParts(utcMs, zone);
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wallAsUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

interface ZoneParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function zoneParts(utcMs: number, zone: string): ZoneParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) parts[part.type] = part.value;
  return {
    year: (parts.year ?? '').padStart(4, '0'),
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch (cause) {
    throw localizedError('VALIDATION', 'errors:time.unknownZone', { zone }, {
      field: 'timeZone',
      value: zone,
      cause: String(cause),
    });
  }
  formatters.set(zone, formatter);
  return formatter;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function isKnownTimeZone(zone: string): boolean {
  if (fixedOffsetMinutes(zone) !== null) return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Like wallTimeToUtc, for untrusted input: null instead of an error. */
export function instantFromLocal(date: IsoDate, time: string, zone: string): number | null {
  if (!isKnownTimeZone(zone)) return null;
  try {
    return wallTimeToUtc({ date, time }, zone);
  } catch {
    return null;
  }
}
