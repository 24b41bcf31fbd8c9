import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { EventClaim, LinkedSecurity, NewsList, NewsListItem } from '@shared/api/news';
import { parseStrings, recordOf, type EventRow } from './store';

export interface SecurityEvent {
  id: number;
  date: string;
  time: string | null;
  timeZone: string | null;
  headline: string;
  source: string;
  tags: string[];
  /** Moves the text states for this security. */
  claims: Omit<EventClaim, 'securityId' | 'symbol'>[];
}

/**
 * The news events linked to one security (links the user removed excluded),
 * oldest first, with the claims made about that security. Used by charts and
 * event impact.
 */
export function eventsForSecurity(db: DatabaseSync, securityId: number): SecurityEvent[] {
  const events = db
    .prepare(
      `SELECT e.id, e.date, e.time, e.time_zone, e.headline, e.source, e.tags
         FROM news_events e JOIN event_links l ON l.event_id = e.id
        WHERE l.security_id = ? AND l.state = 'linked'
        ORDER BY e.date, e.time IS NULL, e.time, e.id`,
    )
    .all(securityId) as { id: number; date: string; time: string | null; time_zone: string | null; headline: string; source: string; tags: string }[];
  const claims = db
    .prepare(
      `SELECT c.event_id, c.direction, c.percent, c.qualifier, c.horizon, c.text
         FROM event_claims c JOIN event_links l ON l.event_id = c.event_id AND l.security_id = c.security_id
        WHERE c.security_id = ? AND l.state = 'linked' ORDER BY c.id`,
    )
    .all(securityId) as ({ event_id: number } & SecurityEvent['claims'][number])[];
  const byEvent = new Map<number, SecurityEvent['claims']>();
  for (const { event_id, ...claim } of claims) {
    const list = byEvent.get(event_id) ?? [];
    list.push(claim);
    byEvent.set(event_id, list);
  }
  return events.map((e) => ({
    id: e.id,
    date: e.date,
    time: e.time,
    timeZone: e.time_zone,
    headline: e.headline,
    source: e.source,
    tags: parseStrings(e.tags),
    claims: byEvent.get(e.id) ?? [],
  }));
}

export interface NewsFilter {
  search?: string | undefined;
  securityId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
  source?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of events, newest first, with the values the filter controls offer. */
export function listEvents(db: DatabaseSync, filter: NewsFilter): NewsList {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    for (const word of search.split(/\s+/).slice(0, 8)) {
      const like = likePattern(word);
      where.push(
        `(e.headline LIKE ? ESCAPE '\\' OR e.summary LIKE ? ESCAPE '\\' OR e.body LIKE ? ESCAPE '\\' OR e.source LIKE ? ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM event_links sl JOIN securities ss ON ss.id = sl.security_id
                      WHERE sl.event_id = e.id AND sl.state = 'linked' AND (ss.symbol LIKE ? ESCAPE '\\' OR ss.name LIKE ? ESCAPE '\\')))`,
      );
      params.push(like, like, like, like, like, like);
    }
  }
  if (filter.securityId !== undefined) {
    where.push("EXISTS (SELECT 1 FROM event_links fl WHERE fl.event_id = e.id AND fl.security_id = ? AND fl.state = 'linked')");
    params.push(filter.securityId);
  }
  if (filter.from) {
    where.push('e.date >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('e.date <= ?');
    params.push(filter.to);
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(e.tags) t WHERE t.value = ?)');
    params.push(filter.tag);
  }
  if (filter.source) {
    where.push('e.source = ?');
    params.push(filter.source);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM news_events e ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT e.* FROM news_events e ${clause} ORDER BY e.date DESC, e.time IS NULL, e.time DESC, e.id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as unknown as EventRow[];

  const linksOf = db.prepare(
    `SELECT l.security_id, s.symbol, s.name FROM event_links l JOIN securities s ON s.id = l.security_id
      WHERE l.event_id = ? AND l.state = 'linked' ORDER BY s.symbol`,
  );
  const claimCount = db.prepare('SELECT COUNT(*) AS n FROM event_claims WHERE event_id = ?');
  const items: NewsListItem[] = rows.map((row) => {
    const { body: _body, tickers: _tickers, ...record } = recordOf(row);
    const links = (linksOf.all(row.id) as { security_id: number; symbol: string; name: string }[]).map((l) => ({
      securityId: l.security_id,
      symbol: l.symbol,
      name: l.name,
    }));
    return { id: row.id, ...record, links, claimCount: (claimCount.get(row.id) as { n: number }).n };
  });

  const sources = (db.prepare("SELECT DISTINCT source FROM news_events WHERE source <> '' ORDER BY source").all() as { source: string }[]).map(
    (r) => r.source,
  );
  const tags = (db.prepare('SELECT DISTINCT t.value AS tag FROM news_events e, json_each(e.tags) t ORDER BY tag').all() as { tag: string }[]).map(
    (r) => r.tag,
  );
  const securities = (
    db
      .prepare(
        `SELECT DISTINCT s.id, s.symbol, s.name FROM event_links l JOIN securities s ON s.id = l.security_id
          WHERE l.state = 'linked' ORDER BY s.symbol`,
      )
      .all() as { id: number; symbol: string; name: string }[]
  ).map((s): LinkedSecurity => ({ securityId: s.id, symbol: s.symbol, name: s.name }));
  return { items, total, facets: { sources, tags, securities } };
}
