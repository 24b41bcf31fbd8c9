import { z } from 'zod';
import { PRICE_INTERVALS } from '../domain/prices/interval';
import { defineMethods } from './define';
import { HoldingProblem } from './holdings';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-12.');
const Id = z.number().int().positive();
const MaxPoints = z.number().int().min(20).max(10_000);
const N = z.number().nullable();

/** A security as the chart picker shows it, with the extent of its price history. */
export const ChartSecurity = z.object({
  id: Id,
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
  kind: z.string(),
  benchmarkId: Id.nullable(),
  /** The benchmark used for figures: the user's choice, or the exchange's default when one is stored. */
  benchmark: z.object({ id: Id, symbol: z.string(), origin: z.enum(['yours', 'default']) }).nullable(),
  barCount: z.number().int(),
  firstDate: IsoDate.nullable(),
  lastDate: IsoDate.nullable(),
  /** Shares held after the last transaction (0 when sold or never bought). */
  quantity: z.number(),
  demo: z.boolean(),
});
export type ChartSecurity = z.infer<typeof ChartSecurity>;

/** One news event on a marker, with its anchoring already explained in the user's locale. */
export const MarkerEvent = z.object({
  eventId: Id,
  securityId: Id,
  headline: z.string(),
  source: z.string(),
  /** The event's own calendar day on the exchange clock. */
  date: IsoDate,
  anchoredFrom: IsoDate.nullable(),
  /** e.g. "anchored from Sun 11 Jan"; null when the event sits on its own session. */
  anchorLabel: z.string().nullable(),
});
export type MarkerEvent = z.infer<typeof MarkerEvent>;

export const ChartMarker = z.object({
  sessionDate: IsoDate,
  count: z.number().int(),
  /** Value on the line (close, % change or market value) the marker is drawn at. */
  y: N,
  beyondData: z.boolean(),
  events: z.array(MarkerEvent),
});
export type ChartMarker = z.infer<typeof ChartMarker>;

/**
 * Every point is a real bar (min/max downsampling picks bars, never averages),
 * with the close of the bar right before it, so hover values are exact.
 */
/** One drawn bar; open/high/low span every bar it stands for when the series is downsampled (null: the file has none). */
export const PricePoint = z.object({ date: IsoDate, close: z.number(), prevClose: N, volume: N, open: N.optional(), high: N.optional(), low: N.optional() });
export type PricePoint = z.infer<typeof PricePoint>;

export const TradeMarker = z.object({
  date: IsoDate,
  side: z.enum(['buy', 'sell']),
  quantity: z.number(),
  price: z.number(),
  y: z.number(),
});
export type TradeMarker = z.infer<typeof TradeMarker>;

export const PriceHistory = z.object({
  security: ChartSecurity,
  /** The whole history's extent, for range buttons and the brush. */
  firstDate: IsoDate.nullable(),
  lastDate: IsoDate.nullable(),
  /** The visible range that was prepared. */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  barCount: z.number().int(),
  /** Spacing of the stored bars: a monthly series' tooltip names the month, not a day. */
  interval: z.enum(PRICE_INTERVALS),
  downsampled: z.boolean(),
  points: z.array(PricePoint),
  markers: z.array(ChartMarker),
  trades: z.array(TradeMarker),
  yDomain: z.tuple([z.number(), z.number()]).nullable(),
});
export type PriceHistory = z.infer<typeof PriceHistory>;

export const Comparison = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  series: z.array(z.object({ securityId: Id, symbol: z.string(), name: z.string(), startDate: IsoDate.nullable(), last: N })),
  /** One row per date of any series; `values[i]` is series i's change from its start (0.05 = +5 %), null where it has no point. */
  rows: z.array(z.object({ date: IsoDate, values: z.array(N) })),
  markers: z.array(ChartMarker.extend({ seriesIndex: z.number().int() })),
});
export type Comparison = z.infer<typeof Comparison>;

export const PortfolioHoldingRow = z.object({
  securityId: Id,
  symbol: z.string(),
  name: z.string(),
  currency: z.string(),
  quantity: z.number(),
  marketValueBase: N,
  costBasisBase: N,
  pnlBase: N,
  pnlPct: N,
  weight: N,
  /** This holding's change in value over the visible range, base currency. */
  contribution: N,
  problems: z.array(HoldingProblem),
});
export type PortfolioHoldingRow = z.infer<typeof PortfolioHoldingRow>;

