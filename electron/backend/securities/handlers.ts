import type { DatabaseSync } from 'node:sqlite';
import type { SecuritySearchHit } from '@shared/api/securities';
import { sharesHeld } from '@shared/domain/portfolio/shares-held';
import { keyedText, localizedError } from '@shared/domain/common/errors';
import { isValidIsin } from '@shared/domain/securities/isin';
import { catalogueIssuer, listingsOfIssuer, matchListing, normalizeForSearch, searchCatalogue } from '@shared/domain/securities/search';
import { inTransaction } from '../db/database';
import type { FeatureMethods, Handlers } from '../handler';
import { lastClose } from '../prices/store';
import { countTransactionsOf, listTransactions, toDomain } from '../transactions/store';
import {
  deleteSecurities,
  ensureSecurityFromCatalogue,
  findBySymbol,
  getIssuer,
  insertSecurity,
  linkCandidates,
  listSecurities,
  listingsOf,
  requireSecurity,
  updateSecurityRow,
  upsertIssuer,
} from './store';

function transactionCount(db: DatabaseSync, securityId: number): number {
  return countTransactionsOf(db, [securityId]);
}

function heldQuantity(db: DatabaseSync, securityId: number): number {
  return sharesHeld(listTransactions(db, securityId).map(toDomain), securityId);
}

function checkIsin(isin: string | null | undefined): void {
  if (isin && !isValidIsin(isin)) {
    throw localizedError('VALIDATION', 'errors:securities.invalidIsin', { isin }, {
      fields: [{ field: 'isin', ...keyedText('errors:fields.isinCheckDigit') }],
    });
  }
}

/** Stored securities first (symbol, name, aliases and issuer names), then catalogue listings not added yet. */
export function searchSecurities(db: DatabaseSync, query: string, limit: number): SecuritySearchHit[] {
  const q = normalizeForSearch(query);
  if (q === '') return [];
  const stored = listSecurities(db);
  const candidates = new Map(linkCandidates(db).map((c) => [c.securityId, c]));
  const mine: (SecuritySearchHit & { score: number })[] = [];
  for (const s of stored) {
    const match = matchListing(query, { symbol: s.symbol, names: candidates.get(s.id)?.names ?? [] });
    if (match === null) continue;
    const { score, matched } = match;
    const issuer = s.issuerId ? getIssuer(db, s.issuerId) : null;
    mine.push({
      securityId: s.id,
      symbol: s.symbol,
      name: s.name,
      exchange: s.exchange,
      currency: s.currency,
      kind: s.kind,
      issuerId: s.issuerId,
      issuerName: issuer?.name ?? null,
      sharesPerUnit: s.sharesPerUnit,
      matched,
      score,
    });
  }
  mine.sort((a, b) => b.score - a.score || a.symbol.localeCompare(b.symbol));
  const storedSymbols = new Set(stored.map((s) => s.symbol.toUpperCase()));
  const fromCatalogue: SecuritySearchHit[] = searchCatalogue(query, limit + stored.length)
    .filter((m) => !storedSymbols.has(m.security.symbol.toUpperCase()))
    .map((m) => ({
      securityId: null,
      symbol: m.security.symbol,
      name: m.security.name,
      exchange: m.security.exchange,
      currency: m.security.currency,
      kind: m.security.kind,
      issuerId: m.security.issuerId,
      issuerName: m.issuer?.name ?? null,
      sharesPerUnit: m.security.sharesPerUnit,
      matched: m.matched,
    }));
  return [...mine.map(({ score: _score, ...hit }) => hit), ...fromCatalogue].slice(0, limit);
}

