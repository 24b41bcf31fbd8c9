import { create } from 'zustand';
import type { IncomeBucket, IncomeReport } from '@shared/api/income';
import { api, errorMessage } from '@renderer/api/client';

export type IncomeGrain = 'month' | 'year';
/** The range the report covers: everything, the calendar year so far, or the twelve months to today. */
export type IncomeRange = 'all' | 'ytd' | '12m';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface IncomeState {
  report: IncomeReport | null;
  status: Status;
  error: string | null;
  grain: IncomeGrain;
  range: IncomeRange;
  setGrain(grain: IncomeGrain): void;
  setRange(range: IncomeRange): void;
  load(accountId: number | null): Promise<void>;
}

/** The from/to of a range ending `today` (both included); none for all time. */
export function rangeDates(range: IncomeRange, today: string): { from?: string; to?: string } {
  if (range === 'ytd') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  if (range === '12m') {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    // The day after the same date a year ago: 2026-01-09 → 2025-01-10 .. 2026-01-09, twelve whole months.
    const start = new Date(Date.UTC(y - 1, m - 1, d + 1));
    return { from: start.toISOString().slice(0, 10), to: today };
  }
  return {};
}

let requestId = 0;

export const useIncomeStore = create<IncomeState>((set, get) => ({
  report: null,
  status: 'idle',
  error: null,
  grain: 'month',
  range: 'all',
  setGrain(grain) {
    set({ grain });
  },
  setRange(range) {
    set({ range });
  },
  async load(accountId) {
    const id = ++requestId;
    // The backend's day (the report's asOf), not this computer's clock: they differ around midnight and in tests.
    const today = get().report?.asOf ?? new Date().toISOString().slice(0, 10);
    set({ status: get().report === null ? 'loading' : 'ready', error: null });
    try {
      const report = await api.call('income.report', { ...(accountId === null ? {} : { accountId }), ...rangeDates(get().range, today) });
      // A slower earlier answer (another account, another range) must not overwrite a newer one.
      if (id === requestId) set({ report, status: 'ready' });
    } catch (error) {
      if (id === requestId) set({ status: 'error', error: errorMessage(error) });
    }
  },
}));

// One empty list for every call: a selector returning a new [] each time would re-render forever.
const NO_BUCKETS: IncomeBucket[] = [];

/** The bars of the chosen grain. */
export function selectBuckets(s: Pick<IncomeState, 'report' | 'grain'>): IncomeBucket[] {
  if (s.report === null) return NO_BUCKETS;
  return s.grain === 'month' ? s.report.months : s.report.years;
}

/** One bar ready for the chart: net and tax stacked make the gross. */
export interface IncomeBar {
  key: string;
  label: string;
  net: number;
  tax: number;
  gross: number;
}

export function toBars(buckets: readonly IncomeBucket[], label: (key: string) => string): IncomeBar[] {
  return buckets.map((b) => ({ key: b.key, label: label(b.key), net: b.total.net, tax: b.total.tax, gross: b.total.gross }));
}
