import { isoFromParts, type IsoDate } from '../common/dates';

/**
 * Time-zone arithmetic with Intl only (present in Node and every browser), so
 * shared code needs no zone database of its own. A zone is either an IANA name
 * or a fixed offset like '+08:00', which is what RSS and ISO timestamps carry.
 */
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

export function offsetMinutesOf(zone: string): number | null {
  if (zone === 'UTC' || zone === 'Z') return 0;
  const m = OFFSET.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function isKnownTimeZone(zone: string): boolean {
  if (offsetMinutesOf(zone) !== null) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of an IANA zone at a given instant, in minutes east of UTC. */
function zoneOffsetAt(instant: number, zone: string): number {
  const fixed = offsetMinutesOf(zone);
  if (fixed !== null) return fixed;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export function localDateTimeAt(instant: number, zone: string): { date: IsoDate; time: string } {
  const shifted = new Date(instant + zoneOffsetAt(instant, zone) * 60_000);
  return { date: shifted.toISOString().slice(0, 10), time: shifted.toISOString().slice(11, 16) };
}

/** UTC instant of a wall-clock time in a zone; DST gaps resolve to the later offset. */
export function instantFromLocal(date: IsoDate, time: string, zone: string): number | null {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  if (isoFromParts(y, mo, d) === null || !isKnownTimeZone(zone)) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes converge because the offset changes at most once near `wall`.
  let instant = wall - zoneOffsetAt(wall, zone) * 60_000;
  instant = wall - zoneOffsetAt(instant, zone) * 60_000;
  return instant;
}
