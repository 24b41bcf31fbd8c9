import type { ErrorText } from '../common/errors';
import type { IsoDate } from '../common/dates';
import { instantFromLocal, utcToWallTime } from '../common/time-zones';

/**
 * A news item as stored. `date` is the calendar day in the zone the publisher
 * used; `timeZone` is kept so the event can be placed on each exchange's own
 * calendar (a Hong Kong evening story lands before the New York open).
 */
export interface NewsEvent {
  id: number;
  date: IsoDate;
  time: string | null; // 'HH:MM' local to timeZone
  timeZone: string | null; // IANA zone ('Asia/Hong_Kong') or fixed offset ('+08:00')
  headline: string;
  summary: string;
  body: string;
  source: string;
  url: string | null;
  language: string; // ISO 639-1 ('de', 'en', 'zh'); 'und' when it cannot be told
  label: string | null; // the publisher's own label, e.g. 'Anzeige'
  tags: string[]; // e.g. 'sponsored' for advertorials
}

/** What a parser produces before the item is stored. */
export interface ParsedNewsItem extends Omit<NewsEvent, 'id'> {
  /** Symbols the source itself states (a tickers column, 'NVDA' in 'headlines_NVDA_….csv'). */
  tickers: string[];
  /** 1-based line in the file where the item starts, when the format has lines worth naming. */
  line: number | null;
  /** 0-based position among the file's items (feed entries, JSON array elements). */
  itemIndex: number;
  /**
   * The source states no publication date (a dropped link, an undated page or
   * paste): `date` is only a placeholder (today) that the user sets before import.
   */
  dateUnknown?: boolean;
  /**
   * Who wrote it, when the source says (a saved page's byline or author metadata, a feed item's
   * author): shown in the import preview, not stored.
   */
  author?: string | null;
}

export interface NewsParseError extends Partial<ErrorText> {
  line: number | null;
  itemIndex: number | null;
  field: string | null;
  /** English; `key` and `params` (when set) word it in the reader's language. */
  message: string;
}

export interface NewsParseResult {
  items: ParsedNewsItem[];
  errors: NewsParseError[];
}

type Timed = Pick<NewsEvent, 'date' | 'time' | 'timeZone'>;

/** UTC epoch milliseconds of publication, or null when time or zone is unknown. */
export function instantOf(event: Timed): number | null {
  if (event.time === null || event.timeZone === null) return null;
  return instantFromLocal(event.date, event.time, event.timeZone);
}

/**
 * The calendar day of the event on another clock. Without a known instant the
 * publication day is the best available answer, so it is returned unchanged.
 */
export function localDateIn(event: Timed, timeZone: string): IsoDate {
  const instant = instantOf(event);
  if (instant === null) return event.date;
  return utcToWallTime(instant, timeZone).date;
}

export const SPONSORED_TAG = 'sponsored';

export function isSponsored(event: Pick<NewsEvent, 'tags'>): boolean {
  return event.tags.includes(SPONSORED_TAG);
}
