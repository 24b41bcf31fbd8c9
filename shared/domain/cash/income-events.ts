import type { IsoDate } from '../common/dates';
import type { IncomeEvent } from '../income';
import { convert, money } from '../money';
import type { FxProvider } from '../portfolio/fx';
import type { CashTransaction, LedgerTransaction } from './cash';

export interface IncomeProblem {
  securityId: number | null;
  date: IsoDate;
  from: string;
  to: string;
}

/**
 * The dividends (gross with their withholding tax) and interest lines of the ledger as income
 * events in the base currency, each converted once at its day's rate and rounded to the base
 * currency's minor unit, as a broker books a payment in another currency. A line without a rate
 * is left out and reported, so a total is never silently short.
 */
export function incomeEvents(
  transactions: readonly LedgerTransaction[],
  cash: readonly CashTransaction[],
  fx: FxProvider,
  baseCurrency: string,
): { events: IncomeEvent[]; problems: IncomeProblem[] } {
  const events: IncomeEvent[] = [];
  const problems: IncomeProblem[] = [];
  const toBase = (amount: string, currency: string, date: IsoDate, securityId: number | null): string | null => {
    if (currency === baseCurrency) return money(amount, currency).amount;
    const rate = fx.rate(currency, baseCurrency, date);
    if (rate.rate === null) {
      problems.push({ securityId, date, from: currency, to: baseCurrency });
      return null;
    }
    return convert(money(amount, currency), rate.rate, baseCurrency).amount;
  };
  for (const t of transactions) {
    if (t.type !== 'dividend') continue;
    const gross = toBase(String(t.price), t.currency, t.date, t.securityId);
    const tax = gross === null ? null : toBase(String(t.taxes), t.currency, t.date, t.securityId);
    if (gross === null || tax === null) continue;
    events.push({ date: t.date, kind: 'dividend', securityId: t.securityId, gross, tax });
  }
  for (const c of cash) {
    if (c.type !== 'interest') continue;
    const gross = toBase(c.amount, c.currency, c.date, c.securityId);
    if (gross === null) continue;
    events.push({ date: c.date, kind: 'interest', securityId: null, gross, tax: '0' });
  }
  return { events, problems };
}
