import type { DatabaseSync } from 'node:sqlite';
import type { MethodOutput, ParsedInput } from '@shared/api/contract';
import type { GainSplit, PeriodFigures, PeriodKey, ReturnScope, ScopeReturns } from '@shared/api/returns';
import { mergeIndices } from '@shared/domain/charts/chart-point';
import { minMaxIndicesXY } from '@shared/domain/charts/min-max';
import { scopeGainSplit, scopeValuations, type ScopeValuations } from '@shared/domain/cash';
import { toEpochDay, type IsoDate } from '@shared/domain/common/dates';
import { orNull } from '@shared/domain/common/numbers';
import {
  benchmarkStartIndex,
  compareWithBenchmark,
  customPeriod,
  periodFor,
  returnsFor,
  rollingMoneyWeighted,
  rollingTimeWeighted,
  timeWeightedSeries,
  type DailyValuation,
  type ReturnPeriod,
  type Unavailable,
} from '@shared/domain/returns';
import { requireAccount } from '../accounts/store';
import { answerCache } from '../db/answer-cache';
import { MARKER_SPACING_POINTS, MAX_LISTED_PER_MARKER, newsMarkers } from '../charts/portfolio';
import type { FeatureMethods, Handlers } from '../handler';
import { readCloseSeries } from '../prices/store';
import { requireSecurity } from '../securities/store';
import { readSettings } from '../settings/store';
import { describeReason, toFigure } from './describe';
import { loadLedger, type LoadedLedger } from './load';

const ALL_PERIODS: readonly Exclude<PeriodKey, 'custom'>[] = ['1M', '3M', 'YTD', '1Y', '3Y', '5Y', 'Max'];

function symbolLookup(ledger: LoadedLedger): (id: number) => string {
  const symbols = new Map(ledger.securities.map((s) => [s.id, s.symbol]));
  return (id) => symbols.get(id) ?? `#${id}`;
}

function labelOf(ledger: LoadedLedger, scope: ReturnScope): string {
  if (scope.kind === 'portfolio') return 'Portfolio';
  if (scope.kind === 'account') return ledger.accountList.find((a) => a.id === scope.accountId)?.name ?? `Account ${scope.accountId}`;
  return symbolLookup(ledger)(scope.securityId);
}

function checkScope(db: DatabaseSync, scope: ReturnScope): void {
  if (scope.kind === 'account') requireAccount(db, scope.accountId);
  if (scope.kind === 'security') {
    requireSecurity(db, scope.securityId);
    if (scope.accountId !== undefined) requireAccount(db, scope.accountId);
  }
}

/** A missing day's value names its day: the valuation row carries the security, the date is the row's. */
function withDay(reason: Unavailable['reason'], valuations: readonly DailyValuation[], period: ReturnPeriod): Unavailable['reason'] {
  if (reason.code !== 'MISSING_PRICE' && reason.code !== 'MISSING_FX') return reason;
  return reason.params.date ? reason : { ...reason, params: { ...reason.params, date: valuations.find((v) => v.missing && v.date > period.start)?.date ?? period.end } } as Unavailable['reason'];
}

function periodOf(key: PeriodKey, end: IsoDate, firstDate: IsoDate, custom: { from: IsoDate; to: IsoDate } | undefined): ReturnPeriod | null {
  if (key === 'custom') return custom === undefined ? null : customPeriod(custom);
  return periodFor(key, end, firstDate);
}

