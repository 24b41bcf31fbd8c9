import { z } from 'zod';
import { PERIOD_RANGES } from '../domain/returns/period';
import { ChartMarker } from './charts';
import { defineMethods } from './define';

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-12.');

/** What is measured: the whole portfolio, one account, or one security (over all accounts, or within one). */
export const ReturnScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('portfolio') }).strict(),
  z.object({ kind: z.literal('account'), accountId: Id }).strict(),
  z.object({ kind: z.literal('security'), securityId: Id, accountId: Id.optional() }).strict(),
]);
export type ReturnScope = z.infer<typeof ReturnScope>;

/** The named periods (shared/domain/returns/period.ts) plus 'custom', whose days come with the call. */
export const PeriodKey = z.enum([...PERIOD_RANGES, 'custom']);
export type PeriodKey = z.infer<typeof PeriodKey>;

/** A custom range, both days included. */
export const CustomRange = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The range must start on or before its end.', path: ['to'] });

/**
 * Why a figure is missing, or what to know about it (codes of shared/domain/returns/result.ts):
 * MISSING_PRICE { securityId, symbol, date }, MISSING_FX { from, to, date }, NO_VALUATIONS,
 * EMPTY_PERIOD, NO_SIGN_CHANGE, NO_ROOT, TOO_FEW_OBSERVATIONS { observations },
 * MISSING_BENCHMARK_PRICE { date }, ZERO_BASE; warnings VALUE_WITHOUT_CAPITAL,
 * PERIOD_SHORTENED, FLOWS_AFTER_LAST_VALUATION. `message` is an English sentence naming the
 * security and day, ready to show; `code` and `params` are for logic and other wordings.
 */
export const Reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  message: z.string(),
});
export type Reason = z.infer<typeof Reason>;

/** A return (0.1 = +10 %) or why there is none — never a made-up 0 %. */
export const ReturnFigure = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    value: z.number(),
    /** (1+R)^(365/days) − 1, only for periods of at least 365 days; null otherwise. */
    annualised: z.number().nullable(),
    days: z.number().int(),
    warnings: z.array(Reason),
  }),
  z.object({ kind: z.literal('unavailable'), reason: Reason }),
]);
export type ReturnFigure = z.infer<typeof ReturnFigure>;

/**
 * Where the absolute gain of the period came from, base currency; the parts add up to `total`
 * (fees and taxes ≤ 0). See shared/domain/returns/gain-split.ts for the formula.
 */
export const GainSplit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    total: z.number(),
    priceGain: z.number(),
    dividends: z.number(),
    interest: z.number(),
    fees: z.number(),
    taxes: z.number(),
    currencyEffect: z.number(),
  }),
  z.object({ kind: z.literal('unavailable'), reason: Reason }),
]);
export type GainSplit = z.infer<typeof GainSplit>;

/** One period of one scope: its days (from the close of `start` to the close of `end`) and its figures. */
export const PeriodFigures = z.object({
  period: PeriodKey,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  timeWeighted: ReturnFigure,
  moneyWeighted: ReturnFigure,
  gain: GainSplit,
});
export type PeriodFigures = z.infer<typeof PeriodFigures>;

export const ScopeReturns = z.object({
  scope: ReturnScope,
  /** "Portfolio", the account's name, or the security's symbol. */
  label: z.string(),
  /** Value at the end (base currency, cash included for accounts that track it); null when unknown. */
  endValue: z.number().nullable(),
  periods: z.array(PeriodFigures),
});
export type ScopeReturns = z.infer<typeof ScopeReturns>;

export const ReturnsSummary = z.object({
  baseCurrency: z.string(),
  /** The last valuation day used as every period's end; null with no data. */
  asOf: IsoDate.nullable(),
  firstDate: IsoDate.nullable(),
  rows: z.array(ScopeReturns),
});
export type ReturnsSummary = z.infer<typeof ReturnsSummary>;

