import { computeHoldings } from '@shared/domain/portfolio/holding';
import type { FeatureMethods, Handlers } from '../handler';
import { loadPortfolio } from './load';

export const holdingsHandlers = {
  'holdings.list': ({ asOf }, { db }) => {
    const data = loadPortfolio(db);
    const report = computeHoldings(data.transactions, data.prices, data.securities, data.fx, data.baseCurrency, asOf);
    return {
      baseCurrency: report.baseCurrency,
      valuationDate: report.valuationDate,
      // Lots stay on the backend: the table does not show them and they can be thousands.
      holdings: report.holdings.map(({ lots: _lots, ...h }) => h),
      totals: report.totals,
      transactionCount: data.transactions.length,
    };
  },
} satisfies Handlers<FeatureMethods<'holdings'>>;
