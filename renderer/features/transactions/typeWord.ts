import type { Transaction } from '@shared/api/transactions';

/** A transaction type as a word inside a sentence or a table cell ("Edit buy of …"), lower case in English; with their namespace, so any t() can show them. */
export const TYPE_WORD = {
  buy: 'transactions:typeWord.buy',
  sell: 'transactions:typeWord.sell',
  dividend: 'transactions:typeWord.dividend',
  split: 'transactions:typeWord.split',
  fee: 'transactions:typeWord.fee',
  'transfer-out': 'transactions:typeWord.transferOut',
  'transfer-in': 'transactions:typeWord.transferIn',
} as const satisfies Record<Transaction['type'], string>;

export function isTransactionType(word: string): word is keyof typeof TYPE_WORD {
  return word in TYPE_WORD;
}
