import { create } from 'zustand';
import type { PeriodKey, ReturnScope, ReturnSeries, RollingSeries } from '@shared/api/returns';
import { addDays } from '@shared/domain/common/dates';
import type { ChartRange } from '@shared/domain/charts/ranges';
import { PERIOD_RANGES, type PeriodRange } from '@shared/domain/returns/period';
import { api, errorMessage } from '@renderer/api/client';

type Loadable<T> = { status: 'idle' | 'loading' | 'ready' | 'error'; data: T | null; error: string | null };

interface PerformanceState {
  benchmarkId: number | null;
  series: Loadable<ReturnSeries>;
  rolling: Loadable<RollingSeries>;
  setBenchmark(id: number | null): void;
  /** The TTWROR line (with the benchmark) over the chart's range and the rolling 1-year series, for the account in view. */
  load(accountId: number | null, range: ChartRange, window: { from: string | null; to: string | null }): Promise<void>;
}

/**
 * The returns period of a chart range: the same named period Holdings uses where there is one
 * (1M, 3M, YTD, 1Y, 5Y, Max), so both screens agree; 6M as the custom range the chart shows,
 * measured from the close of the day before its first day.
 */
export function periodOfRange(range: ChartRange, window: { from: string | null; to: string | null }): { period: PeriodKey; custom?: { from: string; to: string } } {
  if ((PERIOD_RANGES as readonly string[]).includes(range)) return { period: range as PeriodRange };
  if (window.from === null || window.to === null) return { period: 'Max' };
  return { period: 'custom', custom: { from: addDays(window.from, 1) <= window.to ? addDays(window.from, 1) : window.from, to: window.to } };
}

let sequence = 0;

export const usePerformanceStore = create<PerformanceState>((set, get) => ({
  benchmarkId: null,
  series: { status: 'idle', data: null, error: null },
  rolling: { status: 'idle', data: null, error: null },
  setBenchmark(id) {
    set({ benchmarkId: id });
  },
  async load(accountId, range, window) {
    const mine = ++sequence;
    const scope: ReturnScope = accountId === null ? { kind: 'portfolio' } : { kind: 'account', accountId };
    const { benchmarkId } = get();
    set({ series: { ...get().series, status: 'loading' }, rolling: { ...get().rolling, status: 'loading' } });
    const series = api.call('returns.series', { scope, ...periodOfRange(range, window), ...(benchmarkId === null ? {} : { benchmarkId }), maxPoints: 800 });
    const rolling = api.call('returns.rolling', { scope, maxPoints: 800 });
    const [s, r] = await Promise.allSettled([series, rolling]);
    if (mine !== sequence) return;
    set({
      series: s.status === 'fulfilled' ? { status: 'ready', data: s.value, error: null } : { status: 'error', data: null, error: errorMessage(s.reason) },
      rolling: r.status === 'fulfilled' ? { status: 'ready', data: r.value, error: null } : { status: 'error', data: null, error: errorMessage(r.reason) },
    });
  },
}));
