import { create } from 'zustand';
import { touches, type Topic } from '@shared/api/topics';
import { api, errorMessage } from '@renderer/api/client';
import { accountScope, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import type { ChartSecurity, Comparison, EventImpacts, PortfolioHistory, PriceHistory } from '@shared/api/charts';
import type { MethodInput } from '@shared/api/contract';
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
  /**
   * While another screen is idle: the securities and the first chart (price and impacts) the screen
   * will open on, so it draws in its first frame. Only before the screen's first visit.
   */
  prefetch(): Promise<void>;
  /** The screen opening: nothing to ask when a prefetch is there and nothing changed since; else everything. */
  open(): Promise<void>;
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
/** Chart-relevant changes seen so far; a prefetch counts only if none came since it started. */
let changes = 0;
/** `changes` when the last complete prefetch began, or -1: none to use. */
let prefetchedAt = -1;
/** The prefetch on its way, if any. */
let prefetching: Promise<void> | null = null;
api.on('data.changed', ({ topics }) => {
  if (touches(topics, CHART_TOPICS)) changes++;
});

/** The price chart's call for the chosen security and range. */
function priceInput(security: ChartSecurity | undefined, securityId: number, range: ChartRange): MethodInput<'charts.priceSeries'> {
  return { securityId, ...windowFor(range, security?.firstDate ?? null, security?.lastDate ?? null), maxPoints: 1200 };
}
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

  /** The securities list and demo status; keeps the chosen security and compare set where they still exist. */
  async function fetchSecurities(): Promise<void> {
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
      await fetchSecurities();
      await get().refresh();
    },
    prefetch() {
      if (get().securities.status !== 'idle') return prefetching ?? Promise.resolve();
      const at = changes;
      prefetching = (async () => {
        await fetchSecurities();
        const { selectedId, securities, range } = get();
        if (selectedId === null) return;
        await Promise.all([
          load('price', () => api.call('charts.priceSeries', priceInput(securities.data?.find((x) => x.id === selectedId), selectedId, range))),
          load('impacts', () => api.call('charts.eventImpacts', { securityId: selectedId })),
        ]);
        const { price, impacts, selectedId: still } = get();
        if (changes === at && still === selectedId && price.status === 'ready' && impacts.status === 'ready') prefetchedAt = at;
      })().finally(() => {
        prefetching = null;
      });
      return prefetching;
    },
    async open() {
      // Opened while the prefetch is on its way: its answers, not a second set of the same calls.
      if (prefetching) await prefetching;
      const fresh = prefetchedAt === changes && get().tab === 'price';
      prefetchedAt = -1;
      if (!fresh) await get().loadSecurities();
    },
    async refresh() {
      const { tab, range, selectedId, compareIds, securities } = get();
      const list = securities.data ?? [];
      if (tab === 'price' && selectedId !== null) {
        await Promise.all([
          load('price', () => api.call('charts.priceSeries', priceInput(list.find((x) => x.id === selectedId), selectedId, range))),
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