function figuresFor(
  ledger: LoadedLedger,
  scope: ReturnScope,
  sv: ScopeValuations | Unavailable,
  keys: readonly PeriodKey[],
  end: IsoDate | null,
  custom: { from: IsoDate; to: IsoDate } | undefined,
): PeriodFigures[] {
  const symbolOf = symbolLookup(ledger);
  return keys.map((key) => {
    const first = 'kind' in sv ? undefined : sv.valuations[0];
    const period = end === null || first === undefined ? null : periodOf(key, end, first.date, custom);
    if ('kind' in sv || period === null) {
      const reason = 'kind' in sv ? describeReason(sv.reason, symbolOf) : describeReason({ code: 'NO_VALUATIONS', params: { start: custom?.from ?? '', end: end ?? '' } }, symbolOf);
      const none = { kind: 'unavailable' as const, reason };
      return { period: key, start: null, end: null, timeWeighted: none, moneyWeighted: none, gain: none };
    }
    const { timeWeighted, moneyWeighted } = returnsFor(sv.valuations, period);
    const fix = <T extends { kind: string }>(r: T): T =>
      r.kind === 'unavailable' ? ({ ...r, reason: withDay((r as unknown as Unavailable).reason, sv.valuations, period) } as T) : r;
    const split = scopeGainSplit(ledger, scope, sv, period);
    const gain: GainSplit =
      'kind' in split ? { kind: 'unavailable', reason: describeReason(split.reason, symbolOf) } : { kind: 'ok', ...split };
    return {
      period: key,
      start: period.start,
      end: period.end,
      timeWeighted: toFigure(fix(timeWeighted), symbolOf),
      moneyWeighted: toFigure(fix(moneyWeighted), symbolOf),
      gain,
    };
  });
}

function defaultScopes(ledger: LoadedLedger): ReturnScope[] {
  const scopes: ReturnScope[] = [{ kind: 'portfolio' }];
  const used = new Set([...ledger.transactions.map((t) => t.accountId), ...ledger.cash.map((c) => c.accountId)]);
  for (const a of ledger.accountList) if (used.has(a.id)) scopes.push({ kind: 'account', accountId: a.id });
  for (const id of [...new Set(ledger.transactions.map((t) => t.securityId))].sort((a, b) => a - b)) scopes.push({ kind: 'security', securityId: id });
  return scopes;
}

function lastDate(sv: ScopeValuations | Unavailable): IsoDate | null {
  return 'kind' in sv ? null : (sv.valuations.at(-1)?.date ?? null);
}

/** Indices kept when drawing `n` points in at most `maxPoints` (min/max per column, first, last and `keep` included). */
function sample(days: Int32Array, ys: Float64Array, maxPoints: number, keep: readonly number[] = []): number[] {
  const n = days.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  return mergeIndices(minMaxIndicesXY(days, ys, Math.max(1, Math.floor(maxPoints / 2))), [0, n - 1, ...keep], n);
}

function summary(db: DatabaseSync, input: ParsedInput<'returns.summary'>): MethodOutput<'returns.summary'> {
  const ledger = loadLedger(db);
  const scopes = input.scopes ?? defaultScopes(ledger);
  for (const scope of scopes) checkScope(db, scope);
  const keys: PeriodKey[] = input.periods ?? (input.custom ? [...ALL_PERIODS, 'custom'] : [...ALL_PERIODS]);
  const portfolio = scopeValuations(ledger, { kind: 'portfolio' });
  const end = input.asOf ?? lastDate(portfolio);
  const rows: ScopeReturns[] = scopes.map((scope) => {
    const sv = scope.kind === 'portfolio' ? portfolio : scopeValuations(ledger, scope);
    const endRow = 'kind' in sv || end === null ? undefined : [...sv.valuations].reverse().find((v) => v.date <= end);
    return {
      scope,
      label: labelOf(ledger, scope),
      endValue: endRow === undefined || endRow.missing !== undefined ? null : endRow.value,
      periods: figuresFor(ledger, scope, sv, keys, end, input.custom),
    };
  });
  return {
    baseCurrency: ledger.baseCurrency,
    asOf: end,
    firstDate: 'kind' in portfolio ? null : (portfolio.valuations[0]?.date ?? null),
    rows,
  };
}

const DEFAULT_MAX_POINTS = 1000;

/**
 * Holdings asks for every holding's figures (~100 scopes, seconds with 20 years of history) each
 * time it is shown; an unchanged database answers from here (a few KB an answer).
 */
const summaries = answerCache<MethodOutput<'returns.summary'>>(8);
/**
 * The Portfolio tab asks for the TTWROR line and the rolling year each time it is shown (seconds
 * of valuation with 20 years of history, the longest wait of the tab); an unchanged database
 * answers from here.
 */
