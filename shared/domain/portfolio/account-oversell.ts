import { findOversell, type Oversell } from './ledger';
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
  const shares = (n: number): string => `${Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)))} ${n === 1 ? 'share' : 'shares'}`;
  const { date, quantity, type } = o.transaction;
  const verb = type === 'transfer-out' ? 'transfer' : 'sell';
  return o.held === 0
    ? `On ${date} the account ${account} holds no ${symbol} shares, so it cannot ${verb} ${shares(quantity)}.`
    : `On ${date} the account ${account} holds only ${shares(o.held)} of ${symbol}, so it cannot ${verb} ${shares(quantity)}.`;
}
