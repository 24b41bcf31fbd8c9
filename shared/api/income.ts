import { z } from 'zod';
import { defineMethods } from './define';
import { Reason } from './returns';

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-12.');

/** Base currency, summed exactly and rounded once to its minor unit; net = gross − tax. */
export const IncomeAmounts = z.object({ gross: z.number(), tax: z.number(), net: z.number() });
export type IncomeAmounts = z.infer<typeof IncomeAmounts>;

export const IncomeTotals = z.object({ dividends: IncomeAmounts, interest: IncomeAmounts, total: IncomeAmounts });
export type IncomeTotals = z.infer<typeof IncomeTotals>;

/** One bar: a month ('2025-03') or a year ('2025'); empty months between the first and last are zeros. */
export const IncomeBucket = IncomeTotals.extend({ key: z.string() });
export type IncomeBucket = z.infer<typeof IncomeBucket>;

/** A yield (0.035 = 3.5 %) over the twelve months to `to`, or why none (ZERO_BASE: nothing held). */
export const Yield = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), gross: z.number(), net: z.number(), from: IsoDate, to: IsoDate }),
  z.object({ kind: z.literal('unavailable'), reason: Reason }),
]);
export type Yield = z.infer<typeof Yield>;

export const SecurityIncome = IncomeTotals.extend({
  securityId: Id,
  symbol: z.string(),
  name: z.string(),
  /** Trailing-12-month income over what the shares held today cost (base currency). */
  yieldOnCost: Yield,
  /** Trailing-12-month income over today's market value. */
  trailingYield: Yield,
});
export type SecurityIncome = z.infer<typeof SecurityIncome>;

/** One account's dividends and interest over the report's range (base currency). */
export const AccountIncome = IncomeTotals.extend({ accountId: Id, name: z.string(), currency: z.string() });
export type AccountIncome = z.infer<typeof AccountIncome>;

export const IncomeReport = z.object({
  baseCurrency: z.string(),
  asOf: IsoDate,
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  totals: IncomeTotals,
  months: z.array(IncomeBucket),
  years: z.array(IncomeBucket),
  /** Paying securities, largest net first; interest on cash is in the totals and buckets only. */
  securities: z.array(SecurityIncome),
  /** Accounts that received income in the range (the one asked for, or all), largest net first. */
  accounts: z.array(AccountIncome),
  yieldOnCost: Yield,
  trailingYield: Yield,
  /** Income lines left out because no exchange rate to the base currency was known on their day. */
  problems: z.array(Reason),
});
export type IncomeReport = z.infer<typeof IncomeReport>;

export const incomeMethods = defineMethods({
  /**
   * Dividends (gross, withholding tax, net) and interest, per month, per year and per security,
   * in the base currency (each payment converted at its day's rate), for all accounts or one,
   * optionally within from..to (both included). Yields are as of `asOf` (default: today).
   */
  'income.report': {
    input: z.object({ accountId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional(), asOf: IsoDate.optional() }).strict(),
    output: IncomeReport,
  },
});
