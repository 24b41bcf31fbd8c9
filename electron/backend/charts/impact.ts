import type { DatabaseSync } from 'node:sqlite';
import type { EventImpacts, EventWindow, ImpactRow } from '@shared/api/charts';
import { computeEventImpact, MISSING_REASON_TEXT, type EventImpact } from '@shared/domain/impact/event-impact';
import { buildEventWindow } from '@shared/domain/impact/event-window';
import { averageImpactByTag, impactsForEvent, impactsForSecurity } from '@shared/domain/impact/impact-tables';
import { createFxProvider, type FxProvider } from '@shared/domain/portfolio/fx';
import type { Transaction } from '@shared/domain/portfolio/transaction';
import type { PriceBar } from '@shared/domain/securities/security';
import { readBars } from '../prices/store';
import { anchorOn, type AnchoredEvent } from './anchoring';
import type { BenchmarkCandidate, ChosenBenchmark } from '@shared/domain/securities/benchmark';
import {
  benchmarkCandidates,
  benchmarkOf,
  claimFor,
  eventsForSecurities,
  getEvent,
  getSecurity,
  linksOfEvent,
  readFxSeries,
  readTransactions,
  sharesHeldOn,
  type ChartSecurityRow,
  type LinkedEvent,
} from './queries';

const WINDOW_MISSING_TEXT: Record<string, string> = {
  'no-session': 'The event lies outside the price history of this security.',
  'no-prior-session': 'There is no close before the event to compare with.',
  'invalid-price': 'A price needed for this view is not a positive number.',
};

/** Loads each security, its bars and its benchmark's bars once per request. */
class Loader {
  private readonly securities = new Map<number, ChartSecurityRow>();
  private readonly bars = new Map<number, PriceBar[]>();
  private readonly sessions = new Map<number, string[]>();
  private readonly held = new Map<number, Transaction[]>();
  private candidates: BenchmarkCandidate[] | null = null;
  constructor(private readonly db: DatabaseSync) {}
  /** The user's benchmark, or the exchange's default when one is stored with prices. */
  benchmark(security: ChartSecurityRow): ChosenBenchmark | null {
    this.candidates ??= benchmarkCandidates(this.db);
    return benchmarkOf(security, this.candidates);
  }
  security(id: number): ChartSecurityRow {
    let s = this.securities.get(id);
    if (!s) {
      s = getSecurity(this.db, id);
      this.securities.set(id, s);
    }
    return s;
  }
  /** The security's session dates, once (anchoring each of 1,000 events used to map the bars anew). */
  sessionsOf(id: number): string[] {
    let d = this.sessions.get(id);
    if (!d) {
      d = this.barsOf(id).map((b) => b.date);
      this.sessions.set(id, d);
    }
    return d;
  }
  /**
   * The security's own transactions, once: sharesHeld sorts the list it is given on
   * every call, and was given all 10,000 transactions for each event.
   */
  transactionsOf(all: readonly Transaction[], id: number): Transaction[] {
    let t = this.held.get(id);
    if (!t) {
      t = all.filter((tx) => tx.securityId === id);
      this.held.set(id, t);
    }
    return t;
  }
  barsOf(id: number): PriceBar[] {
    let b = this.bars.get(id);
    if (!b) {
      b = readBars(this.db, id);
      this.bars.set(id, b);
    }
    return b;
  }
}

interface ImpactContext {
  db: DatabaseSync;
  loader: Loader;
  transactions: Transaction[];
  fx: FxProvider;
  baseCurrency: string;
  locale: string;
}

function impactOf(ctx: ImpactContext, event: LinkedEvent): { impact: EventImpact; row: Omit<ImpactRow, keyof EventImpact | 'benchmarkSymbol' | 'benchmarkOrigin' | 'securityName' | 'missing'> & { benchmarkSymbol: string | null; benchmarkOrigin: 'yours' | 'default' | null; securityName: string; anchored: AnchoredEvent } } {
  const security = ctx.loader.security(event.securityId);
  const bars = ctx.loader.barsOf(security.id);
  const anchored = anchorOn(event, security.exchange, ctx.loader.sessionsOf(security.id), ctx.locale);
  const held = ctx.loader.transactionsOf(ctx.transactions, security.id);
  const chosen = ctx.loader.benchmark(security);
  const benchmark = chosen === null ? null : ctx.loader.security(chosen.id);
  const impact = computeEventImpact({
    securityId: security.id,
    eventId: event.eventId,
    anchor: anchored.result,
    bars,
    benchmark: benchmark ? { securityId: benchmark.id, bars: ctx.loader.barsOf(benchmark.id) } : null,
    sharesHeldAt: (date) => sharesHeldOn(held, security.id, date),
    currency: security.currency,
    baseCurrency: ctx.baseCurrency,
    fxRate: (from, to, date) => ctx.fx.rate(from, to, date).rate,
    claim: claimFor(ctx.db, event.eventId, security.id),
  });
  return {
    impact,
    row: {
      symbol: security.symbol,
      securityName: security.name,
      headline: event.headline,
      source: event.source,
      eventDate: event.date,
      tags: event.tags,
      anchorLabel: anchored.label,
      benchmarkSymbol: benchmark?.symbol ?? null,
      benchmarkOrigin: chosen?.origin ?? null,
      anchored,
    },
  };
}

