import { toEpochDay, type IsoDate } from '../common/dates';

/**
 * A price this many calendar days or more behind the portfolio's valuation date is stale.
 * Ten days clears the longest regular market closures (Golden Week in Shanghai: the last close on
 * 30 Sep and the next on 9 Oct is nine days), so a price only gets the mark when its series has
 * really stopped being updated, not because its market had a holiday.
 */
export const STALE_AFTER_DAYS = 10;

/** How a row's price date relates to the date the portfolio is valued at. */
export type PriceDateStatus =
  | { kind: 'none' }
  | { kind: 'current' }
  | { kind: 'earlier'; daysBehind: number }
  | { kind: 'stale'; daysBehind: number };

export function priceDateStatus(priceDate: IsoDate | null, valuationDate: IsoDate | null): PriceDateStatus {
  if (priceDate === null || valuationDate === null) return { kind: 'none' };
  const daysBehind = toEpochDay(valuationDate) - toEpochDay(priceDate);
  if (daysBehind <= 0) return { kind: 'current' };
  return daysBehind >= STALE_AFTER_DAYS ? { kind: 'stale', daysBehind } : { kind: 'earlier', daysBehind };
}

export interface DatedHolding {
  symbol: string;
  quantity: number;
  lastPriceDate: IsoDate | null;
  dayChange: { date: IsoDate; previousDate: IsoDate } | null;
}

/**
 * What the day-change total compares. `common` when every open position's change runs between the
 * same two sessions (the usual case); otherwise `ownSessions`, naming the positions whose last two
 * sessions are not the common pair, because the total then adds moves of different days.
 */
export type DaySessions =
  | { kind: 'none' }
  | { kind: 'common'; previousDate: IsoDate; date: IsoDate }
  | { kind: 'ownSessions'; previousDate: IsoDate | null; date: IsoDate | null; others: string[] };

export function daySessions(holdings: readonly DatedHolding[], valuationDate: IsoDate | null): DaySessions {
  const changes = holdings.filter((h) => h.quantity > 0 && h.dayChange !== null);
  if (changes.length === 0) return { kind: 'none' };
  // The common pair: the previous session most positions valued on the valuation date compare with.
  const counts = new Map<IsoDate, number>();
  for (const h of changes) if (h.dayChange?.date === valuationDate) counts.set(h.dayChange.previousDate, (counts.get(h.dayChange.previousDate) ?? 0) + 1);
  let previousDate: IsoDate | null = null;
  for (const [d, n] of counts) if (previousDate === null || n > (counts.get(previousDate) ?? 0) || (n === counts.get(previousDate) && d > previousDate)) previousDate = d;
  const others = changes.filter((h) => h.dayChange?.date !== valuationDate || h.dayChange.previousDate !== previousDate).map((h) => h.symbol);
  if (others.length === 0 && previousDate !== null && valuationDate !== null) return { kind: 'common', previousDate, date: valuationDate };
  return { kind: 'ownSessions', previousDate, date: previousDate === null ? null : valuationDate, others };
}
