import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { EventClaim, EventLink, LinkReason, LinkedSecurity, NewsEventDetail, NewsList, NewsListItem } from '@shared/api/news';
import { LinkReason as LinkReasonSchema } from '@shared/api/news';
import type { IsoDate } from '@shared/domain/common/dates';
import { localizedError } from '@shared/domain/common/errors';
import {
  claimsFor,
  compareLinks,
  createLinker,
  linkSecurities,
  type ClaimQualifier,
  type LinkCandidate,
  type PriceClaim,
  type SecurityLink,
} from '@shared/domain/news';
import { allSecurityNames, securityIdsMatching, securityNames } from '../securities/store';

/**
 * The news tables (news_events, event_links, event_claims) and their row
 * mapping. Symbols and names of linked securities come from the securities
 * store, so no query here joins another feature's table.
 */

/** The stored text and facts of one event, as the parsers and the manual form produce them. */
export interface EventRecord {
  date: string;
  time: string | null;
  timeZone: string | null;
  headline: string;
  summary: string;
  body: string;
  source: string;
  url: string | null;
  language: string | null;
  label: string | null;
  tags: string[];
  /** Symbols the source states itself. */
  tickers: string[];
}

export interface EventRow {
  id: number;
  dedupe_key: string;
  date: string;
  time: string | null;
  time_zone: string | null;
  headline: string;
  summary: string;
  body: string;
  source: string;
  url: string | null;
  language: string | null;
  label: string | null;
  tags: string;
  tickers: string;
}

export function recordOf(row: EventRow): EventRecord {
  return {
    date: row.date,
    time: row.time,
    timeZone: row.time_zone,
    headline: row.headline,
    summary: row.summary,
    body: row.body,
    source: row.source,
    url: row.url,
    language: row.language,
    label: row.label,
    tags: parseStrings(row.tags),
    tickers: parseStrings(row.tickers),
  };
}

export function parseStrings(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Only well-formed reasons are returned: older sample data stored a bare note
 * ("sample data") here, which the UI showed as 'Why: “undefined” in the undefined'.
 */
function parseReasons(raw: string): LinkReason[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.flatMap((r) => {
      const parsed = LinkReasonSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }) : [];
  } catch {
    return [];
  }
}

// Previews look up every item of a feed (20,000 in the bench); the statement is prepared once per connection.
const findByKeyStatements = new WeakMap<DatabaseSync, ReturnType<DatabaseSync['prepare']>>();

export function findEventByKey(db: DatabaseSync, dedupeKey: string): number | null {
  let statement = findByKeyStatements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT id FROM news_events WHERE dedupe_key = ?');
    findByKeyStatements.set(db, statement);
  }
  const row = statement.get(dedupeKey) as { id: number } | undefined;
  return row?.id ?? null;
}

