import { describe, expect, it } from 'vitest';
import { mergeCandles, ohlcBuckets } from './ohlc-buckets';

describe('ohlcBuckets', () => {
  const bars = [
    { open: 10, high: 11, low: 9, close: 10.5 },
    { open: 10.5, high: 14, low: 10, close: 13 },
    { open: 13, high: 13.5, low: 8, close: 9 },
    { open: 9, high: 10, low: 8.5, close: 9.5 },
  ];
  it('spans every bar since the previous kept one', () => {
    // kept 0 and 3: the second candle covers bars 1–3: open 10.5, high 14, low 8, close 9.5
    expect(ohlcBuckets(bars, [0, 3])).toEqual([
      { open: 10, high: 11, low: 9, close: 10.5 },
      { open: 10.5, high: 14, low: 8, close: 9.5 },
    ]);
  });
  it('uses the close where a file has no open, high or low', () => {
    expect(ohlcBuckets([{ open: null, high: null, low: null, close: 5 }], [0])).toEqual([{ open: 5, high: 5, low: 5, close: 5 }]);
  });
});

describe('mergeCandles', () => {
  const bars = [
    { t: 1, open: 10, high: 11, low: 9, close: 10.5 },
    { t: 2, open: 10.5, high: 14, low: 10, close: 13 },
    { t: 3, open: 13, high: 13.5, low: 8, close: 9 },
    { t: 4, open: 9, high: 10, low: 8.5, close: 9.5 },
    { t: 5, open: 9.5, high: 12, low: 9.2, close: 11 },
  ];
  it('keeps every candle when they fit', () => {
    expect(mergeCandles(bars, 5)).toHaveLength(5);
    expect(mergeCandles(bars, 10)[1]).toEqual({ from: 2, to: 2, open: 10.5, high: 14, low: 10, close: 13 });
  });
  it('groups consecutive candles into at most the given number, spanning their extremes', () => {
    // 5 candles into at most 2: groups of ceil(5/2) = 3 → bars 1–3 and 4–5
    // bars 1–3: open 10 (first), close 9 (last), high max(11, 14, 13.5) = 14, low min(9, 10, 8) = 8
    // bars 4–5: open 9, close 11, high max(10, 12) = 12, low min(8.5, 9.2) = 8.5
    expect(mergeCandles(bars, 2)).toEqual([
      { from: 1, to: 3, open: 10, high: 14, low: 8, close: 9 },
      { from: 4, to: 5, open: 9, high: 12, low: 8.5, close: 11 },
    ]);
  });
  it('uses the close where a bar has no open, high or low', () => {
    // both closes 5 and 7: open 5 (first close), close 7, high 7, low 5
    expect(mergeCandles([{ t: 1, open: null, high: null, low: null, close: 5 }, { t: 2, open: null, high: null, low: null, close: 7 }], 1)).toEqual([{ from: 1, to: 2, open: 5, high: 7, low: 5, close: 7 }]);
  });
});
