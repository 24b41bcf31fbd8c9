import { create } from 'zustand';
import type { Topic } from '@shared/api/topics';
import type { Holding, HoldingsReport } from '@shared/api/holdings';
import { api, errorMessage } from '@renderer/api/client';
import { accountScope, useAccountsStore } from '@renderer/features/accounts/accountsStore';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export type SortKey =
  | 'symbol'
  | 'quantity'
  | 'averageCost'
  | 'costBasis'
  | 'lastPrice'
  | 'marketValueBase'
  | 'unrealizedPnlBase'
  | 'unrealizedPnlBasePct'
  | 'realizedPnlBase'
  | 'dividendsBase'
  | 'dayChange'
  | 'weight';

interface HoldingsState {
  report: HoldingsReport | null;
  status: Status;
  error: string | null;
  sort: { key: SortKey; descending: boolean };
  load(): Promise<void>;
  sortBy(key: SortKey): void;
}

/** Topics after which the table is recomputed. */
export const HOLDINGS_TOPICS: readonly Topic[] = ['holdings', 'transactions', 'securities', 'prices', 'settings', 'accounts', 'cash'];

export const useHoldingsStore = create<HoldingsState>((set, get) => ({
  report: null,
  status: 'idle',
  error: null,
  sort: { key: 'marketValueBase', descending: true },
  async load() {
    // Keep showing the last table while refreshing; only the first load shows a spinner.
    set({ status: get().report ? 'ready' : 'loading', error: null });
    try {
      set({ report: await api.call('holdings.list', accountScope(useAccountsStore.getState().selectedId)), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  sortBy(key) {
    const { sort } = get();
    set({ sort: { key, descending: sort.key === key ? !sort.descending : key !== 'symbol' } });
  },
}));

function sortValue(h: Holding, key: SortKey): number | string | null {
  switch (key) {
    case 'symbol':
      return h.symbol;
    case 'dayChange':
      return h.dayChange?.amountBase ?? null;
    default:
      return h[key];
  }
}

/** Holdings in the chosen order; unknown values (no price, no rate) always last. */
export function sortHoldings(holdings: readonly Holding[], key: SortKey, descending: boolean): Holding[] {
  return [...holdings].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null && y === null) return a.symbol.localeCompare(b.symbol);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return descending ? -order : order;
  });
}
