import { addDays, isWeekend, type IsoDate } from '../common/dates';
import { lowerBound } from '../charts/sorted-search';
import { convertWallTime } from '../common/time-zones';

/** When a news event happened, as precisely as its source tells. */
export interface EventTiming {
  date: IsoDate;
  /** 'HH:MM' in `timeZone`; null when the source gives only a day. */
  time: string | null;
  /** IANA zone or fixed offset ('+08:00'); null when unknown. */
  timeZone: string | null;
}

/** The part of an Exchange that anchoring needs (see securities/exchanges.ts). */
export interface ExchangeClock {
  timeZone: string;
  /** Regular close, local 'HH:MM'. */
  close: string;
}

export type AnchorReason = 'non-trading-day' | 'after-close';

/**
 * Where the event lies relative to the security's bars. Outside the data the
 * session is unknown (holidays ahead are not known), so only an estimate exists.
 */
export type AnchorCoverage = 'in-data' | 'before-data' | 'after-data' | 'no-data';

export interface AnchorResult {
  /** First session whose close can reflect the event; null outside the data. */
  sessionDate: IsoDate | null;
  /** True when the event was moved off its own calendar day. */
  anchored: boolean;
  /** The event's calendar day on the exchange clock, when anchored. */
  anchoredFrom: IsoDate | null;
  reason: AnchorReason | null;
  /** The event's calendar day and time on the exchange clock. */
  localDate: IsoDate;
  localTime: string | null;
  /**
   * Always set, so a marker never disappears: the session when known, else the
   * next weekday on or after the event (holidays unknown).
   */
  approxDate: IsoDate;
  coverage: AnchorCoverage;
}

/**
 * Places a news event on the session of one security that first could react to it.
 *
 * Rules, in order:
 * 1. The event's calendar day is taken on the exchange's clock (a 22:30 Hong
 *    Kong article is 09:30 the same day in New York). Without both a time and
 *    a zone only the date is known, and that date is used as is.
 * 2. Published at or after the regular close, it can only move the next
 *    session (the closing bell itself ends continuous trading).
 * 3. Then the first session on or after that day is taken: a Sunday article
 *    moves Monday's close.
 *
 * `sessions` are the security's trading days, sorted ascending.
 */
export function anchorEvent(event: EventTiming, exchange: ExchangeClock, sessions: readonly IsoDate[]): AnchorResult {
  const local =
    event.time !== null && event.timeZone !== null
      ? convertWallTime({ date: event.date, time: event.time }, event.timeZone, exchange.timeZone)
      : { date: event.date, time: null };

  const afterClose = local.time !== null && local.time >= exchange.close;
  const earliest = afterClose ? addDays(local.date, 1) : local.date;

  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  let coverage: AnchorCoverage;
  let sessionDate: IsoDate | null = null;
  if (first === undefined || last === undefined) coverage = 'no-data';
  else if (local.date < first) coverage = 'before-data';
  else if (earliest > last) coverage = 'after-data';
  else {
    coverage = 'in-data';
    sessionDate = sessions[firstSessionIndex(sessions, earliest)] ?? null;
  }

  const approxDate = sessionDate ?? nextWeekday(earliest);
  const anchored = approxDate !== local.date;
  const localDayTraded =
    coverage === 'in-data' ? sessions[firstSessionIndex(sessions, local.date)] === local.date : !isWeekend(local.date);
  const reason: AnchorReason | null = !anchored
    ? null
    : afterClose && localDayTraded
      ? 'after-close'
      : 'non-trading-day';

  return {
    sessionDate,
    anchored,
    anchoredFrom: anchored ? local.date : null,
    reason,
    localDate: local.date,
    localTime: local.time,
    approxDate,
    coverage,
  };
}

function firstSessionIndex(sessions: readonly IsoDate[], date: IsoDate): number {
  return lowerBound(sessions.length, (i) => (sessions[i] as IsoDate) < date);
}

function nextWeekday(date: IsoDate): IsoDate {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}

const PHRASES: Record<string, { from: string; afterClose: string }> = {
  en: { from: 'anchored from', afterClose: 'after close' },
  de: { from: 'verschoben vom', afterClose: 'nach Börsenschluss' },
};

/** One formatter per locale: building one costs far more than formatting, and a chart labels thousands of events. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(locale: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayFormatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * Short explanation shown beside a moved marker, e.g. "anchored from Sun 11 Jan"
 * (locale 'en-GB'); null when the event sits on its own day. The date follows
 * the locale's conventions; the words exist in English and German.
 */
export function anchorLabel(result: AnchorResult, locale: string): string | null {
  if (!result.anchored || result.anchoredFrom === null) return null;
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const phrases = PHRASES[language] ?? (PHRASES.en as { from: string; afterClose: string });
  const [y, m, d] = result.anchoredFrom.split('-').map(Number) as [number, number, number];
  const day = dayFormatter(locale).format(new Date(Date.UTC(y, m - 1, d)));
  return result.reason === 'after-close' ? `${phrases.from} ${day} (${phrases.afterClose})` : `${phrases.from} ${day}`;
}
