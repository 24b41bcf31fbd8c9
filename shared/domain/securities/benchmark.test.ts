import { describe, expect, it } from 'vitest';
import { chooseBenchmark } from './benchmark';

const baba = { id: 1, exchange: 'HKEX', kind: 'stock', benchmarkId: null };

describe('chooseBenchmark', () => {
  it('takes ^HSI for a Hong Kong listing when it is stored with prices', () => {
    const stored = [
      { id: 7, symbol: '2800.HK', barCount: 300 },
      { id: 8, symbol: '^HSI', barCount: 653 },
    ];
    expect(chooseBenchmark(baba, stored)).toEqual({ id: 8, symbol: '^HSI', origin: 'default' });
  });

  it('falls back to the Tracker Fund when ^HSI is stored without prices', () => {
    const stored = [
      { id: 8, symbol: '^HSI', barCount: 0 },
      { id: 7, symbol: '2800.HK', barCount: 300 },
    ];
    expect(chooseBenchmark(baba, stored)).toEqual({ id: 7, symbol: '2800.HK', origin: 'default' });
  });

  it('takes SPY for a Nasdaq listing when ^GSPC is not stored, and ^GDAXI for Xetra', () => {
    const stored = [
      { id: 3, symbol: 'SPY', barCount: 10 },
      { id: 4, symbol: '^GDAXI', barCount: 10 },
    ];
    expect(chooseBenchmark({ id: 2, exchange: 'NASDAQ', kind: 'stock', benchmarkId: null }, stored)?.symbol).toBe('SPY');
    expect(chooseBenchmark({ id: 5, exchange: 'XETRA', kind: 'stock', benchmarkId: null }, stored)?.symbol).toBe('^GDAXI');
  });

  it('keeps the user’s choice, and gives an index none of its own', () => {
    const stored = [
      { id: 8, symbol: '^HSI', barCount: 653 },
      { id: 9, symbol: 'SPY', barCount: 10 },
    ];
    expect(chooseBenchmark({ ...baba, benchmarkId: 9 }, stored)).toEqual({ id: 9, symbol: 'SPY', origin: 'yours' });
    expect(chooseBenchmark({ id: 8, exchange: 'HKEX', kind: 'index', benchmarkId: null }, stored)).toBeNull();
  });
});
