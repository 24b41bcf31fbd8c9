import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Security } from '../securities/security';
import { createFxProvider } from './fx';
import { computeHoldings } from './holding';
import { pricesForValuation, seriesReflectsSplit, type PriceSeries } from './price-series';
import type { Transaction } from './transaction';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const PRICES = `${FIXTURES_DIR}/prices/`;

/** Date and Close of an ISO-dated CSV whose Close is in column `closeColumn`. */
function closes(file: string, closeColumn: number, adjustment: PriceSeries['adjustment']): PriceSeries {
  const bars = readFileSync(PRICES + file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(',');
      return { date: cells[0] as string, close: Number(cells[closeColumn]) };
    });
  return { adjustment, bars };
}

// Stooq's NVDA history is split-adjusted across the real 10:1 split effective 2024-06-10:
// 2024-06-07 close 120.86 (a pre-split share really traded near 1208.6), 2024-06-10 close 121.762.
const stooq = closes('stooq_nvda_us_d.csv', 4, 'split+dividend');
const NVDA_SPLIT = { date: '2024-06-10', factor: 10 };

const nvda: Security = { id: 7, symbol: 'NVDA', name: 'NVIDIA', exchange: 'NASDAQ', currency: 'USD', kind: 'stock', isin: null, issuerId: 'nvidia', sharesPerUnit: 1, aliases: [] };
const ledger: Transaction[] = [
  { id: 1, securityId: 7, type: 'buy', date: '2024-06-03', quantity: 10, price: 1150, currency: 'USD', fees: 0, note: '', externalId: null },
  { id: 2, securityId: 7, type: 'split', date: '2024-06-10', quantity: 0, price: 0, currency: 'USD', fees: 0, splitRatio: { from: 1, to: 10 }, note: '', externalId: null },
];
const value = (series: PriceSeries, asOf: string) =>
  computeHoldings(ledger, new Map([[7, series]]), [nvda], createFxProvider([]), 'USD', asOf).holdings[0];

describe('split-adjusted prices against the ledger (NVDA 10:1, 2024-06-10)', () => {
  it('multiplies adjusted closes before the split back by the ratio and leaves later ones alone', () => {
    const bars = pricesForValuation(stooq, [NVDA_SPLIT]);
    const on = (date: string): number | undefined => bars.find((b) => b.date === date)?.close;
    expect(on('2024-06-07')).toBeCloseTo(1208.6, 9); // 120.86 × 10
    expect(on('2024-06-10')).toBe(121.762);
  });

  it('values 10 pre-split shares at the pre-split price, not at a tenth of it', () => {
    // 2024-06-07: 10 shares × 1208.60 = 12086 (the naive 10 × 120.86 = 1208.6 would be wrong tenfold).
    const before = value(stooq, '2024-06-07');
    expect(before?.quantity).toBe(10);
    expect(before?.marketValue).toBeCloseTo(12086, 9);
    // Unrealized: 12086 − 11500 = 586.
    expect(before?.unrealizedPnl).toBeCloseTo(586, 9);
  });

  it('values 100 post-split shares at the post-split price and compares the day change like with like', () => {
    // 2024-06-10: 100 × 121.762 = 12176.2; previous close 1208.6 / 10 = 120.86;
    // day change 100 × (121.762 − 120.86) = 90.2, 0.902 / 120.86 = 0.746318 %.
    const after = value(stooq, '2024-06-10');
    expect(after?.quantity).toBe(100);
    expect(after?.averageCost).toBeCloseTo(115, 9); // 11500 / 100
    expect(after?.marketValue).toBeCloseTo(12176.2, 9);
    expect(after?.dayChange?.previousClose).toBeCloseTo(120.86, 9);
    expect(after?.dayChange?.amount).toBeCloseTo(90.2, 9);
    expect(after?.dayChange?.pct).toBeCloseTo(0.746318, 5);
  });

  it('agrees with a Yahoo download made before the split, which is not adjusted for it', () => {
    // Yahoo's file ends 2024-03-08 (close 875.280029); Stooq 87.5073 × 10 = 875.073 (dividends
    // also adjusted out, hence 0.02 % lower).
    const yahoo = closes('yahoo-download_NVDA.csv', 4, 'split');
    expect(seriesReflectsSplit(yahoo, NVDA_SPLIT)).toBe(false);
    expect(pricesForValuation(yahoo, [NVDA_SPLIT]).at(-1)).toEqual({ date: '2024-03-08', close: 875.280029 });
    const fromStooq = pricesForValuation(stooq, [NVDA_SPLIT]).find((b) => b.date === '2024-03-08')?.close ?? 0;
    expect(fromStooq).toBeCloseTo(875.073, 9);
    expect(Math.abs(fromStooq / 875.280029 - 1)).toBeLessThan(0.001);
  });

  it('detects the adjustment of an "unknown" series from the jump across the split', () => {
    expect(seriesReflectsSplit({ ...stooq, adjustment: 'unknown' }, NVDA_SPLIT)).toBe(true);
    // The same history as traded: pre-split closes ×10, so 1208.6 → 121.762 across the split.
    const traded: PriceSeries = {
      adjustment: 'unknown',
      bars: stooq.bars.map((b) => (b.date < '2024-06-10' ? { date: b.date, close: b.close * 10 } : b)),
    };
    expect(seriesReflectsSplit(traded, NVDA_SPLIT)).toBe(false);
    expect(value(traded, '2024-06-07')?.marketValue).toBeCloseTo(12086, 9);
    expect(value({ ...traded, adjustment: 'none' }, '2024-06-07')?.marketValue).toBeCloseTo(12086, 9);
  });
});
