import type { Transaction } from '../portfolio/transaction';
import type { TransactionType as StoredType } from '../portfolio/transaction';
import type { TransactionType } from './imported-transaction';

/** A transaction as stored: the portfolio convention, with the split ratio in two columns. */
export interface TransactionRowFields {
  type: TransactionType;
  date: string;
  quantity: number;
  price: number;
  currency: string;
  fees: number;
  splitFrom: number | null;
  splitTo: number | null;
  note: string;
  externalId: string | null;
}

/** The portfolio domain's view of a stored (or about to be stored) transaction row; `id` and `securityId` apart or in `t`. */
export function toTransaction(t: Omit<TransactionRowFields, 'type'> & { type: StoredType; id: number; securityId: number }): Transaction;
export function toTransaction(t: Omit<TransactionRowFields, 'type'> & { type: StoredType }, id: number, securityId: number): Transaction;
export function toTransaction(t: Omit<TransactionRowFields, 'type'> & { type: StoredType; id?: number; securityId?: number }, id?: number, securityId?: number): Transaction {
  const tx: Transaction = {
    id: id ?? (t.id as number),
    securityId: securityId ?? (t.securityId as number),
    type: t.type,
    date: t.date,
    quantity: t.quantity,
    price: t.price,
    currency: t.currency,
    fees: t.fees,
    note: t.note,
    externalId: t.externalId,
  };
  if (t.type === 'split') tx.splitRatio = { from: t.splitFrom ?? Number.NaN, to: t.splitTo ?? Number.NaN };
  return tx;
}
