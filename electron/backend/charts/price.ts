import type { DatabaseSync } from 'node:sqlite';
import type { ChartSecurity, Comparison, PriceHistory } from '@shared/api/charts';
import { addDays, toEpochDay, type IsoDate } from '@shared/domain/common/dates';
import { detectInterval } from '@shared/domain/prices/interval';
import { ohlcBuckets } from '@shared/domain/charts/ohlc-buckets';
import { commonGridIndices } from '@shared/domain/charts/common-grid';
import { stackMarkers, type EventMarker } from '@shared/domain/charts/markers';
import { normalizeToPercent } from '@shared/domain/charts/normalize';
import { buildPriceChartSeries, type ChartTrade } from '@shared/domain/charts/price-chart-series';
import { firstIndexOnOrAfter } from '@shared/domain/charts/sorted-search';
import { barBefore, barExtents, readBars, type BarExtent } from '../prices/store';
import { anchorOn, markerEvent, type AnchoredEvent } from './anchoring';
import { benchmarkCandidates, benchmarkOf, eventsForSecurities, getSecurity, isDemoSymbol, readTransactions, sharesHeldOn, type ChartSecurityRow } from './queries';
import type { BenchmarkCandidate } from '@shared/domain/securities/benchmark';

export const DEFAULT_MAX_POINTS = 1200;
/** Events up to a week before the visible start can still land on its first session. */
const ANCHOR_LOOKBACK_DAYS = 7;

export function toChartSecurity(
  db: DatabaseSync,
  s: ChartSecurityRow,
  extent: BarExtent | undefined,
  today: IsoDate,
  candidates: readonly BenchmarkCandidate[] = benchmarkCandidates(db),
): ChartSecurity {
  return {
    id: s.id,
    symbol: s.symbol,
    name: s.name,
    exchange: s.exchange,
    currency: s.currency,
    kind: s.kind,
    benchmarkId: s.benchmarkId,
    benchmark: benchmarkOf(s, candidates),
    barCount: extent?.count ?? 0,
    firstDate: extent?.firstDate ?? null,
    lastDate: extent?.lastDate ?? null,
    quantity: sharesHeldOn(readTransactions(db, s.id), s.id, today),
    demo: isDemoSymbol(s.symbol),
  };
}

export function priceSeries(
  db: DatabaseSync,
  input: { securityId: number; from?: IsoDate; to?: IsoDate; maxPoints?: number },
  locale: string,
  today: IsoDate,
): PriceHistory {
  const security = getSecurity(db, input.securityId);
  const extent = barExtents(db).get(security.id);
  const chartSecurity = toChartSecurity(db, security, extent, today);
  const bars = readBars(db, security.id, input.from, input.to);
  const first = bars[0];
  const previous = first ? barBefore(db, security.id, first.date) : null;

  const eventsFrom = input.from === undefined ? undefined : addDays(input.from, -ANCHOR_LOOKBACK_DAYS);
  const sessions = bars.map((b) => b.date);
  const anchored = eventsForSecurities(db, [security.id], eventsFrom, input.to).map((e) => anchorOn(e, security.exchange, sessions, locale));
  const byId = new Map(anchored.map((a) => [a.event.eventId, a]));
  const markers: EventMarker[] = anchored.map((a) => ({
    eventId: a.event.eventId,
    sessionDate: a.sessionDate,
    headline: a.event.headline,
    source: a.event.source,
    anchoredFrom: a.result.anchoredFrom,
  }));

  const trades: ChartTrade[] = readTransactions(db, security.id)
    .filter((t): t is typeof t & { type: 'buy' | 'sell' } => t.type === 'buy' || t.type === 'sell')
    .map((t) => ({ date: t.date, side: t.type, quantity: t.quantity, price: t.currency === security.currency ? t.price : null }));

  const maxPoints = input.maxPoints ?? DEFAULT_MAX_POINTS;
  const prepared = buildPriceChartSeries(bars, 'Max', Math.max(1, Math.floor(maxPoints / 2)), markers, trades);
  const indexOf = new Map(bars.map((b, i) => [b.date, i]));
  // candles of a downsampled series span the bars each drawn point stands for
  const kept = prepared.points.map((p) => indexOf.get(p.date) ?? 0);
  const candles = ohlcBuckets(bars, kept);

  return {
    security: chartSecurity,
    firstDate: extent?.firstDate ?? null,
    lastDate: extent?.lastDate ?? null,
    from: prepared.start,
    to: prepared.end,
    barCount: prepared.barCount,
    interval: detectInterval(bars.slice(-41).map((b) => toEpochDay(b.date))),
    downsampled: prepared.points.length < prepared.barCount,
    points: prepared.points.map((p, k) => {
      const i = indexOf.get(p.date) ?? 0;
      const bar = bars[i];
      const candle = candles[k];
      const hasOhlc = bar?.open !== null && bar?.high !== null && bar?.low !== null;
      return {
        date: p.date,
        close: p.close,
        prevClose: bars[i - 1]?.close ?? (i === 0 ? (previous?.close ?? null) : null),
        volume: bar?.volume ?? null,
        open: hasOhlc ? (candle?.open ?? null) : null,
        high: hasOhlc ? (candle?.high ?? null) : null,
        low: hasOhlc ? (candle?.low ?? null) : null,
      };
    }),
    markers: prepared.markers.map((m) => ({
      sessionDate: m.sessionDate,
      count: m.count,
      y: m.y,
      beyondData: m.beyondData,
      events: m.markers.map((e) => markerEvent(byId.get(e.eventId as number) as AnchoredEvent)),
    })),
    trades: prepared.trades.map((t) => ({ date: t.date, side: t.side, quantity: t.quantity, price: t.price ?? t.y, y: t.y })),
    yDomain: prepared.yDomain,
  };
}

