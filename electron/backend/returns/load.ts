import type { DatabaseSync } from 'node:sqlite';
import type { Ledger, LedgerTransaction } from '@shared/domain/cash';
import { listAccounts, type StoredAccount } from '../accounts/store';
import { listCash } from '../cash/store';
import { loadPortfolio, type PortfolioData } from '../holdings/load';
import { listTransactions, toDomain } from '../transactions/store';

/** The whole ledger (accounts, trades with their account and tax, cash lines) with prices and rates. */
export interface LoadedLedger extends Ledger {
  accountList: StoredAccount[];
  portfolio: PortfolioData;
}

export function loadLedger(db: DatabaseSync): LoadedLedger {
  const portfolio = loadPortfolio(db);
  const accountList = listAccounts(db);
  const transactions: LedgerTransaction[] = listTransactions(db).map((t) => ({ ...toDomain(t), accountId: t.accountId, taxes: t.taxes }));
  return {
    baseCurrency: portfolio.baseCurrency,
    accounts: accountList.map((a) => ({ id: a.id, tracksCash: a.tracksCash })),
    accountList,
    transactions,
    cash: listCash(db),
    securities: portfolio.securities,
    prices: portfolio.prices,
    fx: portfolio.fx,
    portfolio,
  };
}
