import { z } from 'zod';
import { CASH_TRANSACTION_TYPES } from '../domain/transactions/imported-transaction';
import { isDecimal } from '../domain/money';
import { defineMethods } from './define';
import { CurrencyCode } from './settings';

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-14.');

/**
 * An exact amount as a decimal string ("142900.00", "-12.5"). Inputs may also be a number, which
 * is taken by its shortest decimal form (0.1 → "0.1"); outputs are always strings, so nothing is
 * lost between the database and the screen. Parse for display with Number(); sum with
 * shared/domain/money, never with +.
 */
export const DecimalString = z
  .union([z.string().trim(), z.number().finite()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => isDecimal(v) && !/e/i.test(v), 'Use a plain decimal number such as 1250.50.');

export const CashTransactionType = z.enum(CASH_TRANSACTION_TYPES);
export type CashTransactionType = z.infer<typeof CashTransactionType>;

/**
 * A stored cash line (shared/domain/cash). Amounts are positive; the type gives the direction:
 * - deposit / withdrawal: money from or to outside the portfolio (a flow for every scope).
 * - interest: paid into the account; fee / tax: charged to it; refund: a fee or tax given back.
 *   These are returns, not flows. `securityId` names the security a line is about (optional).
 * - exchange: `amount` of `currency` out, `counterAmount` of `counterCurrency` in, same account,
 *   at the rate actually paid (counterAmount / amount).
 * - transfer-out: `amount` leaves this account for `counterAccountId`; transfer-in: arrives from it.
 *   With a counter account the transfer is neutral for the portfolio (a flow for each account
 *   only); without one (the other side is not tracked here) it counts as a withdrawal / deposit.
 *   A transfer entered by hand is one transfer-out line naming the receiving account.
 */
export const CashTransaction = z.object({
  id: Id,
  accountId: Id,
  type: CashTransactionType,
  date: IsoDate,
  amount: z.string(),
  currency: z.string(),
  counterAmount: z.string().nullable(),
  counterCurrency: z.string().nullable(),
  counterAccountId: Id.nullable(),
  securityId: Id.nullable(),
  /** The security's symbol when `securityId` is set, for display. */
  symbol: z.string().nullable(),
  note: z.string(),
  externalId: z.string().nullable(),
});
export type CashTransaction = z.infer<typeof CashTransaction>;

/**
 * A cash line as the form sends it. `accountId` defaults to the default account on create and to the
 * line's own account on update. Field rules
 * (each failure is a VALIDATION error with details.fields = [{ field, message }]):
 * amount > 0; exchange needs counterAmount > 0 and a counterCurrency different from currency;
 * a transfer needs counterAccountId, different from accountId; counter fields are cleared for
 * every other type.
 */
export const CashTransactionFields = z.object({
  accountId: Id.optional(),
  type: CashTransactionType,
  date: IsoDate,
  amount: DecimalString,
  currency: CurrencyCode,
  counterAmount: DecimalString.nullable().default(null),
  counterCurrency: CurrencyCode.nullable().default(null),
  counterAccountId: Id.nullable().default(null),
  securityId: Id.nullable().default(null),
  note: z.string().max(2000).default(''),
});
export type CashTransactionFieldsInput = z.input<typeof CashTransactionFields>;

/** Something allowed but worth saying, shown under the field without blocking the save. */
export const FieldWarning = z.object({
  field: z.string(),
  /** NEGATIVE_BALANCE: the line takes the account's balance in `currency` below zero on `date`. */
  code: z.enum(['NEGATIVE_BALANCE']),
  message: z.string(),
  params: z.object({ accountId: Id, currency: z.string(), date: IsoDate, balance: z.string() }),
});
export type FieldWarning = z.infer<typeof FieldWarning>;

const SavedCash = z.object({ transaction: CashTransaction, warnings: z.array(FieldWarning) });

/** One account's cash in one currency, exact, with its value in the base currency. */
export const CashBalance = z.object({
  accountId: Id,
  accountName: z.string(),
  currency: z.string(),
  /** Exact decimal string. */
  amount: z.string(),
  /** The base-currency value at the last rate on or before `asOf`; null when no rate is known (see `problem`). */
  valueBase: z.number().nullable(),
  negative: z.boolean(),
  /** The first day the balance went below zero and has stayed there since; null when not negative. */
  negativeSince: IsoDate.nullable(),
  problem: z.string().nullable(),
});
export type CashBalance = z.infer<typeof CashBalance>;

export const CashBalances = z.object({
  baseCurrency: z.string(),
  asOf: IsoDate,
  /** Accounts that track cash, every currency they ever held (zero balances included). */
  balances: z.array(CashBalance),
  /** Sum of valueBase; null when any balance has no rate. */
  totalBase: z.number().nullable(),
});
export type CashBalances = z.infer<typeof CashBalances>;

export const cashMethods = defineMethods({
  /** Cash lines, date order; of one account (lines it books or receives as counter account) or all. */
  'cash.list': { input: z.object({ accountId: Id.optional() }).strict(), output: z.array(CashTransaction) },
  /** Checks a line without saving it: errors block a save, warnings do not. For live form feedback. */
  'cash.check': {
    input: CashTransactionFields.extend({ id: Id.optional() }).strict(),
    output: z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })), warnings: z.array(FieldWarning) }),
  },
  'cash.create': { input: CashTransactionFields.strict(), output: SavedCash, mutates: ['cash', 'holdings'] },
  'cash.update': { input: CashTransactionFields.extend({ id: Id }).strict(), output: SavedCash, mutates: ['cash', 'holdings'] },
  /** Hard delete that returns the rows, so the UI can offer Undo via cash.restore. */
  'cash.delete': {
    input: z.object({ ids: z.array(Id).min(1).max(10_000) }).strict(),
    output: z.object({ deleted: z.array(CashTransaction) }),
    mutates: ['cash', 'holdings'],
  },
  'cash.restore': {
    input: z.object({ transactions: z.array(CashTransaction.strict()).min(1).max(10_000) }).strict(),
    output: z.object({ restored: z.number().int() }),
    mutates: ['cash', 'holdings'],
  },
  /**
   * Cash per account and currency (accounts that track cash), as of `asOf` (default: today).
   * Buys, sells, dividends (net of withholding tax and fees) and fee lines move the cash of their
   * account; so do the cash lines. A negative balance is flagged, not hidden.
   */
  'cash.balances': {
    input: z.object({ accountId: Id.optional(), asOf: IsoDate.optional() }).strict(),
    output: CashBalances,
  },
});
