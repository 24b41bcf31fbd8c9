import type { DatabaseSync } from 'node:sqlite';
import type { DemoStatus } from '@shared/api/demo';
import { DEMO_DEDUPE_PREFIX, DEMO_PREFIX, type DemoDataset } from '@shared/domain/demo';
import { AppError } from '@shared/domain/common/errors';
import { writeBars } from '../prices/store';
import { inTransaction } from '../db/database';

const DEMO_SYMBOLS = `symbol LIKE '${DEMO_PREFIX}%'`;
const DEMO_EVENTS = `dedupe_key LIKE '${DEMO_DEDUPE_PREFIX}%'`;

export function demoStatus(db: DatabaseSync): DemoStatus {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const securities = count(`SELECT COUNT(*) AS n FROM securities WHERE ${DEMO_SYMBOLS}`);
  return {
    loaded: securities > 0,
    securities,
    transactions: count(`SELECT COUNT(*) AS n FROM transactions WHERE security_id IN (SELECT id FROM securities WHERE ${DEMO_SYMBOLS})`),
    bars: count(`SELECT COUNT(*) AS n FROM price_bars WHERE security_id IN (SELECT id FROM securities WHERE ${DEMO_SYMBOLS})`),
    events: count(`SELECT COUNT(*) AS n FROM news_events WHERE ${DEMO_EVENTS}`),
  };
}

/** Stores the generated sample portfolio in one transaction. Loading twice is refused, not doubled. */
export function loadDemo(db: DatabaseSync, data: DemoDataset): DemoStatus {
  if (demoStatus(db).loaded) {
    throw new AppError('CONFLICT', 'The sample portfolio is already loaded. Remove it first to load it again.');
  }
  const clash = db
    .prepare(`SELECT symbol FROM securities WHERE symbol IN (${data.securities.map(() => '?').join(', ')})`)
    .get(...data.securities.map((s) => s.symbol)) as { symbol: string } | undefined;
  if (clash) throw new AppError('CONFLICT', `A security called ${clash.symbol} already exists, so the sample could not be loaded.`);

  inTransaction(db, () => {
    const ids = new Map<string, number>();
    const insertSecurity = db.prepare(
      "INSERT INTO securities (symbol, name, exchange, currency, kind, aliases) VALUES (?, ?, ?, ?, ?, '[]') RETURNING id",
    );
    for (const s of data.securities) {
      const row = insertSecurity.get(s.symbol, s.name, s.exchange, s.currency, s.kind) as { id: number };
      ids.set(s.symbol, row.id);
    }
    const idOf = (symbol: string): number => ids.get(symbol) as number;
    const setBenchmark = db.prepare('UPDATE securities SET benchmark_id = ? WHERE id = ?');
    for (const s of data.securities) if (s.benchmark) setBenchmark.run(idOf(s.benchmark), idOf(s.symbol));
    for (const [symbol, bars] of Object.entries(data.bars)) {
      writeBars(db, idOf(symbol), bars.map((b) => ({ ...b })), 'none', 'Tickerline sample data');
    }
    const insertTx = db.prepare(
      "INSERT INTO transactions (security_id, type, date, quantity, price, currency, fees, note) VALUES (?, ?, ?, ?, ?, ?, ?, 'Sample data')",
    );
    for (const t of data.transactions) insertTx.run(idOf(t.symbol), t.type, t.date, t.quantity, t.price, t.currency, t.fees);
    const insertEvent = db.prepare(
      'INSERT INTO news_events (dedupe_key, date, time, time_zone, headline, summary, source, tags, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    );
    const insertLink = db.prepare("INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'user', 'linked', '[\"sample data\"]')");
    const insertClaim = db.prepare(
      "INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, ?, ?, ?, 'day', ?)",
    );
    for (const e of data.events) {
      const row = insertEvent.get(`${DEMO_DEDUPE_PREFIX}${e.key}`, e.date, e.time, e.timeZone, e.headline, e.summary, e.source, JSON.stringify(e.tags), 'Demo') as { id: number };
      for (const symbol of e.links) insertLink.run(row.id, idOf(symbol));
      if (e.claim) insertClaim.run(row.id, idOf(e.claim.symbol), e.claim.direction, e.claim.percent, e.claim.qualifier, e.claim.text);
    }
  });
  return demoStatus(db);
}

/** Deletes exactly what loadDemo added: the DEMO- securities (with their bars, trades and links) and the demo news. */
export function removeDemo(db: DatabaseSync): DemoStatus {
  inTransaction(db, () => {
    const ids = `SELECT id FROM securities WHERE ${DEMO_SYMBOLS}`;
    db.exec(`DELETE FROM news_events WHERE ${DEMO_EVENTS}`);
    db.exec(`DELETE FROM transactions WHERE security_id IN (${ids})`);
    db.exec(`UPDATE securities SET benchmark_id = NULL WHERE benchmark_id IN (${ids})`);
    db.exec(`DELETE FROM securities WHERE ${DEMO_SYMBOLS}`);
  });
  return demoStatus(db);
}
