import type { FxSeries } from '@shared/domain/portfolio/fx';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { readFixture } from './fixtures';

/**
 * Small, deliberately independent readers for a few price fixtures, so the
 * portfolio tests do not depend on the price parser they are not testing.
 */

/** Date and Close of a yfinance download() CSV (Close is the 2nd column; header lines skipped). */
export function yfinanceCloses(file: string): PriceSeries {
  const bars = readFixture('prices', file)
    .trim()
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => {
      const [date, close] = line.split(',');
      return { date: date as string, close: Number(close) };
    });
  return { adjustment: 'split+dividend', bars };
}

/** Real USD/HKD closes from the European re-export: "2026-01-09;7,79…;7,79…" (Date;Adj Close;Close;…). */
export function usdHkd(): FxSeries {
  const points = readFixture('prices', 'yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(';');
      return { date: cells[0] as string, close: Number((cells[2] as string).replace(',', '.')) };
    });
  return { from: 'USD', to: 'HKD', points };
}
