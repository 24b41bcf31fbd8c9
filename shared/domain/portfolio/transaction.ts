import { isIsoDate, type IsoDate } from '../common/dates';
import { keyedText, type ErrorText } from '../common/errors';
import { findOversell, oversellText } from './ledger';
import { validateSplitRatio, type SplitRatio } from './split-ratio';

export type { SplitRatio } from './split-ratio';

export const TRANSACTION_TYPES = ['buy', 'sell', 'dividend', 'split', 'fee'] as const;
/** What a user enters line by line; transfers are made in pairs (security-transfer.ts). */
export type EnteredTransactionType = (typeof TRANSACTION_TYPES)[number];
/** Shares moved between two of the user's accounts: one line leaves an account, its partner arrives in the other. */
export const SECURITY_TRANSFER_TYPES = ['transfer-out', 'transfer-in'] as const;
export type TransactionType = EnteredTransactionType | (typeof SECURITY_TRANSFER_TYPES)[number];

/** Shares a transfer carries: one lot of the giving account, with its original date and cost. */
export interface CarriedLot {
  date: IsoDate;
  quantity: number;
  /** Per share, fees of the buy included, in `currency` (the buy's). */
  costPerShare: number;
  currency: string;
}

/**
 * One line of the user's ledger. The meaning of `quantity` and `price` depends on `type`,
 * because brokers report dividends and account fees as amounts, not as per-share prices:
 *
 * - buy / sell: `quantity` shares at `price` per share, both in `currency`; `fees` extra.
 * - dividend:   `price` is the TOTAL gross amount received in `currency` (not per share);
 *               `quantity` is ignored (importers may store the share count there for reference).
 * - fee:        `price` is the TOTAL fee amount in `currency` (e.g. an ADR custody fee);
 *               `quantity` is ignored.
 * - split:      `splitRatio` is required; `quantity`, `price` and `fees` are ignored.
 * - transfer-out / transfer-in: `quantity` shares leave this account for `counterAccountId` /
 *               arrive from it; `price` is the average cost per share carried over (for display:
 *               the lots themselves move with their own dates and costs, see `carried`).
 *
 * `fees` are always a total for the line (commission, stamp duty…), in `currency`.
 */
export interface Transaction {
  id: number;
  securityId: number;
  type: TransactionType;
  date: IsoDate;
  quantity: number;
  price: number;
  currency: string;
  fees: number;
  splitRatio?: SplitRatio;
  note: string;
  /** Broker's own id for the line, so re-importing the same statement does not duplicate it. */
  externalId: string | null;
  /** A transfer's other account. */
  counterAccountId?: number | null;
  /** A transfer-in's lots as they left the giving account (filled in by scopeSecurityTransfers). */
  carried?: readonly CarriedLot[];
}

/** A field's problem: its English text in `message`, the catalogue key and values for the reader's language. */
export interface FieldError extends ErrorText {
  field: keyof Transaction | 'splitRatio.from' | 'splitRatio.to';
  message: string;
}

/**
 * Everything wrong with `tx` if it were saved into `existing` (the same id is replaced, so
 * this also validates edits). Besides field checks, it replays the whole ledger of the
 * security: a sell may never exceed the shares held at that point, and an edit that moves
 * a buy later or shrinks it must not strand a later sell either.
 */
export function validateTransaction(tx: Transaction, existing: readonly Transaction[], today: IsoDate, options: FieldCheckOptions = {}): FieldError[] {
  const errors = validateTransactionFields(tx, today, options);
  if (errors.length > 0) return errors;
  const before = existing.filter((t) => t.securityId === tx.securityId);
  const others = before.filter((t) => t.id !== tx.id);
  const problem = findOversell([...others, tx]);
  // A sell that was already uncovered before this change is not this change's fault.
  if (problem === null || problem.transaction.id === findOversell(before)?.transaction.id) return errors;
  const previous = before.find((t) => t.id === tx.id);
  const moved = previous !== undefined && previous.date !== tx.date && previous.quantity === tx.quantity;
  const field: FieldError['field'] = tx.type === 'split' ? 'splitRatio' : moved ? 'date' : 'quantity';
  const text = oversellText(problem);
  return [{ field, ...(problem.transaction.id === tx.id ? text : keyedText('errors:transactions.changeBreaksSale', { problem: text })) }];
}

/**
 * Free shares — a stock dividend, bonus shares, a spin-off, a broker's stock distribution —
 * are stored as a buy at price 0: the shares join the holding with no cost, so the average
 * cost of the position falls and the value they add counts as gain, as it does on the
 * statement. (Considered: a separate 'delivery' type; it would need a new stored type that
 * every ledger, return and export rule must learn, for the same arithmetic as a buy at 0.)
 * A price of 0 is only accepted where the source says the shares were free — an import line
 * its preset marks as such, or an edit of a row already stored that way — so a buy typed
 * into the form without a price is still refused.
 */
export interface FieldCheckOptions {
  /** True when a buy at price 0 is a delivery of free shares, not a missing price. */
  freeShares?: boolean;
}

/** Field checks that need no other transaction. */
export function validateTransactionFields(tx: Transaction, today: IsoDate, options: FieldCheckOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(tx.date)) {
    errors.push({ field: 'date', ...keyedText('errors:fields.dateInvalid', { date: tx.date }) });
  } else if (tx.date > today) {
    errors.push({ field: 'date', ...keyedText('errors:fields.dateFuture', { date: tx.date, today }) });
  }
  if (!/^[A-Z]{3}$/.test(tx.currency)) {
    errors.push({ field: 'currency', ...keyedText('errors:fields.currencyInvalid', { currency: tx.currency }) });
  }
  if (!Number.isFinite(tx.fees) || tx.fees < 0) {
    errors.push({ field: 'fees', ...keyedText('errors:fields.feesNegative') });
  }
  switch (tx.type) {
    case 'buy':
    case 'sell':
      if (!isPositive(tx.quantity)) {
        errors.push({ field: 'quantity', ...keyedText(tx.type === 'buy' ? 'errors:fields.buyQuantity' : 'errors:fields.sellQuantity') });
      }
      if (!isPositive(tx.price) && !(tx.type === 'buy' && options.freeShares === true && tx.price === 0)) {
        errors.push({ field: 'price', ...keyedText('errors:fields.pricePositive') });
      }
      break;
    case 'dividend':
      if (!isPositive(tx.price)) {
        errors.push({ field: 'price', ...keyedText('errors:fields.dividendPositive') });
      }
      break;
    case 'fee':
      if (!isPositive(tx.price)) {
        errors.push({ field: 'price', ...keyedText('errors:fields.feePositive') });
      }
      break;
    case 'split':
      errors.push(...validateSplitRatio(tx.splitRatio));
      break;
    case 'transfer-out':
    case 'transfer-in':
      if (!isPositive(tx.quantity)) errors.push({ field: 'quantity', ...keyedText('errors:fields.transferQuantity') });
      break;
  }
  return errors;
}

function isPositive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}
