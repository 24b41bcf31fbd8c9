import deAccounts from './locales/de/accounts.json';
import deApp from './locales/de/app.json';
import deCharts from './locales/de/charts.json';
import deCommon from './locales/de/common.json';
import deIncome from './locales/de/income.json';
import deHoldings from './locales/de/holdings.json';
import deErrors from './locales/de/errors.json';
import deMain from './locales/de/main.json';
import deNews from './locales/de/news.json';
import dePrices from './locales/de/prices.json';
import deReturns from './locales/de/returns.json';
import deSecurities from './locales/de/securities.json';
import deSettings from './locales/de/settings.json';
import deTransactions from './locales/de/transactions.json';
import deImporting from './locales/de/importing.json';
import enAccounts from './locales/en/accounts.json';
import enApp from './locales/en/app.json';
import enCharts from './locales/en/charts.json';
import enCommon from './locales/en/common.json';
import enIncome from './locales/en/income.json';
import enHoldings from './locales/en/holdings.json';
import enErrors from './locales/en/errors.json';
import enMain from './locales/en/main.json';
import enNews from './locales/en/news.json';
import enPrices from './locales/en/prices.json';
import enReturns from './locales/en/returns.json';
import enSecurities from './locales/en/securities.json';
import enSettings from './locales/en/settings.json';
import enTransactions from './locales/en/transactions.json';
import enImporting from './locales/en/importing.json';
import type { Language } from './languages';

/**
 * The catalogues, one namespace per feature. English is the reference: its
 * shape is the type of every key (a key missing from it does not compile), and every
 * other language must have the same namespaces and keys (checked here by the
 * type and in catalogues.test.ts, which also finds unused keys).
 */
const en = { common: enCommon, app: enApp, settings: enSettings, errors: enErrors, main: enMain, charts: enCharts, holdings: enHoldings, accounts: enAccounts, securities: enSecurities, news: enNews, prices: enPrices, transactions: enTransactions, income: enIncome, returns: enReturns, importing: enImporting };
export type Catalogue = typeof en;
export type Namespace = keyof Catalogue;
export const NAMESPACES = Object.keys(en) as Namespace[];

const de = { common: deCommon, app: deApp, settings: deSettings, errors: deErrors, main: deMain, charts: deCharts, holdings: deHoldings, accounts: deAccounts, securities: deSecurities, news: deNews, prices: dePrices, transactions: deTransactions, income: deIncome, returns: deReturns, importing: deImporting } satisfies Catalogue;

export const resources: Record<Language, Catalogue> = { en, de };
