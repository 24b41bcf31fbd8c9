import { z } from 'zod';
import { defineMethods } from './define';
import { ReasonDto } from './returns';

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-12.');

/** Base currency, summed exactly and rounded once to its minor unit; net = gross − tax. */
export const IncomeAmountsDto = z.object({ gross: z.number(), tax: z.number(), net: z.number() });
export type IncomeAmountsDto = z.infer<typeof IncomeAmountsDto>;

export const IncomeTotalsDto = z.object({ dividends: IncomeAmountsDto, interest: IncomeAmountsDto, total: IncomeAmountsDto });
export type IncomeTotalsDto = z.infer<typeof IncomeTotalsDto>;

/** One bar: a month ('2025-03') or a year ('2025'); empty months between the first and last are zeros. */
export const IncomeBucketDto = IncomeTotalsDto.extend({ key: z.string() });
export type IncomeBucketDto = z.infer<typeof IncomeBucketDto>;

/** A yield (0.035 = 3.5 %) over the twelve months to `to`, or why none (ZERO_BASE: nothing held). */
export const YieldDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), gross: z.number(), net: z.number(), from: IsoDate, to: IsoDate }),
  z.object({ kind: z.literal('unavailable'), reason: ReasonDto }),
]);
export type YieldDto = z.infer<typeof YieldDto>;

export const SecurityIncomeDto = IncomeTotalsDto.extend({
  securityId: Id,
  symbol: z.string(),
  name: z.string(),
  /** Trailing-12-month income over what the shares held today cost (base currency). */
  yieldOnCost: YieldDto,
  /** Trailing-12-month income over today's market value. */
  trailingYield: YieldDto,
});
export type SecurityIncomeDto = z.infer<typeof SecurityIncomeDto>;

/** One account's dividends and interest over the report's range (base currency). */
export const AccountIncomeDto = IncomeTotalsDto.extend({ accountId: Id, name: z.string(), currency: z.string() });
export type AccountIncomeDto = z.infer<typeof AccountIncomeDto>;

export const IncomeReportDto = z.object({
  baseCurrency: z.string(),
  asOf: IsoDate,
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  totals: IncomeTotalsDto,
  months: z.array(IncomeBucketDto),
  years: z.array(IncomeBucketDto),
  /** Paying securities, largest net first; interest on cash is in the totals and buckets only. */
  securities: z.array(SecurityIncomeDto),
  /** Accounts that received income in the range (the one asked for, or all), largest net first. */
  accounts: z.array(AccountIncomeDto),
  yieldOnCost: YieldDto,
  trailingYield: YieldDto,
  /** Income lines left out because no exchange rate to the base currency was known on their day. */
  problems: z.array(ReasonDto),
});
export type IncomeReportDto = z.infer<typeof IncomeReportDto>;

export const incomeMethods = defineMethods({
  /**
   * Dividends (gross, withholding tax, net) and interest, per month, per year and per security,
   * in the base currency (each payment converted at its day's rate), for all accounts or one,
   * optionally within from..to (both included). Yields are as of `asOf` (default: today).
   */
  'income.report': {
    input: z.object({ accountId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional(), asOf: IsoDate.optional() }).strict(),
    output: IncomeReportDto,
  },
});
