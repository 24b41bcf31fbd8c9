import { z } from 'zod';
import { defineMethods } from './define';
import { LocalText } from './text';

const n = z.number().nullable();

export const DayChange = z.object({
  date: z.string(),
  previousDate: z.string(),
  previousClose: z.number(),
  pct: z.number(),
  amount: z.number(),
  amountBase: n,
  pctBase: n,
  previousValueBase: n,
});

/** Why a figure of a holding is not known (no price yet, a missing rate): English words, and the key to say it in the reader's language. */
export const HoldingProblem = z.object({ message: z.string(), ...LocalText });
export type HoldingProblem = z.infer<typeof HoldingProblem>;

/**
 * One position (shared/domain/portfolio/holding.ts). Unsuffixed amounts are in the security's
 * currency, `…Base` in the base currency; null means "cannot be known" and `problems` says why.
 */
export const Holding = z.object({
  securityId: z.number().int(),
  symbol: z.string(),
  name: z.string(),
  currency: z.string(),
  quantity: z.number(),
  averageCost: n,
  costBasis: n,
  costBasisBase: n,
  lastPrice: n,
  lastPriceDate: z.string().nullable(),
  marketValue: n,
  marketValueBase: n,
  unrealizedPnl: n,
  unrealizedPnlPct: n,
  unrealizedPnlBase: n,
  unrealizedPnlBasePct: n,
  realizedPnl: n,
  realizedPnlBase: n,
  dividends: n,
  dividendsBase: n,
  fees: n,
  feesBase: n,
  dayChange: DayChange.nullable(),
  weight: n,
  problems: z.array(HoldingProblem),
});
export type Holding = z.infer<typeof Holding>;

export const HoldingsTotals = z.object({
  marketValue: z.number(),
  costBasis: z.number(),
  unrealizedPnl: z.number(),
  unrealizedPnlPct: n,
  realizedPnl: z.number(),
  dividends: z.number(),
  fees: z.number(),
  dayChange: z.number(),
  dayChangePct: n,
  incomplete: z.array(z.object({ securityId: z.number().int(), symbol: z.string(), reasons: z.array(HoldingProblem) })),
});
export type HoldingsTotals = z.infer<typeof HoldingsTotals>;

export const HoldingsReport = z.object({
  baseCurrency: z.string(),
  valuationDate: z.string().nullable(),
  holdings: z.array(Holding),
  totals: HoldingsTotals,
  transactionCount: z.number().int(),
  /**
   * Cash in the accounts in view that track it, base currency, on `asOf` (today without it), as the
   * cash table shows it; null when a currency held has no rate. Not part of `totals` (the securities').
   */
  cashBase: z.number().nullable(),
});
export type HoldingsReport = z.infer<typeof HoldingsReport>;

export const holdingsMethods = defineMethods({
  'holdings.list': {
    /** `accountId`: the positions of one account (FIFO within it); without it, all accounts together. */
    input: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), accountId: z.number().int().positive().optional() }).strict(),
    output: HoldingsReport,
  },
});
