import type { PortfolioHistory } from '@shared/api/charts';
import { answerCache } from '../db/answer-cache';
import type { FeatureMethods, Handlers } from '../handler';
import { readSettings } from '../settings/store';
import { barExtents } from '../prices/store';
import { eventImpacts, eventWindow } from './impact';
import { portfolioChart } from './portfolio';
import { compareSeries, priceSeries, toChartSecurity } from './price';
import { benchmarkCandidates, listSecurities } from './queries';

/**
 * The Portfolio tab's answers for an unchanged database (~400 KB each with its news flags): the
 * tab asks again on every visit and range, and each answer values every holding over 20 years.
 */
const portfolioAnswers = answerCache<PortfolioHistory>(4);

export const chartsHandlers = {
  'charts.securities': (_input, { db, today }) => {
    const extents = barExtents(db);
    const candidates = benchmarkCandidates(db);
    return listSecurities(db).map((s) => toChartSecurity(db, s, extents.get(s.id), today(), candidates));
  },
  'charts.priceSeries': (input, { db, today }) => priceSeries(db, input, readSettings(db).locale, today()),
  'charts.compare': (input, { db }) => compareSeries(db, input, readSettings(db).locale),
  'charts.portfolio': (input, { db }) =>
    portfolioAnswers.get(db, JSON.stringify(input), () => {
      const settings = readSettings(db);
      return portfolioChart(db, input, settings.baseCurrency, settings.locale);
    }),
  'charts.eventImpacts': (input, { db }) => {
    const settings = readSettings(db);
    return eventImpacts(db, input, settings.baseCurrency, settings.locale);
  },
  'charts.eventWindow': (input, { db }) => eventWindow(db, input.eventId, readSettings(db).locale),
} satisfies Handlers<FeatureMethods<'charts'>>;
