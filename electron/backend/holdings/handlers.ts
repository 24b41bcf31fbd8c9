import type { MethodOutput } from '@shared/api/contract';
import { computeHoldings } from '@shared/domain/portfolio/holding';
import type { FeatureMethods, Handlers } from '../handler';
import { requireAccount } from '../accounts/store';
import { answerCache } from '../db/answer-cache';
import { cashValue } from '../returns/cash-value';
import { loadPortfolio } from './load';

/**
 * The table per scope, day and data version: the first screen asks for it at every start (and the
 * backend asks once ahead of it, backend.ts warmUp), Holdings again whenever it is shown.
 */
const answers = answerCache<MethodOutput<'holdings.list'>>(4);

export const holdingsHandlers = {
  'holdings.list': ({ asOf, accountId }, { db, today }) => {
    if (accountId !== undefined) requireAccount(db, accountId);
    // Cash is valued today when no day is asked for, so today is part of the key.
    const day = asOf ?? today();
    return answers.get(db, `${accountId ?? 'all'}|${asOf ?? ''}|${day}`, () => {
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
        cashBase: cashValue(db, accountId, day),
      };
    });
  },
} satisfies Handlers<FeatureMethods<'holdings'>>;