export const securitiesHandlers = {
  'securities.list': (_input, { db }) => listSecurities(db),
  'securities.search': ({ query, limit }, { db }) => searchSecurities(db, query, limit),
  'securities.get': ({ id }, { db }) => {
    const security = requireSecurity(db, id);
    return {
      security,
      issuer: security.issuerId ? getIssuer(db, security.issuerId) : null,
      transactionCount: transactionCount(db, id),
    };
  },
  'securities.create': ({ catalogueSymbol, custom }, { db }) =>
    inTransaction(db, () => {
      if (catalogueSymbol !== undefined) {
        if (findBySymbol(db, catalogueSymbol)) {
          throw localizedError('CONFLICT', 'errors:securities.alreadyListed', { symbol: catalogueSymbol.toUpperCase() }, { field: 'symbol' });
        }
        const added = ensureSecurityFromCatalogue(db, catalogueSymbol);
        if (added === null) {
          throw localizedError('NOT_FOUND', 'errors:securities.notInCatalogue', { symbol: catalogueSymbol }, { field: 'symbol' });
        }
        return added;
      }
      if (custom === undefined) throw localizedError('VALIDATION', 'errors:securities.nothingToCreate');
      checkIsin(custom.isin);
      if (custom.issuerId !== null && getIssuer(db, custom.issuerId) === null) {
        const known = catalogueIssuer(custom.issuerId);
        if (known === null) {
          upsertIssuer(db, { id: custom.issuerId, name: custom.name, aliases: [] });
        } else {
          upsertIssuer(db, known);
        }
      }
      return insertSecurity(db, { ...custom, symbol: custom.symbol.toUpperCase() });
    }),
  'securities.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      checkIsin(patch.isin);
      if (patch.symbol !== undefined) {
        const other = findBySymbol(db, patch.symbol);
        if (other !== null && other.id !== id) {
          throw localizedError('CONFLICT', 'errors:securities.symbolTaken', { symbol: other.symbol }, { field: 'symbol' });
        }
      }
      if (patch.currency !== undefined && patch.currency !== requireSecurity(db, id).currency && transactionCount(db, id) > 0) {
        // Prices and transactions are in the old currency; changing it silently would revalue them.
        throw localizedError('CONFLICT', 'errors:securities.currencyHasTransactions', undefined, { field: 'currency' });
      }
      return updateSecurityRow(db, id, patch);
    }),
  'securities.delete': ({ id }, { db }) => {
    const security = requireSecurity(db, id);
    const count = transactionCount(db, id);
    if (count > 0) {
      throw localizedError('CONFLICT', 'errors:securities.stillHasTransactions', { symbol: security.symbol, count }, { transactionCount: count });
    }
    inTransaction(db, () => deleteSecurities(db, [id]));
    return { deleted: id };
  },
  'securities.listings': ({ id }, { db }) => {
    const security = requireSecurity(db, id);
    const issuer = security.issuerId ? getIssuer(db, security.issuerId) : null;
    const stored = security.issuerId ? listingsOf(db, security.issuerId) : [security];
    const storedSymbols = new Set(stored.map((s) => s.symbol.toUpperCase()));
    const missing = security.issuerId
      ? listingsOfIssuer(security.issuerId).filter((s) => !storedSymbols.has(s.symbol.toUpperCase()))
      : [];
    const listings = [
      ...stored.map((s) => {
        const last = lastClose(db, s.id);
        return {
          securityId: s.id,
          symbol: s.symbol,
          name: s.name,
          exchange: s.exchange,
          currency: s.currency,
          sharesPerUnit: s.sharesPerUnit,
          quantity: heldQuantity(db, s.id),
          lastPrice: last?.close ?? null,
          lastPriceDate: last?.date ?? null,
        };
      }),
      ...missing.map((s) => ({
        securityId: null,
        symbol: s.symbol,
        name: s.name,
        exchange: s.exchange,
        currency: s.currency,
        sharesPerUnit: s.sharesPerUnit,
        quantity: 0,
        lastPrice: null,
        lastPriceDate: null,
      })),
    ];
    return { issuer, listings };
  },
  'securities.setBenchmark': ({ id, benchmarkId }, { db }) => {
    requireSecurity(db, id);
    if (benchmarkId !== null) {
      if (benchmarkId === id) throw localizedError('VALIDATION', 'errors:securities.ownBenchmark', undefined, { field: 'benchmarkId' });
      requireSecurity(db, benchmarkId);
    }
    return updateSecurityRow(db, id, { benchmarkId });
  },
} satisfies Handlers<FeatureMethods<'securities'>>;

