import type { DatabaseSync } from 'node:sqlite';
import { cashBalances, cashMovements } from '@shared/domain/cash';
import type { IsoDate } from '@shared/domain/common/dates';
import { toNumber } from '@shared/domain/money';
import { loadLedger } from './load';

/**
 * Cash held at the end of `day` in the base currency, each currency at that day's rate: in every
 * account that tracks cash, or in one. Null when a currency held has no rate (the total would be
 * wrong), 0 when no account tracks cash. The figure Holdings and the Portfolio tab show beside the
 * market value, so the whole value the returns are measured on is visible.
 */
export function cashValue(db: DatabaseSync, accountId: number | undefined, day: IsoDate): number | null {
  const ledger = loadLedger(db);
  const balances = cashBalances(cashMovements(ledger.accounts, ledger.transactions, ledger.cash), day);
  let total = 0;
  for (const b of balances) {
    if (accountId !== undefined && b.accountId !== accountId) continue;
    const amount = toNumber(b.amount);
    if (amount === 0) continue;
    const rate = ledger.fx.rate(b.currency, ledger.baseCurrency, day).rate;
    if (rate === null) return null;
    total += amount * rate;
  }
  return total;
}
