import type { SecurityKind } from './security';

/**
 * The benchmark a listing is compared with when the user has not chosen one: the
 * exchange's main index, or a tracker fund of it when only that is stored (people who
 * import the Tracker Fund 2800.HK or SPY rarely also import the index). First stored
 * candidate wins.
 */
export const BENCHMARK_CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  HKEX: ['^HSI', '2800.HK'],
  NYSE: ['^GSPC', 'SPY', 'VOO', 'IVV'],
  NASDAQ: ['^GSPC', 'SPY', 'VOO', 'IVV'],
  OTC: ['^GSPC', 'SPY', 'VOO', 'IVV'],
  XETRA: ['^GDAXI', 'EXS1.DE', 'DAX'],
  LSE: ['^FTSE', 'ISF.L'],
  SSE: ['000300.SS', '000001.SS'],
  SZSE: ['000300.SS', '399001.SZ'],
};

export interface BenchmarkCandidate {
  id: number;
  symbol: string;
  /** Bars stored: a benchmark without prices gives no figure, so it is no default. */
  barCount: number;
}

export interface ChosenBenchmark {
  id: number;
  symbol: string;
  /** 'yours': set by the user; 'default': picked by this rule for the exchange. */
  origin: 'yours' | 'default';
}

/**
 * The benchmark used for a security: the user's choice when there is one, else the first
 * of its exchange's candidates that is stored with prices. Indices and currencies have none.
 */
export function chooseBenchmark(
  security: { id: number; exchange: string; kind: SecurityKind | string; benchmarkId: number | null },
  stored: readonly BenchmarkCandidate[],
): ChosenBenchmark | null {
  if (security.benchmarkId !== null) {
    const own = stored.find((s) => s.id === security.benchmarkId);
    return own ? { id: own.id, symbol: own.symbol, origin: 'yours' } : null;
  }
  if (security.kind === 'index' || security.kind === 'fx') return null;
  for (const symbol of BENCHMARK_CANDIDATES[security.exchange] ?? []) {
    const hit = stored.find((s) => s.symbol.toUpperCase() === symbol && s.id !== security.id && s.barCount > 0);
    if (hit) return { id: hit.id, symbol: hit.symbol, origin: 'default' };
  }
  return null;
}
