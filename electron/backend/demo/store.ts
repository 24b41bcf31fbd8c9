import type { DatabaseSync } from 'node:sqlite';
import type { DemoStatus } from '@shared/api/demo';
import { DEMO_DEDUPE_PREFIX, DEMO_PREFIX, type DemoDataset } from '@shared/domain/demo';
import { localizedError } from '@shared/domain/common/errors';
import { defaultAccount } from '../accounts/store';
import { inTransaction } from '../db/database';
import { countEventsWithKeyPrefix, deleteEventsWithKeyPrefix, insertClaim, insertEvent, setUserLink } from '../news/store';
import { countBarsOf, writeBars } from '../prices/store';
import { deleteSecurities, firstStoredSymbol, insertSecurity, securitiesWithPrefix, updateSecurityRow } from '../securities/store';
import { countTransactionsOf, deleteTransactionsOf, insertTransaction } from '../transactions/store';

/**
 * The sample portfolio is ordinary data under a DEMO- symbol prefix and a demo:
 * news key prefix; it is written and removed through each table's own store.
 */

function demoSecurityIds(db: DatabaseSync): number[] {
  return securitiesWithPrefix(db, DEMO_PREFIX).map((s) => s.id);
}

export function demoStatus(db: DatabaseSync): DemoStatus {
  const ids = demoSecurityIds(db);
  return {
    loaded: ids.length > 0,
    securities: ids.length,
    transactions: countTransactionsOf(db, ids),
    bars: countBarsOf(db, ids),
    events: countEventsWithKeyPrefix(db, DEMO_DEDUPE_PREFIX),
  };
}

/** Stores the generated sample portfolio in one transaction. Loading twice is refused, not doubled. */
export function loadDemo(db: DatabaseSync, data: DemoDataset): DemoStatus {
  if (demoStatus(db).loaded) {
    throw localizedError('CONFLICT', 'errors:demo.alreadyLoaded');
  }
  const clash = firstStoredSymbol(db, data.securities.map((s) => s.symbol));
  if (clash !== null) throw localizedError('CONFLICT', 'errors:demo.clash', { symbol: clash });

  inTransaction(db, () => {
    const ids = new Map<string, number>();
    for (const s of data.securities) {
      const stored = insertSecurity(db, {
        symbol: s.symbol,
        name: s.name,
        exchange: s.exchange,
        currency: s.currency,
        kind: s.kind,
        isin: null,
        issuerId: null,
        sharesPerUnit: 1,
        aliases: [],
      });
      ids.set(s.symbol, stored.id);
    }
    const idOf = (symbol: string): number => ids.get(symbol) as number;
    for (const s of data.securities) if (s.benchmark) updateSecurityRow(db, idOf(s.symbol), { benchmarkId: idOf(s.benchmark) });
    for (const [symbol, bars] of Object.entries(data.bars)) {
      writeBars(db, idOf(symbol), bars.map((b) => ({ ...b })), 'none', 'Tickerline sample data');
    }
    const account = defaultAccount(db);
    for (const t of data.transactions) {
      insertTransaction(db, {
        securityId: idOf(t.symbol),
        type: t.type,
        date: t.date,
        quantity: t.quantity,
        price: t.price,
        currency: t.currency,
        fees: t.fees,
        splitFrom: null,
        splitTo: null,
        note: 'Sample data',
        externalId: null,
        accountId: account.id,
        taxes: 0,
      });
    }
    for (const e of data.events) {
      const eventId = insertEvent(
        db,
        {
          date: e.date,
          time: e.time,
          timeZone: e.timeZone,
          headline: e.headline,
          summary: e.summary,
          body: '',
          source: e.source,
          url: null,
          language: null,
          label: 'Demo',
          tags: e.tags,
          tickers: [],
        },
        `${DEMO_DEDUPE_PREFIX}${e.key}`,
      );
      for (const symbol of e.links) setUserLink(db, eventId, idOf(symbol), 'linked');
      if (e.claim) insertClaim(db, eventId, idOf(e.claim.symbol), { ...e.claim, horizon: 'day' });
    }
  });
  return demoStatus(db);
}

/** Deletes exactly what loadDemo added: the DEMO- securities (with their bars, trades and links) and the demo news. */
export function removeDemo(db: DatabaseSync): DemoStatus {
  inTransaction(db, () => {
    const ids = demoSecurityIds(db);
    deleteEventsWithKeyPrefix(db, DEMO_DEDUPE_PREFIX);
    deleteTransactionsOf(db, ids);
    deleteSecurities(db, ids);
  });
  return demoStatus(db);
}