function toRow(impact: EventImpact, extra: ReturnType<typeof impactOf>['row']): ImpactRow {
  const missing: Record<string, string> = {};
  for (const [field, reason] of Object.entries(impact.missing)) missing[field] = MISSING_REASON_TEXT[reason];
  if (impact.moneyDay !== null && impact.moneyDayBase === null) missing.moneyDayBase = MISSING_REASON_TEXT['no-fx-rate'];
  if (impact.claim === null) missing.claimVerdict ??= MISSING_REASON_TEXT['no-claim'];
  return {
    eventId: impact.eventId as number,
    securityId: impact.securityId,
    symbol: extra.symbol,
    securityName: extra.securityName,
    headline: extra.headline,
    source: extra.source,
    eventDate: extra.eventDate,
    tags: extra.tags,
    sessionDate: impact.sessionDate ?? extra.anchored.sessionDate,
    anchored: impact.anchored,
    anchoredFrom: impact.anchoredFrom,
    anchorLabel: extra.anchorLabel,
    baseDate: impact.baseDate,
    baseClose: impact.baseClose,
    sessionClose: impact.sessionClose,
    dayReturn: impact.dayReturn,
    return1d: impact.return1d,
    return5d: impact.return5d,
    benchmarkSymbol: extra.benchmarkSymbol,
    benchmarkOrigin: extra.benchmarkOrigin,
    benchmarkDayReturn: impact.benchmarkDayReturn,
    abnormalDayReturn: impact.abnormalDayReturn,
    abnormalReturn1d: impact.abnormalReturn1d,
    abnormalReturn5d: impact.abnormalReturn5d,
    sharesHeld: impact.sharesHeld,
    currency: impact.currency,
    moneyDay: impact.moneyDay,
    baseCurrency: impact.baseCurrency,
    fxRate: impact.fxRate,
    moneyDayBase: impact.moneyDayBase,
    money1dBase: impact.money1dBase,
    money5dBase: impact.money5dBase,
    claim: impact.claim,
    claimMeasured: impact.claimMeasured,
    claimBasis: impact.claimBasis,
    claimVerdict: impact.claimVerdict,
    claimDate: impact.claimDate,
    missing,
  };
}

/**
 * What each event did to each linked security: for one security (all its
 * events, newest first) or for one event (its securities, biggest mover first),
 * with averages per news tag.
 */
export function eventImpacts(
  db: DatabaseSync,
  input: { securityId?: number; eventId?: number },
  baseCurrency: string,
  locale: string,
): EventImpacts {
  const ctx: ImpactContext = {
    db,
    loader: new Loader(db),
    transactions: readTransactions(db),
    fx: createFxProvider(readFxSeries(db)),
    baseCurrency,
    locale,
  };
  let events: LinkedEvent[];
  if (input.eventId !== undefined) {
    getEvent(db, input.eventId);
    events = linksOfEvent(db, input.eventId);
  } else {
    ctx.loader.security(input.securityId as number);
    events = eventsForSecurities(db, [input.securityId as number]);
  }
  const computed = events.map((e) => impactOf(ctx, e));
  const extras = new Map(computed.map((c) => [`${String(c.impact.eventId)}:${c.impact.securityId}`, c.row]));
  const impacts = computed.map((c) => c.impact);
  const ordered = input.eventId !== undefined ? impactsForEvent(impacts, input.eventId) : impactsForSecurity(impacts, input.securityId as number);
  const rows = ordered.map((i) => toRow(i, extras.get(`${String(i.eventId)}:${i.securityId}`) as ReturnType<typeof impactOf>['row']));
  const tags = new Map<string | number, string[]>(events.map((e) => [e.eventId, e.tags]));
  const averages = averageImpactByTag(impacts, tags).map((a) => ({
    tag: a.tag,
    count: a.count,
    dayReturn: a.mean.dayReturn,
    return5d: a.mean.return5d,
    abnormalDayReturn: a.mean.abnormalDayReturn,
    abnormalReturn5d: a.mean.abnormalReturn5d,
    samples: a.samples.dayReturn,
  }));
  return { baseCurrency, rows, averages };
}

/** Small multiples: each linked security from 5 sessions before to 10 after, 0 % at the close before. */
export function eventWindow(db: DatabaseSync, eventId: number, locale: string): EventWindow {
  const event = getEvent(db, eventId);
  const loader = new Loader(db);
  const links = linksOfEvent(db, eventId);
  const anchoredList = links.map((link) => {
    const security = loader.security(link.securityId);
    const bars = loader.barsOf(security.id);
    return { security, bars, anchored: anchorOn(link, security.exchange, loader.sessionsOf(security.id), locale) };
  });
  const windows = buildEventWindow(
    anchoredList.map((a) => ({ securityId: a.security.id, sessionDate: a.anchored.result.sessionDate, bars: a.bars })),
  );
  return {
    event,
    series: windows.map((w, i) => {
      const a = anchoredList[i] as (typeof anchoredList)[number];
      return {
        securityId: w.securityId,
        symbol: a.security.symbol,
        name: a.security.name,
        sessionDate: w.sessionDate,
        baseDate: w.baseDate,
        baseClose: w.baseClose,
        anchorLabel: a.anchored.label,
        points: w.points,
        missing: w.missing === null ? null : (WINDOW_MISSING_TEXT[w.missing] ?? w.missing),
      };
    }),
  };
}