const seriesAnswers = answerCache<MethodOutput<'returns.series'>>(8);
const rollingAnswers = answerCache<MethodOutput<'returns.rolling'>>(4);

export const returnsHandlers = {
  'returns.summary': (input, { db }) => summaries.get(db, JSON.stringify(input), () => summary(db, input)),
  'returns.series': (input, { db }) => seriesAnswers.get(db, JSON.stringify(input), () => returnSeries(db, input)),
  'returns.rolling': (input, { db }) => rollingAnswers.get(db, JSON.stringify(input), () => rollingSeries(db, input)),
} satisfies Handlers<FeatureMethods<'returns'>>;

function returnSeries(db: DatabaseSync, input: ParsedInput<'returns.series'>): MethodOutput<'returns.series'> {
  checkScope(db, input.scope);
  const ledger = loadLedger(db);
  const symbolOf = symbolLookup(ledger);
  const sv = scopeValuations(ledger, input.scope);
  const empty = { baseCurrency: ledger.baseCurrency, scope: input.scope, points: [], benchmark: null, benchmarkFrom: null, comparison: null, markers: [], downsampled: false };
  if ('kind' in sv) return { ...empty, start: null, end: null, result: toFigure(sv, symbolOf) };
  const first = sv.valuations[0];
  const last = sv.valuations.at(-1);
  if (first === undefined || last === undefined) {
    return { ...empty, start: null, end: null, result: toFigure({ kind: 'unavailable', reason: { code: 'NO_VALUATIONS', params: { start: '', end: '' } } }, symbolOf) };
  }
  const period = input.period === 'custom' ? (input.custom ? customPeriod(input.custom) : null) : periodFor(input.period, last.date, first.date);
  if (period === null) {
    return { ...empty, start: null, end: null, result: toFigure({ kind: 'unavailable', reason: { code: 'EMPTY_PERIOD', params: { start: '', end: '' } } }, symbolOf) };
  }
  const tw = timeWeightedSeries(sv.valuations, period);
  if (tw.kind !== 'ok') {
    return { ...empty, start: period.start, end: period.end, result: toFigure({ kind: 'unavailable', reason: withDay(tw.reason, sv.valuations, period) }, symbolOf) };
  }
  const { dates, cumulative } = tw.series;

  // Benchmark closes in the base currency, each at its day's rate.
  const benchmarkSecurity = input.benchmarkId === undefined ? null : requireSecurity(db, input.benchmarkId);
  let benchmarkCloses: { date: IsoDate; close: number }[] = [];
  if (benchmarkSecurity !== null) {
    const series = readCloseSeries(db, benchmarkSecurity.id);
    benchmarkCloses = (series?.bars ?? []).flatMap((b) => {
      const rate = ledger.fx.rate(benchmarkSecurity.currency, ledger.baseCurrency, b.date);
      return rate.rate === null ? [] : [{ date: b.date, close: b.close * rate.rate }];
    });
  }
  const closeOnOrBefore = (() => {
    let k = -1;
    return (date: IsoDate): number | null => {
      while (k + 1 < benchmarkCloses.length && (benchmarkCloses[k + 1] as { date: IsoDate }).date <= date) k++;
      return k < 0 ? null : (benchmarkCloses[k] as { close: number }).close;
    };
  })();
  // A benchmark younger than the period starts where it has its first close, on the portfolio's
  // line: from that day both show growth from the same level, and before it the benchmark has none.
  const from = benchmarkStartIndex(dates, benchmarkCloses);
  const startClose = from < 0 ? null : closeOnOrBefore(dates[from] as IsoDate);
  const startLevel = from < 0 ? 1 : 1 + (cumulative[from] as number);
  const benchmarkValues = dates.map((d, i) => {
    if (startClose === null || i < from) return null;
    const c = closeOnOrBefore(d);
    return c === null ? null : (startLevel * c) / startClose - 1;
  });

  const scopeSecurityIds =
    input.scope.kind === 'security' ? [input.scope.securityId] : [...new Set(ledger.transactions.filter((t) => input.scope.kind === 'portfolio' || (input.scope.kind === 'account' && t.accountId === input.scope.accountId)).map((t) => t.securityId))];
  const bySecurity = new Map(ledger.securities.map((s) => [s.id, s]));
  const maxPoints = input.maxPoints ?? DEFAULT_MAX_POINTS;
  // Merged per column of the drawn chart, as on the value chart: one flag per session day was 5,000
  // flags over 20 years, each of their days kept through downsampling (5,000 points, 26,000 SVG nodes).
  const { markers, keep } = newsMarkers(db, scopeSecurityIds, bySecurity, dates, readSettings(db).locale, (i) => cumulative[i] ?? null, {
    columns: Math.max(1, Math.floor(maxPoints / MARKER_SPACING_POINTS)),
    maxListed: MAX_LISTED_PER_MARKER,
  });
  const days = Int32Array.from(dates, toEpochDay);
  const indices = sample(days, cumulative, maxPoints, from > 0 ? [...keep, from] : keep);
  const comparison = benchmarkSecurity === null ? null : compareWithBenchmark(sv.valuations, benchmarkCloses, period);
  return {
    baseCurrency: ledger.baseCurrency,
    scope: input.scope,
    start: period.start,
    end: dates.at(-1) ?? period.end,
    result: toFigure(tw.result, symbolOf),
    points: indices.map((i) => ({ date: dates[i] as IsoDate, value: cumulative[i] as number, benchmark: benchmarkValues[i] ?? null })),
    benchmark: benchmarkSecurity === null ? null : { securityId: benchmarkSecurity.id, symbol: benchmarkSecurity.symbol, name: benchmarkSecurity.name },
    benchmarkFrom: benchmarkSecurity !== null && from > 0 ? (dates[from] as IsoDate) : null,
    comparison:
      comparison === null
        ? null
        : comparison.kind === 'ok'
          ? {
              kind: 'ok' as const,
              portfolioReturn: comparison.portfolioReturn,
              benchmarkReturn: comparison.benchmarkReturn,
              excessReturn: comparison.excessReturn,
              excessAnnualised: comparison.excessAnnualised ?? null,
              beta: comparison.beta,
              alpha: comparison.alpha,
              alphaDaily: comparison.alphaDaily,
              observations: comparison.observations,
              days: comparison.days,
              start: comparison.start,
            }
          : { kind: 'unavailable' as const, reason: describeReason(comparison.reason, symbolOf) },
    markers,
    downsampled: indices.length < dates.length,
  };
}

