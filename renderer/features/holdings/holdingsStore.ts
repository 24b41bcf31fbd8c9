import { create } from 'zustand';
import { touches, type Topic } from '@shared/api/topics';
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
  /**
   * Asks for the table. `reuseInFlight`: an answer already on its way for the same account will do
   * (the screen mounting while the early call is out), as will the last answer if it is for the same
   * account and nothing the table shows changed since (the early call came back before the first
   * render, main.tsx); without it, a fresh answer (data changed).
   */
  load(options?: { reuseInFlight?: boolean }): Promise<void>;
  sortBy(key: SortKey): void;
}

/** Topics after which the table is recomputed. */
export const HOLDINGS_TOPICS: readonly Topic[] = ['holdings', 'transactions', 'securities', 'prices', 'settings', 'accounts', 'cash'];

/** The call on its way and the scope it asked for: the first screen starts it before React renders (renderer/main.tsx). */
let inFlight: { scope: string; answer: Promise<void> } | null = null;
let latest = 0;
/** Changes to the table's topics seen so far, and the scope and change count of the last answer shown. */
let changes = 0;
let shown: { scope: string; changes: number } | null = null;
api.on('data.changed', ({ topics }) => {
  if (touches(topics, HOLDINGS_TOPICS)) changes++;
});

export const useHoldingsStore = create<HoldingsState>((set, get) => ({
  report: null,
  status: 'idle',
  error: null,
  sort: { key: 'marketValueBase', descending: true },
  load(options) {
    const input = accountScope(useAccountsStore.getState().selectedId);
    const scope = JSON.stringify(input);
    if (options?.reuseInFlight && inFlight?.scope === scope) return inFlight.answer;
    if (options?.reuseInFlight && get().status === 'ready' && shown?.scope === scope && shown.changes === changes) return Promise.resolve();
    const call = ++latest;
    const asked = changes;
    // Keep showing the last table while refreshing; only the first load shows a spinner.
    set({ status: get().report ? 'ready' : 'loading', error: null });
    const answer = (async () => {
      try {
        const report = await api.call('holdings.list', input);
        // An older answer (another account, data since changed) never replaces a newer one.
        if (call === latest) {
          shown = { scope, changes: asked };
          set({ report, status: 'ready' });
        }
      } catch (error) {
        if (call === latest) set({ status: 'error', error: errorMessage(error) });
      }
    })();
    const entry = { scope, answer };
    inFlight = entry;
    void answer.finally(() => {
      if (inFlight === entry) inFlight = null;
    });
    return answer;
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
