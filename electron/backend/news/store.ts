import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { EventClaim, EventLink, LinkReason, LinkedSecurity, NewsEventDetail } from '@shared/api/news';
import { AppError } from '@shared/domain/common/errors';
import { extractClaims, linkSecurities, type LinkCandidate, type PriceClaim, type SecurityLink } from '@shared/domain/news';

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

function parseReasons(raw: string): LinkReason[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? (value as LinkReason[]) : [];
  } catch {
    return [];
  }
}

export function findEventByKey(db: DatabaseSync, dedupeKey: string): number | null {
  const row = db.prepare('SELECT id FROM news_events WHERE dedupe_key = ?').get(dedupeKey) as { id: number } | undefined;
  return row?.id ?? null;
}

export function readEventRow(db: DatabaseSync, id: number): EventRow {
  const row = db.prepare('SELECT * FROM news_events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'This news event no longer exists. It may have been deleted.', { id });
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

/** The text claims are read from: the headline, a summary the body does not repeat, the body. Lines separate topics. */
export function claimText(record: Pick<EventRecord, 'headline' | 'summary' | 'body'>): string {
  const parts = [record.headline];
  if (record.summary !== '' && !record.body.includes(record.summary)) parts.push(record.summary);
  if (record.body !== '') parts.push(record.body);
  return parts.join('\n');
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

/** The moves the text states about the linked securities; a move repeated (headline and body) counts once. */
export function claimsFor(record: Pick<EventRecord, 'headline' | 'summary' | 'body'>, links: SecurityLink[]): PriceClaim[] {
  const seen = new Set<string>();
  return extractClaims(claimText(record), links).filter((c) => {
    const key = `${c.securityId}|${c.direction}|${c.percent}|${c.qualifier}|${c.horizon}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Re-reads the claims of an event for the securities it is linked to now. Returns how many were stored. */
export function rewriteClaims(db: DatabaseSync, eventId: number, record: EventRecord): number {
  db.prepare('DELETE FROM event_claims WHERE event_id = ?').run(eventId);
  const rows = db
    .prepare(
      `SELECT l.security_id, l.reasons, s.issuer_id FROM event_links l JOIN securities s ON s.id = l.security_id
        WHERE l.event_id = ? AND l.state = 'linked'`,
    )
    .all(eventId) as { security_id: number; reasons: string; issuer_id: string | null }[];
  const links: SecurityLink[] = rows.map((r) => ({ securityId: r.security_id, issuerId: r.issuer_id, reasons: parseReasons(r.reasons) }));
  const claims = claimsFor(record, links);
  const insert = db.prepare(
    'INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of claims) insert.run(eventId, c.securityId, c.direction, c.percent, c.qualifier, c.horizon, c.text);
  return claims.length;
}

/** Symbol and name of every security, for labelling links. */
export function securityLabels(db: DatabaseSync): Map<number, LinkedSecurity> {
  const rows = db.prepare('SELECT id, symbol, name FROM securities ORDER BY symbol').all() as { id: number; symbol: string; name: string }[];
  return new Map(rows.map((r) => [r.id, { securityId: r.id, symbol: r.symbol, name: r.name }]));
}

const FIELD_ORDER = ['headline', 'summary', 'body', 'tickers'];

export function compareLinks(a: EventLink, b: EventLink): number {
  if (a.state !== b.state) return a.state === 'linked' ? -1 : 1;
  const ra = a.reasons[0];
  const rb = b.reasons[0];
  if (ra && rb) {
    const byPlace = FIELD_ORDER.indexOf(ra.field) - FIELD_ORDER.indexOf(rb.field) || ra.index - rb.index;
    if (byPlace !== 0) return byPlace;
  } else if (ra || rb) return ra ? -1 : 1;
  return a.symbol.localeCompare(b.symbol);
}

export function readLinks(db: DatabaseSync, eventId: number): EventLink[] {
  const rows = db
    .prepare(
      `SELECT l.security_id, l.origin, l.state, l.reasons, s.symbol, s.name FROM event_links l JOIN securities s ON s.id = l.security_id
        WHERE l.event_id = ?`,
    )
    .all(eventId) as { security_id: number; origin: 'auto' | 'user'; state: 'linked' | 'removed'; reasons: string; symbol: string; name: string }[];
  return rows
    .map((r) => ({ securityId: r.security_id, symbol: r.symbol, name: r.name, origin: r.origin, state: r.state, reasons: parseReasons(r.reasons) }))
    .sort(compareLinks);
}

export function readClaims(db: DatabaseSync, eventId: number): EventClaim[] {
  const rows = db
    .prepare(
      `SELECT c.security_id, s.symbol, c.direction, c.percent, c.qualifier, c.horizon, c.text
         FROM event_claims c JOIN securities s ON s.id = c.security_id WHERE c.event_id = ? ORDER BY c.id`,
    )
    .all(eventId) as {
    security_id: number;
    symbol: string;
    direction: EventClaim['direction'];
    percent: number;
    qualifier: EventClaim['qualifier'];
    horizon: EventClaim['horizon'];
    text: string;
  }[];
  return rows.map((r) => ({
    securityId: r.security_id,
    symbol: r.symbol,
    direction: r.direction,
    percent: r.percent,
    qualifier: r.qualifier,
    horizon: r.horizon,
    text: r.text,
  }));
}

export function readDetail(db: DatabaseSync, id: number): NewsEventDetail {
  const row = readEventRow(db, id);
  const { tickers: _tickers, ...record } = recordOf(row);
  return { id: row.id, ...record, links: readLinks(db, id), claims: readClaims(db, id) };
}

/** The user's choice for one link: it stays as they set it through every re-import and relink. */
export function setUserLink(db: DatabaseSync, eventId: number, securityId: number, state: 'linked' | 'removed'): void {
  db.prepare(
    `INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'user', ?, '[]')
     ON CONFLICT (event_id, security_id) DO UPDATE SET origin = 'user', state = excluded.state`,
  ).run(eventId, securityId, state);
}

export function securityExists(db: DatabaseSync, securityId: number): boolean {
  return db.prepare('SELECT 1 AS one FROM securities WHERE id = ?').get(securityId) !== undefined;
}

export type SqlParams = SQLInputValue[];