export const PortfolioHistory = z.object({
  baseCurrency: z.string(),
  firstDate: IsoDate.nullable(),
  lastDate: IsoDate.nullable(),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  points: z.array(z.object({ date: IsoDate, marketValue: N, costBasis: N, incomplete: z.boolean() })),
  holdings: z.array(PortfolioHoldingRow),
  /**
   * `change`: the value's change over the range net of money put in or taken out (`netFlows`),
   * with the range's TTWROR (`timeWeighted`, 0.05 = +5 %); value incl. cash, as Holdings' returns.
   */
  /** `cash`: held in the accounts in view that track it, base currency, at the range's end (null without a rate). */
  totals: z.object({ marketValue: z.number(), costBasis: z.number(), pnl: z.number(), pnlPct: N, change: N, netFlows: N, timeWeighted: N, cash: N }),
  markers: z.array(ChartMarker),
  problems: z.array(HoldingProblem),
});
export type PortfolioHistory = z.infer<typeof PortfolioHistory>;

const Claim = z.object({ percent: z.number(), qualifier: z.string().nullable(), direction: z.enum(['up', 'down']).nullable() });

export const ImpactRow = z.object({
  eventId: Id,
  securityId: Id,
  symbol: z.string(),
  securityName: z.string(),
  headline: z.string(),
  source: z.string(),
  eventDate: IsoDate,
  tags: z.array(z.string()),
  sessionDate: IsoDate.nullable(),
  anchored: z.boolean(),
  anchoredFrom: IsoDate.nullable(),
  anchorLabel: z.string().nullable(),
  baseDate: IsoDate.nullable(),
  baseClose: N,
  sessionClose: N,
  dayReturn: N,
  return1d: N,
  return5d: N,
  benchmarkSymbol: z.string().nullable(),
  /** 'default': picked for the exchange (^HSI for HKEX …), 'yours': chosen by the user. */
  benchmarkOrigin: z.enum(['yours', 'default']).nullable(),
  benchmarkDayReturn: N,
  abnormalDayReturn: N,
  abnormalReturn1d: N,
  abnormalReturn5d: N,
  sharesHeld: N,
  currency: z.string(),
  moneyDay: N,
  baseCurrency: z.string(),
  fxRate: N,
  moneyDayBase: N,
  money1dBase: N,
  money5dBase: N,
  claim: Claim.nullable(),
  claimMeasured: N,
  claimBasis: z.string().nullable(),
  claimVerdict: z.enum(['consistent', 'overstated', 'understated', 'n/a']),
  /** The session the claim was checked against (the closed one for a story published after the bell). */
  claimDate: IsoDate.nullable(),
  /** Field → sentence saying why a figure is missing. */
  missing: z.record(z.string(), z.string()),
});
export type ImpactRow = z.infer<typeof ImpactRow>;

export const TagAverageRow = z.object({
  tag: z.string(),
  count: z.number().int(),
  dayReturn: N,
  return5d: N,
  abnormalDayReturn: N,
  abnormalReturn5d: N,
  samples: z.number().int(),
});
export type TagAverageRow = z.infer<typeof TagAverageRow>;

export const EventImpacts = z.object({
  baseCurrency: z.string(),
  rows: z.array(ImpactRow),
  averages: z.array(TagAverageRow),
});
export type EventImpacts = z.infer<typeof EventImpacts>;

export const EventWindow = z.object({
  event: z.object({ id: Id, headline: z.string(), source: z.string(), date: IsoDate }),
  series: z.array(
    z.object({
      securityId: Id,
      symbol: z.string(),
      name: z.string(),
      sessionDate: IsoDate.nullable(),
      baseDate: IsoDate.nullable(),
      baseClose: N,
      anchorLabel: z.string().nullable(),
      points: z.array(z.object({ offset: z.number().int(), date: IsoDate, close: z.number(), change: z.number() })),
      missing: z.string().nullable(),
    }),
  ),
});
export type EventWindow = z.infer<typeof EventWindow>;

/** Lines one Compare chart draws: past eight, colours repeat and the lines cannot be told apart. */
export const COMPARE_LIMIT = 8;

const Range = z.object({ from: IsoDate.optional(), to: IsoDate.optional(), maxPoints: MaxPoints.optional() });

export const chartsMethods = defineMethods({
  'charts.securities': { input: z.object({}).strict(), output: z.array(ChartSecurity) },
  'charts.priceSeries': { input: Range.extend({ securityId: Id }).strict(), output: PriceHistory },
  'charts.compare': {
    input: Range.extend({ securityIds: z.array(Id).min(1).max(COMPARE_LIMIT) }).strict(),
    output: Comparison,
  },
  /** `accountId`: one account's positions only; without it, all accounts. */
  'charts.portfolio': { input: Range.extend({ accountId: Id.optional() }).strict(), output: PortfolioHistory },
  'charts.eventImpacts': {
    input: z
      .object({ securityId: Id.optional(), eventId: Id.optional() })
      .strict()
      .refine((v) => (v.securityId === undefined) !== (v.eventId === undefined), 'Give either a securityId or an eventId.'),
    output: EventImpacts,
  },
  'charts.eventWindow': { input: z.object({ eventId: Id }).strict(), output: EventWindow },
});
