import { create } from 'zustand';
import type { Topic } from '@shared/api/topics';
import { api, errorMessage } from '@renderer/api/client';
import { accountScope, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import type { ChartSecurity, Comparison, EventImpacts, PortfolioHistory, PriceHistory } from '@shared/api/charts';
import type { DemoStatus } from '@shared/api/demo';
import { CHART_RANGES, rangeStart, type ChartRange } from '@shared/domain/charts/ranges';
import { toggleCompared } from './compareSelection';

export type ChartsTab = 'price' | 'compare' | 'portfolio';
export type Loadable<T> = { status: 'idle' | 'loading' | 'ready' | 'error'; data: T | null; error: string | null };

const idle = <T,>(): Loadable<T> => ({ status: 'idle', data: null, error: null });

/** Topics whose changes can alter any chart. */
export const CHART_TOPICS: readonly Topic[] = ['securities', 'prices', 'transactions', 'news', 'settings', 'demo', 'holdings'];

interface ChartsState {
  tab: ChartsTab;
  range: ChartRange;
  securities: Loadable<ChartSecurity[]>;
  selectedId: number | null;
  compareIds: number[];
  price: Loadable<PriceHistory>;
  impacts: Loadable<EventImpacts>;
  compare: Loadable<Comparison>;
  portfolio: Loadable<PortfolioHistory>;
  demo: DemoStatus | null;
  setTab(tab: ChartsTab): void;
  setRange(range: ChartRange): void;
  select(id: number): void;
  toggleCompare(id: number): void;
  loadSecurities(): Promise<void>;
  refresh(): Promise<void>;
}

/** The visible window for a range, from the security's (or portfolio's) data extent. */
export function windowFor(range: ChartRange, firstDate: string | null, lastDate: string | null): { from?: string; to?: string } {
  if (!firstDate || !lastDate) return {};
  return { from: rangeStart(range, lastDate, firstDate), to: lastDate };
}

function chartable(list: readonly ChartSecurity[]): ChartSecurity[] {
  return list.filter((s) => s.barCount > 0 && s.kind !== 'fx');
}

/** The user's securities with prices: held ones first, then by symbol. */
export const pickerSecurities = (list: readonly ChartSecurity[] | null): ChartSecurity[] =>
  chartable(list ?? []).sort((a, b) => Number(b.quantity > 0) - Number(a.quantity > 0) || a.symbol.localeCompare(b.symbol));

// Each request carries a sequence number so a slow answer never overwrites a newer one.
let sequence = 0;
/** The Portfolio tab's call on its way, and what it asked for. */
let portfolioCall: { key: string; done: Promise<void> } | null = null;

export const useChartsStore = create<ChartsState>((set, get) => {
  async function load<K extends 'price' | 'impacts' | 'compare' | 'portfolio'>(key: K, fetcher: () => Promise<ChartsState[K]['data']>): Promise<void> {
    const mine = ++sequence;
    set({ [key]: { status: 'loading', data: get()[key].data, error: null } } as Partial<ChartsState>);
    try {
      const data = await fetcher();
      if (mine === sequence || get()[key].status === 'loading') set({ [key]: { status: 'ready', data, error: null } } as Partial<ChartsState>);
    } catch (error) {
      set({ [key]: { status: 'error', data: null, error: errorMessage(error) } } as Partial<ChartsState>);
    }
  }

  return {
    tab: 'price',
    range: '1Y',
    securities: idle(),
    selectedId: null,
    compareIds: [],
    price: idle(),
    impacts: idle(),
    compare: idle(),
    portfolio: idle(),
    demo: null,
    setTab(tab) {
      set({ tab });
      void get().refresh();
    },
    setRange(range) {
      set({ range });
      void get().refresh();
    },
    select(id) {
      set({ selectedId: id });
      void get().refresh();
    },
    toggleCompare(id) {
      const ids = get().compareIds;
      const next = toggleCompared(ids, id);
      if (next === ids) return;
      set({ compareIds: [...next] });
      void get().refresh();
    },
    async loadSecurities() {
      set({ securities: { ...get().securities, status: get().securities.data ? 'ready' : 'loading' } });
      try {
        const [list, demo] = await Promise.all([api.call('charts.securities', {}), api.call('demo.status', {})]);
        const picker = pickerSecurities(list);
        const { selectedId, compareIds } = get();
        const ids = new Set(picker.map((s) => s.id));
        const selected = selectedId !== null && ids.has(selectedId) ? selectedId : (picker[0]?.id ?? null);
        const stillThere = compareIds.filter((id) => ids.has(id));
        const compare = stillThere.length > 0 ? stillThere : picker.filter((s) => s.kind !== 'index').slice(0, 3).map((s) => s.id);
        set({ securities: { status: 'ready', data: list, error: null }, selectedId: selected, compareIds: compare, demo });
      } catch (error) {
        set({ securities: { status: 'error', data: null, error: errorMessage(error) } });
      }
      await get().refresh();
    },
    async refresh() {
      const { tab, range, selectedId, compareIds, securities } = get();
      const list = securities.data ?? [];
      if (tab === 'price' && selectedId !== null) {
        const s = list.find((x) => x.id === selectedId);
        const window = windowFor(range, s?.firstDate ?? null, s?.lastDate ?? null);
        await Promise.all([
          load('price', () => api.call('charts.priceSeries', { securityId: selectedId, ...window, maxPoints: 1200 })),
          load('impacts', () => api.call('charts.eventImpacts', { securityId: selectedId })),
        ]);
      } else if (tab === 'compare' && compareIds.length > 0) {
        const chosen = list.filter((x) => compareIds.includes(x.id));
        const last = chosen.reduce<string | null>((m, s) => (s.lastDate && (!m || s.lastDate > m) ? s.lastDate : m), null);
        const first = chosen.reduce<string | null>((m, s) => (s.firstDate && (!m || s.firstDate > m) ? s.firstDate : m), null);
        await load('compare', () => api.call('charts.compare', { securityIds: compareIds, ...windowFor(range, first, last), maxPoints: 1000 }));
      } else if (tab === 'portfolio') {
        // The Accounts switcher's choice; omitted = all accounts.
        const scope = accountScope(useAccountsStore.getState().selectedId);
        const previous = get().portfolio.data;
        const window = windowFor(range, previous?.firstDate ?? null, previous?.lastDate ?? null);
        // Opening the tab refreshes from the store and from the tab itself: one call serves both
        // (each answer redraws every chart of the tab).
        const key = JSON.stringify([window, scope, previous === null]);
        if (portfolioCall?.key === key) return portfolioCall.done;
        const done = (async () => {
          await load('portfolio', () => api.call('charts.portfolio', { ...window, ...scope, maxPoints: 1000 }));
          // The first answer tells the extent; ask again for the range the user chose.
          const data = get().portfolio.data;
          if (!previous && data?.firstDate && range !== 'Max') {
            await load('portfolio', () => api.call('charts.portfolio', { ...windowFor(range, data.firstDate, data.lastDate), ...scope, maxPoints: 1000 }));
          }
        })();
        const call = { key, done };
        portfolioCall = call;
        await done.finally(() => {
          if (portfolioCall === call) portfolioCall = null;
        });
      }
    },
  };
});

export { CHART_RANGES };
export const useSelectedSecurity = (): ChartSecurity | null =>
  useChartsStore((s) => s.securities.data?.find((x) => x.id === s.selectedId) ?? null);
