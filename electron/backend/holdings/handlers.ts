import { computeHoldings } from '@shared/domain/portfolio/holding';
import type { FeatureMethods, Handlers } from '../handler';
import { requireAccount } from '../accounts/store';
import { cashValue } from '../returns/cash-value';
import { loadPortfolio } from './load';

export const holdingsHandlers = {
  'holdings.list': ({ asOf, accountId }, { db, today }) => {
    if (accountId !== undefined) requireAccount(db, accountId);
    const data = loadPortfolio(db, accountId);
    const report = computeHoldings(data.transactions, data.prices, data.securities, data.fx, data.baseCurrency, asOf);
    return {
      baseCurrency: report.baseCurrency,
      valuationDate: report.valuationDate,
      // Lots stay on the backend: the table does not show them and they can be thousands.
      holdings: report.holdings.map(({ lots: _lots, ...h }) => h),
      totals: report.totals,
      transactionCount: data.transactions.length,
      // As the cash table under it: at the day asked for, else today (a deposit after the last close counts).
      cashBase: cashValue(db, accountId, asOf ?? today()),
    };
  },
} satisfies Handlers<FeatureMethods<'holdings'>>;
