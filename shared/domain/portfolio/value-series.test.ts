import { describe, expect, it } from 'vitest';
import type { Security } from '../securities/security';
import { createFxProvider } from './fx';
import type { Transaction } from './transaction';
import { portfolioValueSeries } from './value-series';
import { usdHkd, yfinanceCloses } from '../../../test-support/price-fixtures';

const sec = (id: number, symbol: string, currency: string): Security => ({
  id, symbol, name: symbol, exchange: currency === 'HKD' ? 'HKEX' : 'NYSE', currency, kind: 'stock', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [],
});
const securities = [sec(1, '9988.HK', 'HKD'), sec(2, 'BABA', 'USD')];
const prices = new Map([
  [1, yfinanceCloses('yfinance-download-multiheader_9988.HK_2025-2026.csv')],
  [2, yfinanceCloses('yfinance-download-flat_BABA_2025-2026.csv')],
]);
const tx = (id: number, securityId: number, type: Transaction['type'], date: string, quantity: number, price: number): Transaction => ({
  id, securityId, type, date, quantity, price, currency: securityId === 1 ? 'HKD' : 'USD', fees: 0, note: '', externalId: null,
});
const ledger = [
  tx(1, 1, 'buy', '2026-01-08', 100, 140),
  tx(2, 2, 'buy', '2026-01-16', 10, 150),
  tx(3, 1, 'sell', '2026-01-19', 40, 160),
];

describe('portfolioValueSeries', () => {
  const series = portfolioValueSeries(ledger, prices, securities, createFxProvider([usdHkd()]), 'USD', {
    from: '2026-01-15',
    to: '2026-01-20',
  });

  it('has one entry per day on which any held security traded', () => {
    // 2026-01-19 is Martin Luther King Day: Hong Kong trades, New York does not.
    expect(series.dates).toEqual(['2026-01-15', '2026-01-16', '2026-01-19', '2026-01-20']);
  });

  it('values each day at the close and the rate of the day, carrying BABA over its holiday', () => {
    // 01-15: 100 × 164.60000610351562 / 7.797699928283691 = 2110.878947 (BABA not yet held)
    // 01-16: 100 × 166.1999969482422 / 7.797399997711182 = 2131.479685 + 10 × 165.39999389648438 = 3785.479624
    // 01-19: 60 × 160.39999389648438 / 7.797239780426025 = 1234.282888 + 1653.999939 (01-16 close carried) = 2888.282827
    // 01-20: 60 × 159.6999969482422 / 7.7967000007629395 = 1228.981469 + 10 × 162.38999938964844 = 2852.881462
    const expected = [2110.878947, 3785.479624, 2888.282827, 2852.881462];
    expected.forEach((v, i) => expect(series.marketValue[i]).toBeCloseTo(v, 5));
    expect(series.holdings.find((h) => h.securityId === 2)?.marketValue[2]).toBeCloseTo(1653.999939, 5);
    expect(Array.from(series.incomplete)).toEqual([0, 0, 0, 0]);
  });

  it('tracks the base cost of the shares held, at the buy-day rate', () => {
    // 100 × 140 / 7.785999774932861 = 1798.099204; + 1500 from 01-16; after selling 40 (FIFO): 8400 / 7.785999774932861 + 1500.
    const expected = [1798.099204, 3298.099204, 2578.859523, 2578.859523];
    expected.forEach((v, i) => expect(series.costBasis[i]).toBeCloseTo(v, 5));
  });

  it('marks days incomplete when a holding cannot be valued, and leaves it out of the total', () => {
    // In EUR there is no rate at all: HKD and USD holdings are NaN each day, the totals 0 and flagged.
    const eur = portfolioValueSeries(ledger, prices, securities, createFxProvider([usdHkd()]), 'EUR', { from: '2026-01-15', to: '2026-01-16' });
    expect(Array.from(eur.incomplete)).toEqual([1, 1]);
    expect(Array.from(eur.marketValue)).toEqual([0, 0]);
    expect(Number.isNaN(eur.holdings[0]?.marketValue[0])).toBe(true);
  });

  it('matches the holdings table on the last day', async () => {
    const { computeHoldings } = await import('./holding');
    const report = computeHoldings(ledger, prices, securities, createFxProvider([usdHkd()]), 'USD', '2026-01-20');
    expect(series.marketValue[3]).toBeCloseTo(report.totals.marketValue, 9);
    expect(series.costBasis[3]).toBeCloseTo(report.totals.costBasis, 9);
  });
});
