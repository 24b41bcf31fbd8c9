import type { ErrorText } from '../common/errors';
import type { IsoDate } from '../common/dates';

/**
 * What an import file says about one transaction, before the app has resolved
 * symbol/ISIN/name to a Security. Mirrors the portfolio Transaction (minus id and
 * securityId) so a resolved row can be stored without reshaping.
 *
 * Cash conventions, so every preset agrees:
 * - buy/sell: quantity > 0 shares at `price` per share; `fees` are extra costs (>= 0).
 * - dividend: cash received = quantity × price. When the file only states the total,
 *   quantity is 1 and price is the total (the note says so).
 * - fee: the cost is in `fees`; quantity and price are 0.
 * - split: `splitRatio` when the file states it; brokers that only report the shares
 *   added (Schwab) leave it undefined and put those shares in `quantity`.
 */
export type EnteredTransactionType = 'buy' | 'sell' | 'dividend' | 'split' | 'fee';
/**
 * transfer-out / transfer-in: shares moved between two of the user's accounts (`counterAccount`
 * names the other), `price` the cost per share carried over. Only Tickerline's own CSV has them.
 */
export type TransactionType = EnteredTransactionType | 'transfer-out' | 'transfer-in';

/** The types broker files use (security transfers between the user's accounts come only from Tickerline's CSV). */
export const TRANSACTION_TYPES: readonly EnteredTransactionType[] = ['buy', 'sell', 'dividend', 'split', 'fee'];

export interface SplitRatio {
  from: number;
  to: number;
}

export interface ImportedTransaction {
  type: TransactionType;
  date: IsoDate;
  quantity: number;
  price: number;
  currency: string;
  fees: number;
  splitRatio: SplitRatio | undefined;
  note: string;
  externalId: string | null;
  symbol: string | null;
  isin: string | null;
  name: string | null;
  /** 1-based physical line where the row starts in the file. */
  line: number;
  /**
   * Tax withheld on this line, in `currency`, ≥ 0: a dividend is recorded gross (`price`)
   * with its withholding tax here, so net = gross − taxes − fees. 0 when the file says none.
   */
  taxes: number;
  /** The account as the file names it (number or name), null when the file has one account. */
  account: string | null;
  /**
   * When the price is in the instrument's currency but the broker settled in the account's:
   * the rate it paid, as units of `currency` per one unit of `accountCurrency` (Trading 212's
   * 'Exchange rate' 1.09303 for USD against EUR). Absent when the file does not say.
   */
  fxRate?: { accountCurrency: string; rate: number };
  /** transfer-out / transfer-in: the other account as the file names it. */
  counterAccount?: string | null;
  /**
   * A buy of shares received at no cost (stock dividend, bonus shares, spin-off, stock
   * distribution), so a price of 0 is right, not missing (shared/domain/portfolio/transaction.ts).
   */
  freeShares?: boolean;
}

/**
 * Money moving in an account without a security changing hands. Amounts are positive; the
 * type says the direction:
 *
 * - deposit / withdrawal: money from or to outside the portfolio.
 * - interest: paid to the account (a negative-interest charge is a `fee`).
 * - fee / tax: charged to the account (custody fee, account fee, capital gains tax paid); a
 *   tax refund or fee rebate is `refund`. A line about one security names it in symbol/isin/name.
 * - exchange: `amount` of `currency` out, `counterAmount` of `counterCurrency` in, at the rate
 *   the broker actually paid (counterAmount / amount).
 * - transfer-out / transfer-in: to or from another of the user's accounts, named in
 *   `counterAccount` when the file says which.
 */
export const CASH_TRANSACTION_TYPES = [
  'deposit',
  'withdrawal',
  'interest',
  'fee',
  'tax',
  'refund',
  'exchange',
  'transfer-out',
  'transfer-in',
] as const;
export type CashTransactionType = (typeof CASH_TRANSACTION_TYPES)[number];

export interface ImportedCashTransaction {
  type: CashTransactionType;
  date: IsoDate;
  /** Positive, in `currency`. */
  amount: number;
  currency: string;
  /** exchange only: what came in; null for every other type. */
  counterAmount: number | null;
  counterCurrency: string | null;
  /** transfer-out / transfer-in: the other account as the file names it, when it does. */
  counterAccount: string | null;
  /** The account as the file names it, null when the file has one account. */
  account: string | null;
  /** The security a fee, tax or interest line is about, when the file names one. */
  symbol: string | null;
  isin: string | null;
  name: string | null;
  note: string;
  externalId: string | null;
  /** 1-based physical line where the row starts in the file. */
  line: number;
}

/** Field names used in errors; 'row' is for problems with the row as a whole. */
export type ImportField =
  | 'row'
  | 'date'
  | 'type'
  | 'symbol'
  | 'isin'
  | 'name'
  | 'quantity'
  | 'price'
  | 'amount'
  | 'fees'
  | 'currency'
  | 'externalId'
  | 'note'
  | 'splitRatio';

/** A line's problem: English in `message`; `key` and `params` word it in the reader's language. */
export interface ImportLineError extends Partial<ErrorText> {
  line: number;
  field: ImportField;
  message: string;
}

/** A line deliberately not imported (options, cash movements, footers), with why. */
export interface SkippedLine extends Partial<ErrorText> {
  line: number;
  reason: string;
}

export interface ImportResult {
  transactions: ImportedTransaction[];
  /** Deposits, withdrawals, interest, fees, taxes, exchanges and transfers the file holds. */
  cash: ImportedCashTransaction[];
  errors: ImportLineError[];
  skipped: SkippedLine[];
  /** Lines imported as read but worth a look (an amount that does not match shares × price). */
  warnings?: ImportLineError[];
}
