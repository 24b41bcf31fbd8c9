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
export type TransactionType = 'buy' | 'sell' | 'dividend' | 'split' | 'fee';

export const TRANSACTION_TYPES: readonly TransactionType[] = ['buy', 'sell', 'dividend', 'split', 'fee'];

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

export interface ImportLineError {
  line: number;
  field: ImportField;
  message: string;
}

/** A line deliberately not imported (options, cash movements, footers), with why. */
export interface SkippedLine {
  line: number;
  reason: string;
}

export interface ImportResult {
  transactions: ImportedTransaction[];
  errors: ImportLineError[];
  skipped: SkippedLine[];
}
