import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateIntradayToDaily } from './intraday';
import { detectPriceFile, parsePriceFileColumns } from './price-file';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

describe('aggregateIntradayToDaily', () => {
  it('turns the 283 BABA 1-minute bars of 2026-01-29 into one daily bar', () => {
    const text = readFileSync(`${FIXTURES_DIR}/prices/intraday-1min_BABA_2026-01-29.csv`, 'utf8');
    const { columns } = parsePriceFileColumns(text, detectPriceFile(text, 'baba.csv').mapping);
    // By hand from the file: first row 08:08 opens at 177.94; the highest High is 180.75
    // (09:39), the lowest Low 171.6 (10:51); the last row 12:57 closes at 174.96; the
    // Volume column of all 283 rows sums to 8 743 026 (awk -F, 'NR>1{v+=$6}').
    expect(aggregateIntradayToDaily(columns)).toEqual([
      { date: '2026-01-29', open: 177.94, high: 180.75, low: 171.6, close: 174.96, adjClose: null, volume: 8_743_026 },
    ]);
  });

  it('splits by calendar day and keeps minutes in time order', () => {
    const text = [
      'Timestamp,Open,High,Low,Close,Volume',
      '2024-01-03 09:31:00,20,21,19.5,20.5,300',
      '2024-01-02 09:31:00,10.5,11.5,10,11,200',
      '2024-01-02 09:30:00,10,11,9,10.5,100',
      '2024-01-03 09:30:00,19,20,18,20,400',
    ].join('\n');
    const { columns } = parsePriceFileColumns(text, detectPriceFile(text, 'x.csv').mapping);
    // 01-02: open of 09:30 = 10, max(11, 11.5) = 11.5, min(9, 10) = 9, close of 09:31 = 11, 100+200 = 300
    // 01-03: open 19, max(20, 21) = 21, min(18, 19.5) = 18, close 20.5, 400+300 = 700
    expect(aggregateIntradayToDaily(columns)).toEqual([
      { date: '2024-01-02', open: 10, high: 11.5, low: 9, close: 11, adjClose: null, volume: 300 },
      { date: '2024-01-03', open: 19, high: 21, low: 18, close: 20.5, adjClose: null, volume: 700 },
    ]);
  });
});
