import { keyedText, type ErrorText } from '../common/errors';
import { findOversell, shareCount, type Oversell } from './ledger';
import type { Transaction } from './transaction';

/** A transaction with the account it is booked in (any key that tells accounts apart: an id, a name the file uses). */
export interface AccountLine {
  accountKey: string;
  transaction: Transaction;
}

export interface AccountOversell extends Oversell {
  accountKey: string;
}

/**
 * Each account's ledger of each security replayed on its own: an account can sell only the shares
 * it holds, however many the other accounts hold. Returns the first uncovered sell of each account
 * and security, in date order. The whole-portfolio check (findOversell) cannot see this: 100 shares
 * bought in one account and sold from another balance out across the portfolio.
 */
export function findAccountOversells(lines: readonly AccountLine[]): AccountOversell[] {
  const groups = new Map<string, Map<number, Transaction[]>>();
  for (const { accountKey, transaction } of lines) {
    let account = groups.get(accountKey);
    if (account === undefined) groups.set(accountKey, (account = new Map()));
    const list = account.get(transaction.securityId);
    if (list === undefined) account.set(transaction.securityId, [transaction]);
    else list.push(transaction);
  }
  const out: AccountOversell[] = [];
  for (const [accountKey, securities] of groups) {
    for (const transactions of securities.values()) {
      const problem = findOversell(transactions);
      if (problem !== null) out.push({ ...problem, accountKey });
    }
  }
  return out.sort((a, b) => (a.transaction.date < b.transaction.date ? -1 : a.transaction.date > b.transaction.date ? 1 : a.transaction.id - b.transaction.id));
}

/** "On 2024-05-01 the account Broker holds only 100 shares of 9988.HK, so it cannot sell 150 shares." */
export function describeAccountOversell(o: AccountOversell, account: string, symbol: string): string {
  return accountOversellText(o, account, symbol).message;
}

/** describeAccountOversell as a catalogue message with its values. */
export function accountOversellText(o: AccountOversell, account: string, symbol: string): ErrorText & { message: string } {
  const { date, type } = o.transaction;
  const transfer = type === 'transfer-out';
  const quantity = shareCount(o.transaction.quantity);
  const shares = { key: 'errors:transactions.share', params: { count: quantity } } as const;
  if (o.held === 0) return keyedText(transfer ? 'errors:transactions.accountOvertransferNone' : 'errors:transactions.accountOversellNone', { date, account, symbol, quantity, shares });
  const held = shareCount(o.held);
  const heldShares = { key: 'errors:transactions.share', params: { count: held } } as const;
  return keyedText(transfer ? 'errors:transactions.accountOvertransferSome' : 'errors:transactions.accountOversellSome', { date, account, symbol, held, heldShares, quantity, shares });
}
