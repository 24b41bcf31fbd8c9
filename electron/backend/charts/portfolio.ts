import type { DatabaseSync } from 'node:sqlite';
import type { ChartMarker, PortfolioHistory } from '@shared/api/charts';
import { mergeIndices } from '@shared/domain/charts/chart-point';
import { minMaxIndicesXY } from '@shared/domain/charts/min-max';
import { mergeStacksToColumns, stackMarkers } from '@shared/domain/charts/markers';
import { firstIndexOnOrAfter } from '@shared/domain/charts/sorted-search';
import { addDays, type IsoDate } from '@shared/domain/common/dates';
import { orNull } from '@shared/domain/common/numbers';
import { computeHoldings } from '@shared/domain/portfolio/holding';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { portfolioValueSeries } from '@shared/domain/portfolio/value-series';
import { scopeValuations } from '@shared/domain/cash';
import { netChange, timeWeightedReturn } from '@shared/domain/returns';
import { answerCache } from '../db/answer-cache';
import { loadPortfolio } from '../holdings/load';
import { cashValue } from '../returns/cash-value';
import { loadLedger } from '../returns/load';
import { anchorOn, markerEvent, type AnchoredEvent } from './anchoring';
import { DEFAULT_MAX_POINTS } from './price';
import { eventsForSecurities } from './queries';

/** Events anchored on a line of trading days, for the last few lines drawn (see newsMarkers). */
const anchoredEvents = answerCache<readonly AnchoredEvent[]>(4);

/** Points per merged news flag: maxPoints 1,000 (a 500-pixel-column chart) gives at most 250 flags. */
export const MARKER_SPACING_POINTS = 4;
/** News listed in one merged flag's popover; its count still says how many there are. */
export const MAX_LISTED_PER_MARKER = 5;

/**
 * Market value and cost basis of everything held, in the base currency, over
 * the visible range; P&L and allocation per holding at its end; the news of
 * held securities on the value line.
 */
export function portfolioChart(
  db: DatabaseSync,
  input: { from?: IsoDate; to?: IsoDate; maxPoints?: number; accountId?: number },
  baseCurrency: string,
  locale: string,
): PortfolioHistory {
  // Closes only, read once per data version and shared with the holdings table (see loadPortfolio).
  const { transactions, securities, prices: stored, fx } = loadPortfolio(db, input.accountId);
  const heldIds = [...new Set(transactions.map((t) => t.securityId))];
  const prices = new Map<number, PriceSeries>(heldIds.map((id) => [id, stored.get(id) ?? { adjustment: 'unknown', bars: [] }]));
  const empty: PortfolioHistory = {
    baseCurrency,
    firstDate: null,
    lastDate: null,
    from: null,
    to: null,
    points: [],
    holdings: [],
    totals: { marketValue: 0, costBasis: 0, pnl: 0, pnlPct: null, change: null, netFlows: null, timeWeighted: null, cash: null },
    markers: [],
    problems: [],
  };
  if (transactions.length === 0) return empty;

  const full = portfolioValueSeries(transactions, prices, securities, fx, baseCurrency, {});
  const series = input.from === undefined && input.to === undefined ? full : portfolioValueSeries(transactions, prices, securities, fx, baseCurrency, { from: input.from, to: input.to });
  const n = series.days.length;
  const report = computeHoldings(transactions, prices, securities, fx, baseCurrency, series.dates[n - 1]);
  const bySecurity = new Map(securities.map((s) => [s.id, s]));

  const maxPoints = input.maxPoints ?? DEFAULT_MAX_POINTS;
  // A flag per few pixels at most: merged per column of the drawn chart (maxPoints is twice its pixel columns).
  const { markers, keep } = newsMarkers(db, heldIds, bySecurity, series.dates, locale, (i) => orNull(series.marketValue[i]), {
    columns: Math.max(1, Math.floor(maxPoints / MARKER_SPACING_POINTS)),
    maxListed: MAX_LISTED_PER_MARKER,
  });

  const ys = Float64Array.from(series.marketValue, (v) => (Number.isFinite(v) ? v : 0));
  const indices = mergeIndices(minMaxIndicesXY(series.days, ys, Math.max(1, Math.floor(maxPoints / 2))), keep, n);
  const points = indices.map((i) => ({
    date: series.dates[i] as IsoDate,
    marketValue: orNull(series.marketValue[i]),
    costBasis: orNull(series.costBasis[i]),
    incomplete: series.incomplete[i] === 1,
  }));

  const contribution = new Map<number, number | null>();
  for (const h of series.holdings) {
    const pnlAt = (i: number): number | null => {
      const mv = orNull(h.marketValue[i]);
      const cost = orNull(h.costBasis[i]);
      return mv === null || cost === null ? null : mv - cost;
    };
    const a = pnlAt(0);
    const b = pnlAt(n - 1);
    contribution.set(h.securityId, a === null || b === null ? null : b - a);
  }

  const holdings = report.holdings
    .filter((h) => h.quantity > 0 || (contribution.get(h.securityId) ?? 0) !== 0)
    .map((h) => ({
      securityId: h.securityId,
      symbol: h.symbol,
      name: h.name,
      currency: h.currency,
      quantity: h.quantity,
      marketValueBase: h.marketValueBase,
      costBasisBase: h.costBasisBase,
      pnlBase: h.unrealizedPnlBase,
      pnlPct: h.unrealizedPnlBasePct === null ? null : h.unrealizedPnlBasePct / 100,
      weight: h.weight,
      contribution: contribution.get(h.securityId) ?? null,
      problems: h.problems,
    }))
    .sort((a, b) => (b.marketValueBase ?? -Infinity) - (a.marketValueBase ?? -Infinity));

  const t = report.totals;
  // A range that begins on or before the portfolio's first day (Max, or 1Y of a younger portfolio: the
  // Charts screen clamps its start to the first day) is measured from nothing, as on Holdings and in
  // the returns: the first buys are money put in and their first day's move a gain. Otherwise from
  // the close of the range's first day, the chart's first point.
  const firstDay = full.dates[0];
  const fromNothing = firstDay !== undefined && (input.from === undefined || input.from <= firstDay);
  const inRange = rangeReturn(db, input.accountId, fromNothing ? addDays(firstDay, -1) : series.dates[0], series.dates[n - 1]);
  return {
    baseCurrency,
    firstDate: full.dates[0] ?? null,
    lastDate: full.dates[full.dates.length - 1] ?? null,
    from: series.dates[0] ?? null,
    to: series.dates[n - 1] ?? null,
    points,
    holdings,
    totals: {
      marketValue: t.marketValue,
      costBasis: t.costBasis,
      pnl: t.unrealizedPnl,
      pnlPct: t.unrealizedPnlPct === null ? null : t.unrealizedPnlPct / 100,
      ...inRange,
      cash: cashValue(db, input.accountId, series.dates[n - 1] as IsoDate),
    },
    markers,
    // A missing rate is said once, not once per holding in that currency; a missing price names its security.
    problems: [...new Map(t.incomplete.flatMap((i) => i.reasons).map((r) => [r.message, r])).values()],
  };
}

