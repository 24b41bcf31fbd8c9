import type { DatabaseSync } from 'node:sqlite';
import type { Ledger, LedgerTransaction } from '@shared/domain/cash';
import { listAccounts, type StoredAccount } from '../accounts/store';
import { listCash } from '../cash/store';
import { dataVersion } from '../db/database';
import { loadPortfolio, loadStoredTransactions, type PortfolioData } from '../holdings/load';
import { toDomain } from '../transactions/store';

/** The whole ledger (accounts, trades with their account and tax, cash lines) with prices and rates. */
export interface LoadedLedger extends Ledger {
  accountList: StoredAccount[];
  portfolio: PortfolioData;
}

/**
 * The last ledger read, per connection, for the data version it was read at: the portfolio chart
 * asks for it beside loadPortfolio, and Holdings' summary, the TTWROR line and the rolling series
 * come in together, so an unchanged database is read once. Callers treat it as read-only.
 */
const cache = new WeakMap<DatabaseSync, { version: string; ledger: LoadedLedger }>();

export function loadLedger(db: DatabaseSync): LoadedLedger {
  const version = dataVersion(db);
  const cached = cache.get(db);
  if (cached?.version === version) return cached.ledger;
  const ledger = readLedger(db);
  cache.set(db, { version, ledger });
  return ledger;
}

function readLedger(db: DatabaseSync): LoadedLedger {
  const portfolio = loadPortfolio(db);
  const accountList = listAccounts(db);
  const transactions: LedgerTransaction[] = loadStoredTransactions(db).map((t) => ({ ...toDomain(t), accountId: t.accountId, taxes: t.taxes }));
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