/** Portfolio against the benchmark over the chart's period (shared/domain/returns/benchmark.ts). */
export const BenchmarkComparison = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    portfolioReturn: z.number(),
    benchmarkReturn: z.number(),
    excessReturn: z.number(),
    excessAnnualised: z.number().nullable(),
    beta: z.number(),
    /** Annualised: alphaDaily × observations per year. */
    alpha: z.number(),
    alphaDaily: z.number(),
    /** Pairs of consecutive days both series have a value on: what beta and alpha rest on. */
    observations: z.number().int(),
    days: z.number().int(),
    /** The close both returns are measured from: the period's start, or the benchmark's first close if later. */
    start: IsoDate,
  }),
  z.object({ kind: z.literal('unavailable'), reason: Reason }),
]);
export type BenchmarkComparison = z.infer<typeof BenchmarkComparison>;

export const ReturnSeries = z.object({
  baseCurrency: z.string(),
  scope: ReturnScope,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  /** The period's TTWROR (also the last point's value) or why there is none. */
  result: ReturnFigure,
  /**
   * points[0] is the period's start at 0; then valuation days (downsampled to maxPoints, first
   * and last kept). `value` is the cumulative TTWROR from the start; `benchmark` the benchmark's
   * close-to-close return from the start to that day (base currency), null without a close.
   */
  points: z.array(z.object({ date: IsoDate, value: z.number(), benchmark: z.number().nullable() })),
  benchmark: z.object({ securityId: Id, symbol: z.string(), name: z.string() }).nullable(),
  /**
   * Set when the benchmark's prices begin after the period's start: its line starts on this day,
   * on the portfolio's line (both grown from there), and the comparison covers this day to the end.
   */
  benchmarkFrom: IsoDate.nullable().default(null),
  comparison: BenchmarkComparison.nullable(),
  /** News events of the scope's securities in the period, on the TTWROR line (y = cumulative return). */
  markers: z.array(ChartMarker),
  downsampled: z.boolean(),
});
export type ReturnSeries = z.infer<typeof ReturnSeries>;

export const RollingSeries = z.object({
  baseCurrency: z.string(),
  scope: ReturnScope,
  /** One point per valuation day that has a whole year behind it; null where that year cannot be measured. */
  points: z.array(z.object({ date: IsoDate, timeWeighted: z.number().nullable(), moneyWeighted: z.number().nullable() })),
  /** Why there are no points at all (history shorter than a year, no data); null otherwise. */
  reason: Reason.nullable(),
  downsampled: z.boolean(),
});
export type RollingSeries = z.infer<typeof RollingSeries>;

const MaxPoints = z.number().int().min(20).max(10_000);

export const returnsMethods = defineMethods({
  /**
   * TTWROR, IRR and the gain split for each scope and period. Scopes default to the portfolio,
   * every account and every security ever held; periods to 1M, 3M, YTD, 1Y, 3Y, 5Y and Max
   * (plus 'custom' when `custom` is given). All periods end on `asOf` (default: last valuation day).
   */
  'returns.summary': {
    input: z
      .object({
        scopes: z.array(ReturnScope).min(1).max(500).optional(),
        periods: z.array(PeriodKey).min(1).optional(),
        custom: CustomRange.optional(),
        asOf: IsoDate.optional(),
      })
      .strict(),
    output: ReturnsSummary,
  },
  /**
   * The cumulative TTWROR line for the Portfolio chart, from the period's start, with the
   * benchmark's return on the same days and the news markers. `period` 'custom' needs `custom`.
   */
  'returns.series': {
    input: z
      .object({
        scope: ReturnScope.default({ kind: 'portfolio' }),
        period: PeriodKey.default('Max'),
        custom: CustomRange.optional(),
        benchmarkId: Id.optional(),
        maxPoints: MaxPoints.optional(),
      })
      .strict(),
    output: ReturnSeries,
  },
  /** Rolling 1-year TTWROR and IRR over the whole history. */
  'returns.rolling': {
    input: z.object({ scope: ReturnScope.default({ kind: 'portfolio' }), maxPoints: MaxPoints.optional() }).strict(),
    output: RollingSeries,
  },
});