function rollingSeries(db: DatabaseSync, input: ParsedInput<'returns.rolling'>): MethodOutput<'returns.rolling'> {
  checkScope(db, input.scope);
  const ledger = loadLedger(db);
  const symbolOf = symbolLookup(ledger);
  const sv = scopeValuations(ledger, input.scope);
  const base = { baseCurrency: ledger.baseCurrency, scope: input.scope };
  if ('kind' in sv) return { ...base, points: [], reason: describeReason(sv.reason, symbolOf), downsampled: false };
  const tw = rollingTimeWeighted(sv.valuations);
  const mw = rollingMoneyWeighted(sv.valuations);
  if (tw.dates.length === 0) {
    const first = sv.valuations[0]?.date ?? '';
    const last = sv.valuations.at(-1)?.date ?? '';
    return { ...base, points: [], reason: describeReason({ code: 'NO_VALUATIONS', params: { start: first, end: last } }, symbolOf), downsampled: false };
  }
  const mwByDate = new Map(mw.dates.map((d, i) => [d, mw.values[i] as number]));
  const days = Int32Array.from(tw.dates, toEpochDay);
  const ys = Float64Array.from(tw.values, (v) => (Number.isFinite(v) ? v : 0));
  const indices = sample(days, ys, input.maxPoints ?? DEFAULT_MAX_POINTS);
  return {
    ...base,
    points: indices.map((i) => {
      const date = tw.dates[i] as IsoDate;
      return { date, timeWeighted: orNull(tw.values[i]), moneyWeighted: orNull(mwByDate.get(date)) };
    }),
    reason: null,
    downsampled: indices.length < tw.dates.length,
  };
}
