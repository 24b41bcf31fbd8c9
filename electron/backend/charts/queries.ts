import type { DatabaseSync } from 'node:sqlite';
import { DEMO_PREFIX, withoutDemoPrefix } from '@shared/domain/demo';
import type { IsoDate } from '@shared/domain/common/dates';
import { AppError } from '@shared/domain/common/errors';
import type { ClaimedMove, ClaimQualifier } from '@shared/domain/impact/claim-verdict';
import { fxPairFromSymbol, type FxSeries } from '@shared/domain/portfolio/fx';
import type { Transaction } from '@shared/domain/portfolio/transaction';
import { listSecurities, requireSecurity, type StoredSecurity } from '../securities/store';
import { listTransactions, toDomain } from '../transactions/store';
import { readBars } from '../prices/store';
import { securitiesOfKind } from '../securities/store';
import { sharesHeld } from '@shared/domain/portfolio/shares-held';

/**
 * Read helpers over the securities, transactions and news tables, which other
 * features own and write: their stores do the row mapping; only chart-specific
 * SELECTs live here.
 */
export type ChartSecurityRow = StoredSecurity;

export { listSecurities, requireSecurity as getSecurity };

export function isDemoSymbol(symbol: string): boolean {
  return symbol.toUpperCase().startsWith(DEMO_PREFIX);
}

export function readTransactions(db: DatabaseSync, securityId?: number): Transaction[] {
  return listTransactions(db, securityId).map(toDomain);
}

/** Shares held at the end of `date` (buys, sells and splits up to and including it). */
export function sharesHeldOn(transactions: readonly Transaction[], securityId: number, date: IsoDate): number {
  return sharesHeld(transactions, securityId, { kind: 'endOf', date });
}

/** Every FX series stored as a security of kind 'fx' ('HKDEUR=X', 'USDHKD=X', 'HKD=X'). */
export function readFxSeries(db: DatabaseSync): FxSeries[] {
  const series: FxSeries[] = [];
  for (const row of securitiesOfKind(db, 'fx')) {
    const pair = fxPairFromSymbol(withoutDemoPrefix(row.symbol).toUpperCase());
    if (!pair) continue;
    series.push({ ...pair, points: readBars(db, row.id).map((b) => ({ date: b.date, close: b.close })) });
  }
  return series;
}

export interface LinkedEvent {
  eventId: number;
  securityId: number;
  date: IsoDate;
  time: string | null;
  timeZone: string | null;
  headline: string;
  source: string;
  tags: string[];
}

interface LinkedEventRow {
  event_id: number;
  security_id: number;
  date: string;
  time: string | null;
  time_zone: string | null;
  headline: string;
  source: string;
  tags: string;
}

const EVENT_SELECT = `SELECT l.event_id, l.security_id, e.date, e.time, e.time_zone, e.headline, e.source, e.tags
  FROM event_links l JOIN news_events e ON e.id = l.event_id WHERE l.state = 'linked'`;

function toLinkedEvent(r: LinkedEventRow): LinkedEvent {
  return {
    eventId: r.event_id,
    securityId: r.security_id,
    date: r.date,
    time: r.time,
    timeZone: r.time_zone,
    headline: r.headline,
    source: r.source,
    tags: parseJsonArray(r.tags),
  };
}

/** Linked events of the securities, optionally only those dated within [from, to]. */
export function eventsForSecurities(db: DatabaseSync, securityIds: readonly number[], from?: IsoDate, to?: IsoDate): LinkedEvent[] {
  if (securityIds.length === 0) return [];
  const placeholders = securityIds.map(() => '?').join(', ');
  const rows = db
    .prepare(`${EVENT_SELECT} AND l.security_id IN (${placeholders}) AND e.date >= ? AND e.date <= ? ORDER BY e.date, e.id`)
    .all(...securityIds, from ?? '0000-01-01', to ?? '9999-12-31') as unknown as LinkedEventRow[];
  return rows.map(toLinkedEvent);
}

export function linksOfEvent(db: DatabaseSync, eventId: number): LinkedEvent[] {
  const rows = db.prepare(`${EVENT_SELECT} AND l.event_id = ? ORDER BY l.security_id`).all(eventId) as unknown as LinkedEventRow[];
  return rows.map(toLinkedEvent);
}

export function getEvent(db: DatabaseSync, eventId: number): { id: number; headline: string; source: string; date: IsoDate } {
  const row = db.prepare('SELECT id, headline, source, date FROM news_events WHERE id = ?').get(eventId) as
    | { id: number; headline: string; source: string; date: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'This news event no longer exists. It may have been deleted.', { eventId });
  return row;
}

/** The move the article states for the security on the day (not "since October"), if any. */
export function claimFor(db: DatabaseSync, eventId: number, securityId: number): ClaimedMove | null {
  const row = db
    .prepare(
      "SELECT direction, percent, qualifier FROM event_claims WHERE event_id = ? AND security_id = ? AND horizon = 'day' ORDER BY id LIMIT 1",
    )
    .get(eventId, securityId) as { direction: 'up' | 'down'; percent: number; qualifier: string } | undefined;
  if (!row) return null;
  // The news feature writes 'exact'; impact calls the same thing 'exactly'.
  const qualifier = (row.qualifier === 'exact' ? 'exactly' : row.qualifier) as ClaimQualifier;
  return { percent: row.percent, direction: row.direction, qualifier };
}

function parseJsonArray(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
