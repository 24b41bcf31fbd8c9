import { describe, expect, it } from 'vitest';
import { ohlcBuckets } from './ohlc-buckets';

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