/**
 * Several securities rebased to 0 % at the start of the visible range. Without a
 * start, the comparison begins where every series has data.
 */
export function compareSeries(
  db: DatabaseSync,
  input: { securityIds: number[]; from?: IsoDate; to?: IsoDate; maxPoints?: number },
  locale: string,
): Comparison {
  const ids = [...new Set(input.securityIds)];
  const securities = ids.map((id) => getSecurity(db, id));
  const allBars = securities.map((s) => readBars(db, s.id, input.from, input.to));
  const start = input.from ?? allBars.reduce<IsoDate | null>((latest, bars) => {
    const d = bars[0]?.date;
    return d === undefined ? latest : latest === null || d > latest ? d : latest;
  }, null);
  const maxPoints = input.maxPoints ?? DEFAULT_MAX_POINTS;

  const columns = new Map<IsoDate, (number | null)[]>();
  const markerDates = new Set<IsoDate>();
  const markers: Comparison['markers'] = [];
  const series: Comparison['series'] = [];
  securities.forEach((security, index) => {
    const bars = allBars[index] ?? [];
    const normalized = start === null ? [] : normalizeToPercent(bars, start);
    for (const p of normalized) {
      let row = columns.get(p.date);
      if (!row) {
        row = Array.from({ length: securities.length }, () => null);
        columns.set(p.date, row);
      }
      row[index] = p.change;
    }
    const sessions = normalized.map((p) => p.date);
    const from = start === null ? undefined : addDays(start, -ANCHOR_LOOKBACK_DAYS);
    const anchored = eventsForSecurities(db, [security.id], from, input.to)
      .map((e) => anchorOn(e, security.exchange, sessions, locale))
      .filter((a) => start === null || a.sessionDate >= start);
    const byId = new Map(anchored.map((a) => [a.event.eventId, a]));
    for (const stack of stackMarkers(anchored.map((a) => ({ eventId: a.event.eventId, sessionDate: a.sessionDate, headline: a.event.headline, source: a.event.source, anchoredFrom: a.result.anchoredFrom })))) {
      const at = normalized[firstIndexOnOrAfter(normalized, stack.sessionDate)];
      const last = normalized[normalized.length - 1];
      if (at) markerDates.add(at.date);
      markers.push({
        seriesIndex: index,
        sessionDate: stack.sessionDate,
        count: stack.count,
        y: (at ?? last)?.change ?? null,
        beyondData: at === undefined,
        events: stack.markers.map((m) => markerEvent(byId.get(m.eventId as number) as AnchoredEvent)),
      });
    }
    series.push({
      securityId: security.id,
      symbol: security.symbol,
      name: security.name,
      startDate: normalized[0]?.date ?? null,
      last: normalized[normalized.length - 1]?.change ?? null,
    });
  });

  // One set of days for all lines (see commonGridIndices), keeping the marker days.
  const all = [...columns.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const keep = all.flatMap(([date], i) => (markerDates.has(date) ? [i] : []));
  const rows = commonGridIndices(
    all.map(([, values]) => values),
    maxPoints,
    keep,
  ).map((i) => ({ date: (all[i] as [IsoDate, (number | null)[]])[0], values: (all[i] as [IsoDate, (number | null)[]])[1] }));
  return { from: rows[0]?.date ?? null, to: rows[rows.length - 1]?.date ?? null, series, rows, markers };
}

