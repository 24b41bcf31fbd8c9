import type { DatabaseSync } from 'node:sqlite';
import { scopeSecurityTransfers } from '@shared/domain/portfolio/security-transfer';
import { DEMO_PREFIX, withoutDemoPrefix } from '@shared/domain/demo';
import type { IsoDate } from '@shared/domain/common/dates';
import type { ClaimedMove, ClaimQualifier } from '@shared/domain/impact/claim-verdict';
import { fxPairFromSymbol, type FxSeries } from '@shared/domain/portfolio/fx';
import type { Transaction } from '@shared/domain/portfolio/transaction';
import { listSecurities, requireSecurity, type StoredSecurity } from '../securities/store';
import { listTransactions, toDomain } from '../transactions/store';
import { barExtents, readBars } from '../prices/store';
import { chooseBenchmark, type BenchmarkCandidate, type ChosenBenchmark } from '@shared/domain/securities/benchmark';
import { dayClaim, eventsForSecurities, getEvent, linksOfEvent, type LinkedEvent } from '../news/store';
import { securitiesOfKind } from '../securities/store';
import { sharesHeld } from '@shared/domain/portfolio/shares-held';

/**
 * What charts read from the securities, transactions, prices and news stores,
 * in the shapes the chart handlers use. No SQL here: each table's store owns it.
 */
export type ChartSecurityRow = StoredSecurity;

export { listSecurities, requireSecurity as getSecurity };

export function isDemoSymbol(symbol: string): boolean {
  return symbol.toUpperCase().startsWith(DEMO_PREFIX);
}

/** One security's or all, of one account or all; transfers between the accounts in view drop out (security-transfer.ts). */
export function readTransactions(db: DatabaseSync, securityId?: number, accountId?: number): Transaction[] {
  return scopeSecurityTransfers(
    listTransactions(db, securityId).map((t) => ({ ...toDomain(t), accountId: t.accountId })),
    (a) => accountId === undefined || a === accountId,
  );
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

export { eventsForSecurities, getEvent, linksOfEvent, type LinkedEvent };

/** The move the article states for the security on the day (not "since October"), if any. */
export function claimFor(db: DatabaseSync, eventId: number, securityId: number): ClaimedMove | null {
  const row = dayClaim(db, eventId, securityId);
  if (!row) return null;
  // The news feature writes 'exact'; impact calls the same thing 'exactly'.
  const qualifier = (row.qualifier === 'exact' ? 'exactly' : row.qualifier) as ClaimQualifier;
  return { percent: row.percent, direction: row.direction, qualifier };
}

/** Every stored security with its bar count: what chooseBenchmark picks a default from. */
export function benchmarkCandidates(db: DatabaseSync): BenchmarkCandidate[] {
  const extents = barExtents(db);
  return listSecurities(db).map((s) => ({ id: s.id, symbol: s.symbol, barCount: extents.get(s.id)?.count ?? 0 }));
}

/** The benchmark a security is measured against: the user's, or the exchange's default when one is stored. */
export function benchmarkOf(security: ChartSecurityRow, candidates: readonly BenchmarkCandidate[]): ChosenBenchmark | null {
  return chooseBenchmark(security, candidates);
}
