import { describe, expect, it } from 'vitest';
import type { ValueSeries } from '../portfolio/value-series';
import { dayValuesFromSeries } from './series-values';

describe('dayValuesFromSeries', () => {
  it('adds the cash balance and names the security whose value is missing', () => {
    // Two holdings; security 9 has no price on the second day, so that day is marked missing.
    const series: ValueSeries = {
      baseCurrency: 'EUR',
      days: Int32Array.from([20_000, 20_001]),
      dates: ['2024-10-04', '2024-10-05'],
      marketValue: Float64Array.from([1500, 1000]),
      costBasis: Float64Array.from([1400, 1400]),
      incomplete: Uint8Array.from([0, 1]),
      holdings: [
        { securityId: 4, marketValue: Float64Array.from([1000, 1000]), costBasis: Float64Array.from([900, 900]) },
        { securityId: 9, marketValue: Float64Array.from([500, Number.NaN]), costBasis: Float64Array.from([500, 500]) },
      ],
    };
    // 1,500 + 250 cash; 1,000 + 300 cash.
    expect(dayValuesFromSeries(series, [250, 300])).toEqual([
      { date: '2024-10-04', value: 1750 },
      { date: '2024-10-05', value: 1300, missing: { code: 'MISSING_PRICE', params: { securityId: 9 } } },
    ]);
  });
});