/** findEventByKey for a chunk of keys in one query: the stored id of each key that is stored. */
export function findEventsByKeys(db: DatabaseSync, keys: string[]): Map<string, number> {
  if (keys.length === 0) return new Map();
  const rows = db
    .prepare('SELECT dedupe_key AS key, id FROM news_events WHERE dedupe_key IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(keys)) as { key: string; id: number }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

const importStatements = new WeakMap<DatabaseSync, { event: StatementSync; link: StatementSync; claim: StatementSync }>();

/**
 * A new event with its automatic links and the claims read for them, as insertEvent,
 * writeAutoLinks and rewriteClaims would store them one after the other, without reading back
 * what was just written: an import of 20,000 feed items does this 20,000 times.
 */
export function insertImportedEvent(db: DatabaseSync, record: EventRecord, dedupeKey: string, links: SecurityLink[]): { id: number; links: number; claims: number } {
  let s = importStatements.get(db);
  if (!s) {
    s = {
      event: db.prepare(
        `INSERT INTO news_events (dedupe_key, date, time, time_zone, headline, summary, body, source, url, language, label, tags, tickers)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      link: db.prepare("INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'auto', 'linked', ?)"),
      claim: db.prepare('INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
    importStatements.set(db, s);
  }
  const id = Number(s.event.run(...eventValues(record, dedupeKey)).lastInsertRowid);
  for (const link of links) s.link.run(id, link.securityId, JSON.stringify(link.reasons));
  const claims = claimsFor(record, links);
  for (const c of claims) s.claim.run(id, c.securityId, c.direction, c.percent, c.qualifier, c.horizon, c.text);
  return { id, links: links.length, claims: claims.length };
}

export function readEventRow(db: DatabaseSync, id: number): EventRow {
  const row = db.prepare('SELECT * FROM news_events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) throw localizedError('NOT_FOUND', 'errors:news.eventGoneDeleted', undefined, { id });
  return row;
}

/** The stored columns of an event, in the order insertEvent and updateEventRow name them. */
function eventValues(record: EventRecord, dedupeKey: string): (string | null)[] {
  return [
    dedupeKey,
    record.date,
    record.time,
    record.timeZone,
    record.headline,
    record.summary,
    record.body,
    record.source,
    record.url,
    record.language,
    record.label,
    JSON.stringify(record.tags),
    JSON.stringify(record.tickers),
  ];
}

export function insertEvent(db: DatabaseSync, record: EventRecord, dedupeKey: string): number {
  const result = db
    .prepare(
      `INSERT INTO news_events (dedupe_key, date, time, time_zone, headline, summary, body, source, url, language, label, tags, tickers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...eventValues(record, dedupeKey));
  return Number(result.lastInsertRowid);
}

export function updateEventRow(db: DatabaseSync, id: number, record: EventRecord, dedupeKey: string): void {
  db.prepare(
    `UPDATE news_events SET dedupe_key = ?, date = ?, time = ?, time_zone = ?, headline = ?, summary = ?, body = ?,
            source = ?, url = ?, language = ?, label = ?, tags = ?, tickers = ? WHERE id = ?`,
  ).run(...eventValues(record, dedupeKey), id);
}

/** Links the text itself supports, against every security in the database. */
export function autoLinks(record: EventRecord, candidates: LinkCandidate[]): SecurityLink[] {
  return linkSecurities({ headline: record.headline, summary: record.summary, body: record.body, tickers: record.tickers }, candidates);
}

/** autoLinks for many events against the same candidates: the matcher is built once (a feed's preview, import, relink). */
export function autoLinker(candidates: LinkCandidate[]): (record: EventRecord) => SecurityLink[] {
  const link = createLinker(candidates);
  return (record) => link({ headline: record.headline, summary: record.summary, body: record.body, tickers: record.tickers });
}

/**
 * Stores the computed links of an event. The user's own choices (origin 'user':
 * a link they removed or added) keep their state; automatic links that the text
 * no longer supports are dropped.
 */
export function writeAutoLinks(db: DatabaseSync, eventId: number, links: SecurityLink[]): { added: number; removed: number } {
  const existing = new Map(
    (db.prepare('SELECT security_id, origin FROM event_links WHERE event_id = ?').all(eventId) as { security_id: number; origin: string }[]).map(
      (r) => [r.security_id, r.origin],
    ),
  );
  const insert = db.prepare("INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'auto', 'linked', ?)");
  const setReasons = db.prepare('UPDATE event_links SET reasons = ? WHERE event_id = ? AND security_id = ?');
  const drop = db.prepare("DELETE FROM event_links WHERE event_id = ? AND security_id = ? AND origin = 'auto'");
  let added = 0;
  let removed = 0;
  const found = new Set<number>();
  for (const link of links) {
    found.add(link.securityId);
    const reasons = JSON.stringify(link.reasons);
    if (!existing.has(link.securityId)) {
      insert.run(eventId, link.securityId, reasons);
      added += 1;
    } else setReasons.run(reasons, eventId, link.securityId);
  }
  for (const [securityId, origin] of existing) {
    if (origin === 'auto' && !found.has(securityId)) {
      drop.run(eventId, securityId);
      removed += 1;
    }
  }
  return { added, removed };
}

/** Re-reads the claims of an event for the securities it is linked to now. Returns how many were stored. */
export function rewriteClaims(db: DatabaseSync, eventId: number, record: EventRecord): number {
  db.prepare('DELETE FROM event_claims WHERE event_id = ?').run(eventId);
  const rows = db
    .prepare("SELECT security_id, reasons FROM event_links WHERE event_id = ? AND state = 'linked'")
    .all(eventId) as { security_id: number; reasons: string }[];
  const names = securityNames(db, rows.map((r) => r.security_id));
  const links: SecurityLink[] = rows.flatMap((r) => {
    const security = names.get(r.security_id);
    return security ? [{ securityId: r.security_id, issuerId: security.issuerId, reasons: parseReasons(r.reasons) }] : [];
  });
  const claims = claimsFor(record, links);
  const insert = db.prepare(
    'INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of claims) insert.run(eventId, c.securityId, c.direction, c.percent, c.qualifier, c.horizon, c.text);
  return claims.length;
}

/** Symbol and name of every security, for labelling links. */
export function securityLabels(db: DatabaseSync): Map<number, LinkedSecurity> {
  return new Map(allSecurityNames(db).map((r) => [r.id, { securityId: r.id, symbol: r.symbol, name: r.name }]));
}

/** The label of each stored security among `ids`, in symbol order; ids of deleted securities are left out. */
function labelsOf(db: DatabaseSync, ids: Iterable<number>): LinkedSecurity[] {
  return [...securityNames(db, ids).values()]
    .map((s) => ({ securityId: s.id, symbol: s.symbol, name: s.name }))
    .sort((a, b) => bySymbol(a.symbol, b.symbol));
}

/** SQLite's default (binary) order of symbols, which the lists kept before links were read without a join. */
function bySymbol(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function readLinks(db: DatabaseSync, eventId: number): EventLink[] {
  const rows = db
    .prepare('SELECT security_id, origin, state, reasons FROM event_links WHERE event_id = ?')
    .all(eventId) as { security_id: number; origin: 'auto' | 'user'; state: 'linked' | 'removed'; reasons: string }[];
  const names = securityNames(db, rows.map((r) => r.security_id));
  return rows
    .flatMap((r): EventLink[] => {
      const security = names.get(r.security_id);
      if (!security) return [];
      return [{ securityId: r.security_id, symbol: security.symbol, name: security.name, origin: r.origin, state: r.state, reasons: parseReasons(r.reasons) }];
    })
    .sort(compareLinks);
}

export function readClaims(db: DatabaseSync, eventId: number): EventClaim[] {
  const rows = db
    .prepare('SELECT security_id, direction, percent, qualifier, horizon, text FROM event_claims WHERE event_id = ? ORDER BY id')
    .all(eventId) as {
    security_id: number;
    direction: EventClaim['direction'];
    percent: number;
    qualifier: EventClaim['qualifier'];
    horizon: EventClaim['horizon'];
    text: string;
  }[];
  const names = securityNames(db, rows.map((r) => r.security_id));
  return rows.flatMap((r): EventClaim[] => {
    const security = names.get(r.security_id);
    if (!security) return [];
    const { security_id: securityId, ...claim } = r;
    return [{ securityId, symbol: security.symbol, ...claim }];
  });
}

/**
 * readLinks and readClaims for many events in two queries: a preview of a feed that is already
 * stored shows every item's links and claims, and one query per item made that slower than
 * reading the feed itself.
 */
export function readLinksAndClaims(db: DatabaseSync, ids: number[]): Map<number, { links: EventLink[]; claims: EventClaim[] }> {
  const out = new Map<number, { links: EventLink[]; claims: EventClaim[] }>(ids.map((id) => [id, { links: [], claims: [] }]));
  if (ids.length === 0) return out;
  const list = JSON.stringify(ids);
  const links = db
    .prepare('SELECT event_id, security_id, origin, state, reasons FROM event_links WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, rowid')
    .all(list) as { event_id: number; security_id: number; origin: 'auto' | 'user'; state: 'linked' | 'removed'; reasons: string }[];
  const claims = db
    .prepare('SELECT event_id, security_id, direction, percent, qualifier, horizon, text FROM event_claims WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(list) as { event_id: number; security_id: number; direction: EventClaim['direction']; percent: number; qualifier: EventClaim['qualifier']; horizon: EventClaim['horizon']; text: string }[];
  const names = securityNames(db, [...new Set([...links.map((r) => r.security_id), ...claims.map((r) => r.security_id)])]);
  for (const r of links) {
    const security = names.get(r.security_id);
    if (security) out.get(r.event_id)?.links.push({ securityId: r.security_id, symbol: security.symbol, name: security.name, origin: r.origin, state: r.state, reasons: parseReasons(r.reasons) });
  }
  for (const r of claims) {
    const security = names.get(r.security_id);
    const { event_id: eventId, security_id: securityId, ...claim } = r;
    if (security) out.get(eventId)?.claims.push({ securityId, symbol: security.symbol, ...claim });
  }
  for (const entry of out.values()) entry.links.sort(compareLinks);
  return out;
}

export function readDetail(db: DatabaseSync, id: number): NewsEventDetail {
  const row = readEventRow(db, id);
  const { tickers: _tickers, ...record } = recordOf(row);
  return { id: row.id, ...record, links: readLinks(db, id), claims: readClaims(db, id) };
}

/** The user's choice for one link (or the sample data's): it stays as set through every re-import and relink. */
export function setUserLink(db: DatabaseSync, eventId: number, securityId: number, state: 'linked' | 'removed'): void {
  db.prepare(
    `INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'user', ?, ?)
     ON CONFLICT (event_id, security_id) DO UPDATE SET origin = 'user', state = excluded.state`,
  ).run(eventId, securityId, state, '[]');
}

/** Stores one claim as given (the sample data's; text-read claims go through rewriteClaims). */
export function insertClaim(db: DatabaseSync, eventId: number, securityId: number, claim: Omit<PriceClaim, 'securityId' | 'index'>): void {
  db.prepare('INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    eventId,
    securityId,
    claim.direction,
    claim.percent,
    claim.qualifier,
    claim.horizon,
    claim.text,
  );
}

/** A LIKE pattern for dedupe keys starting with `prefix` (the sample data's 'demo:'); LIKE ignores ASCII case. */
function keyPrefixLike(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function countEventsWithKeyPrefix(db: DatabaseSync, prefix: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM news_events WHERE dedupe_key LIKE ? ESCAPE '\\'").get(keyPrefixLike(prefix)) as { n: number }).n;
}

export function deleteEventsWithKeyPrefix(db: DatabaseSync, prefix: string): void {
  db.prepare("DELETE FROM news_events WHERE dedupe_key LIKE ? ESCAPE '\\'").run(keyPrefixLike(prefix));
}

/** Ids of every stored event, oldest first. */
export function allEventIds(db: DatabaseSync): number[] {
  return (db.prepare('SELECT id FROM news_events ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

/** Deletes one event (its links and claims go with it by foreign key); false when it was not stored. */
export function deleteEvent(db: DatabaseSync, id: number): boolean {
  return db.prepare('DELETE FROM news_events WHERE id = ?').run(id).changes > 0;
}


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
  /** false: leave the facets empty (a next page of a list whose facets the caller has). */
  facets?: boolean | undefined;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The News list's order: newest day first; within a day the timed events, latest first, then
 * those without a time; the id breaks ties, so pages never overlap. Migration 8 indexes exactly
 * these expressions: a page anywhere in the list is read from the index, not by sorting every event.
 */
export const LIST_ORDER = 'e.date DESC, e.time IS NULL, e.time DESC, e.id DESC';

/** One page of events, newest first, with the values the filter controls offer. */
export function listEvents(db: DatabaseSync, filter: NewsFilter): NewsList {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    for (const word of search.split(/\s+/).slice(0, 8)) {
      const like = likePattern(word);
      // Securities whose symbol or name match come from their store; the event matches when it is linked to one.
      where.push(
        `(e.headline LIKE ? ESCAPE '\\' OR e.summary LIKE ? ESCAPE '\\' OR e.body LIKE ? ESCAPE '\\' OR e.source LIKE ? ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM event_links sl WHERE sl.event_id = e.id AND sl.state = 'linked'
                      AND sl.security_id IN (SELECT value FROM json_each(?))))`,
      );
      params.push(like, like, like, like, JSON.stringify(securityIdsMatching(db, word)));
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
    .prepare(`SELECT e.* FROM news_events e ${clause} ORDER BY ${LIST_ORDER} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as unknown as EventRow[];

  const linksOf = db.prepare("SELECT security_id FROM event_links WHERE event_id = ? AND state = 'linked'");
  const claimCount = db.prepare('SELECT COUNT(*) AS n FROM event_claims WHERE event_id = ?');
  const items: NewsListItem[] = rows.map((row) => {
    const { body: _body, tickers: _tickers, ...record } = recordOf(row);
    const links = labelsOf(db, (linksOf.all(row.id) as { security_id: number }[]).map((l) => l.security_id));
    return { id: row.id, ...record, links, claimCount: (claimCount.get(row.id) as { n: number }).n };
  });

  if (filter.facets === false) return { items, total, facets: { sources: [], tags: [], securities: [] } };
  const sources = (db.prepare("SELECT DISTINCT source FROM news_events WHERE source <> '' ORDER BY source").all() as { source: string }[]).map(
    (r) => r.source,
  );
  const tags = (db.prepare('SELECT DISTINCT t.value AS tag FROM news_events e, json_each(e.tags) t ORDER BY tag').all() as { tag: string }[]).map(
    (r) => r.tag,
  );
  const linkedIds = (db.prepare("SELECT DISTINCT security_id FROM event_links WHERE state = 'linked'").all() as { security_id: number }[]).map(
    (r) => r.security_id,
  );
  const securities = labelsOf(db, linkedIds);
  return { items, total, facets: { sources, tags, securities } };
}

/** One linked (not removed) event of one security, as charts and event impact need it. */
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

const LINKED_EVENT_SELECT = `SELECT l.event_id, l.security_id, e.date, e.time, e.time_zone, e.headline, e.source, e.tags
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
    tags: parseStrings(r.tags),
  };
}

/** Linked events of the securities, optionally only those dated within [from, to]. */
export function eventsForSecurities(db: DatabaseSync, securityIds: readonly number[], from?: IsoDate, to?: IsoDate): LinkedEvent[] {
  if (securityIds.length === 0) return [];
  const placeholders = securityIds.map(() => '?').join(', ');
  const rows = db
    .prepare(`${LINKED_EVENT_SELECT} AND l.security_id IN (${placeholders}) AND e.date >= ? AND e.date <= ? ORDER BY e.date, e.id`)
    .all(...securityIds, from ?? '0000-01-01', to ?? '9999-12-31') as unknown as LinkedEventRow[];
  return rows.map(toLinkedEvent);
}

/** One linked event per security the event is linked to, by security id. */
export function linksOfEvent(db: DatabaseSync, eventId: number): LinkedEvent[] {
  const rows = db.prepare(`${LINKED_EVENT_SELECT} AND l.event_id = ? ORDER BY l.security_id`).all(eventId) as unknown as LinkedEventRow[];
  return rows.map(toLinkedEvent);
}

export function getEvent(db: DatabaseSync, eventId: number): { id: number; headline: string; source: string; date: IsoDate } {
  const row = db.prepare('SELECT id, headline, source, date FROM news_events WHERE id = ?').get(eventId) as
    | { id: number; headline: string; source: string; date: string }
    | undefined;
  if (!row) throw localizedError('NOT_FOUND', 'errors:news.eventGoneDeleted', undefined, { eventId });
  return row;
}

/** The first move the event states for the security on the day (not "since October"), if any. */
export function dayClaim(
  db: DatabaseSync,
  eventId: number,
  securityId: number,
): { direction: 'up' | 'down'; percent: number; qualifier: ClaimQualifier } | null {
  const row = db
    .prepare(
      "SELECT direction, percent, qualifier FROM event_claims WHERE event_id = ? AND security_id = ? AND horizon = 'day' ORDER BY id LIMIT 1",
    )
    .get(eventId, securityId) as { direction: 'up' | 'down'; percent: number; qualifier: ClaimQualifier } | undefined;
  return row ?? null;
}