/**
 * "Change in range": the value's change from the close of the range's first day to its last, net
 * of money put in or taken out (a deposit, or a buy in an account without a cash ledger, is no
 * gain), with the TTWROR of the same days. Measured on the scope's whole value, cash included,
 * the way Holdings' returns are.
 */
function rangeReturn(db: DatabaseSync, accountId: number | undefined, start: IsoDate | undefined, end: IsoDate | undefined): { change: number | null; netFlows: number | null; timeWeighted: number | null } {
  const none = { change: null, netFlows: null, timeWeighted: null };
  if (start === undefined || end === undefined || start >= end) return none;
  const sv = scopeValuations(loadLedger(db), accountId === undefined ? { kind: 'portfolio' } : { kind: 'account', accountId });
  if ('kind' in sv) return none;
  const period = { start, end };
  const net = netChange(sv.valuations, period);
  const tw = timeWeightedReturn(sv.valuations, period);
  return {
    change: net.kind === 'ok' ? net.change : null,
    netFlows: net.kind === 'ok' ? net.netFlows : null,
    timeWeighted: tw.kind === 'ok' ? tw.value : null,
  };
}

/**
 * The news of the given securities on a line of trading days, anchored on those days and stacked
 * per day; `keep` are the indices of days with a marker (kept through downsampling), `yAt` the
 * line's value the marker sits on.
 */
export function newsMarkers(
  db: DatabaseSync,
  securityIds: readonly number[],
  bySecurity: ReadonlyMap<number, { exchange: string }>,
  dates: readonly IsoDate[],
  locale: string,
  yAt: (index: number) => number | null,
  /** Merge the stacks to this many columns of the drawn chart (see mergeStacksToColumns); omitted: one marker per session. */
  resolution?: { columns: number; maxListed: number },
): { markers: ChartMarker[]; keep: number[] } {
  const n = dates.length;
  const from = dates[0];
  const to = dates[n - 1];
  // Reading and anchoring 20,000 events took most of a portfolio answer; the same line of days
  // (same data, range and holdings) anchors them the same way.
  const anchored = anchoredEvents.get(db, JSON.stringify([securityIds, from, to, n, locale]), () => {
    const out: AnchoredEvent[] = [];
    if (from !== undefined && to !== undefined) {
      for (const event of eventsForSecurities(db, securityIds, from, to)) {
        const security = bySecurity.get(event.securityId);
        if (security) out.push(anchorOn(event, security.exchange, dates, locale));
      }
    }
    return out;
  });
  const byId = new Map(anchored.map((a) => [`${a.event.eventId}:${a.event.securityId}`, a]));
  const sessionStacks = stackMarkers(
    anchored.map((a) => ({ eventId: `${a.event.eventId}:${a.event.securityId}`, article: a.event.eventId, sessionDate: a.sessionDate, headline: a.event.headline, source: a.event.source, anchoredFrom: a.result.anchoredFrom })),
    // One article linked to two holdings counts once.
    (m) => m.article,
  );
  const stacks =
    resolution && from !== undefined && to !== undefined
      ? mergeStacksToColumns(sessionStacks, from, to, resolution.columns, resolution.maxListed)
      : sessionStacks;
  const keep: number[] = [];
  const rows = dates.map((date) => ({ date }));
  const markers: ChartMarker[] = stacks.map((stack) => {
    const i = firstIndexOnOrAfter(rows, stack.sessionDate);
    if (i < n) keep.push(i);
    return {
      sessionDate: stack.sessionDate,
      count: stack.count,
      y: yAt(Math.min(i, n - 1)),
      beyondData: i >= n,
      events: stack.markers.map((m) => markerEvent(byId.get(String(m.eventId)) as AnchoredEvent)),
    };
  });
  return { markers, keep };
}
