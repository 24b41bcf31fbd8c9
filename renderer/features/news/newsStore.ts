import { create } from 'zustand';
import type { MethodInput } from '@shared/api/contract';
import type { LinkedSecurity, NewsEventDetail, NewsList, NewsListItem } from '@shared/api/news';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface NewsFilters {
  search: string;
  securityId: number | null;
  from: string;
  to: string;
  tag: string;
  source: string;
}

export const EMPTY_FILTERS: NewsFilters = { search: '', securityId: null, from: '', to: '', tag: '', source: '' };
/** Events per news.list call; the list fetches the pages the user scrolls to. */
export const PAGE_SIZE = 100;
const MAX_PAGES_PER_CALL = 5;

/** A saved event, or why not: the message and the API's details (which field). */
export type SaveResult = { ok: true; detail: NewsEventDetail } | { ok: false; message: string; details: unknown };

function failed(error: unknown): SaveResult {
  return { ok: false, message: errorMessage(error), details: error instanceof ApiCallError ? error.details : undefined };
}

interface NewsState {
  filters: NewsFilters;
  /** The first page, with the total and the filter facets. */
  list: NewsList | null;
  /** Loaded pages of the current filter, by page number (page 0 is list.items). */
  pages: Record<number, NewsListItem[]>;
  listStatus: Status;
  listError: string | null;
  selectedId: number | null;
  detail: NewsEventDetail | null;
  detailStatus: Status;
  detailError: string | null;
  /** Every security, for "add link" and the security filter. */
  securities: LinkedSecurity[];
  busy: boolean;
  actionError: string | null;
  setFilters(patch: Partial<NewsFilters>): void;
  clearFilters(): void;
  loadList(): Promise<void>;
  /**
   * The list shows rows first..last (indexes in the filter's order): fetches the pages they are on
   * that are not loaded, in one call. While a call is on its way only the latest window waits, so a
   * fast scroll or a jump to the end fetches where the user stopped, not every page on the way.
   */
  showRows(first: number, last: number): void;
  loadSecurities(): Promise<void>;
  select(id: number | null): Promise<void>;
  changeLinks(change: { add?: number[]; remove?: number[] }): Promise<void>;
  create(input: MethodInput<'news.create'>): Promise<SaveResult>;
  update(id: number, patch: MethodInput<'news.update'>['patch']): Promise<SaveResult>;
  deleteSelected(): Promise<void>;
}

let listRequest = 0;
let detailRequest = 0;
/** The rows the list showed last while a page call was on its way; fetched when it is answered. */
let wantedRows: { first: number; last: number } | null = null;
let pageCallOnItsWay = false;

function filterInput(filters: NewsFilters): Omit<MethodInput<'news.list'>, 'limit' | 'offset'> {
  return {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.securityId !== null ? { securityId: filters.securityId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.source ? { source: filters.source } : {}),
  };
}

export const useNewsStore = create<NewsState>((set, get) => ({
  filters: EMPTY_FILTERS,
  list: null,
  pages: {},
  listStatus: 'idle',
  listError: null,
  selectedId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  securities: [],
  busy: false,
  actionError: null,

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().loadList();
  },
  clearFilters() {
    set({ filters: EMPTY_FILTERS });
    void get().loadList();
  },

  async loadList() {
    const request = ++listRequest;
    const { filters } = get();
    if (get().list === null) set({ listStatus: 'loading' });
    try {
      const list = await api.call('news.list', { ...filterInput(filters), limit: PAGE_SIZE, offset: 0 });
      if (request !== listRequest) return;
      set({ list, pages: { 0: list.items }, listStatus: 'ready', listError: null });
    } catch (error) {
      if (request !== listRequest) return;
      set({ listStatus: 'error', listError: errorMessage(error) });
    }
  },

  showRows(first, last) {
    wantedRows = { first, last };
    if (pageCallOnItsWay) return;
    pageCallOnItsWay = true;
    void (async () => {
      try {
        while (wantedRows) {
          const rows: { first: number; last: number } = wantedRows;
          wantedRows = null;
          const { pages, list, filters } = get();
          if (list === null) continue;
          const missing: number[] = [];
          for (let page = Math.floor(rows.first / PAGE_SIZE); page <= Math.floor(rows.last / PAGE_SIZE); page++) if (!pages[page]) missing.push(page);
          const from = missing[0];
          const last = missing[missing.length - 1];
          if (from === undefined || last === undefined) continue;
          // The API answers at most 500 events a call; a taller window takes more than one.
          const to = Math.min(last, from + MAX_PAGES_PER_CALL - 1);
          if (to < last) wantedRows ??= rows;
          const request = listRequest;
          try {
            const answer = await api.call('news.list', { ...filterInput(filters), limit: (to - from + 1) * PAGE_SIZE, offset: from * PAGE_SIZE, facets: false });
            if (request !== listRequest) continue;
            const loaded: Record<number, NewsListItem[]> = { ...get().pages };
            for (let page = from; page <= to; page++) loaded[page] = answer.items.slice((page - from) * PAGE_SIZE, (page - from + 1) * PAGE_SIZE);
            set({ pages: loaded });
          } catch (error) {
            if (request === listRequest) set({ listError: errorMessage(error) });
          }
        }
      } finally {
        pageCallOnItsWay = false;
      }
    })();
  },

  async loadSecurities() {
    try {
      set({ securities: await api.call('news.securities', {}) });
    } catch {
      // The add-link control simply offers nothing; the list and detail still work.
    }
  },

  async select(id) {
    const request = ++detailRequest;
    set({ selectedId: id, actionError: null });
    if (id === null) {
      set({ detail: null, detailStatus: 'idle' });
      return;
    }
    if (get().detail?.id !== id) set({ detailStatus: 'loading' });
    try {
      const detail = await api.call('news.get', { id });
      if (request !== detailRequest) return;
      set({ detail, detailStatus: 'ready', detailError: null });
    } catch (error) {
      if (request !== detailRequest) return;
      set({ detail: null, detailStatus: 'error', detailError: errorMessage(error) });
    }
  },

  async changeLinks(change) {
    const id = get().selectedId;
    if (id === null) return;
    set({ busy: true, actionError: null });
    try {
      const detail = await api.call('news.updateLinks', { id, ...change });
      set({ detail, busy: false });
    } catch (error) {
      set({ busy: false, actionError: errorMessage(error) });
    }
  },

  async create(input) {
    set({ busy: true, actionError: null });
    try {
      const detail = await api.call('news.create', input);
      set({ busy: false, detail, selectedId: detail.id, detailStatus: 'ready' });
      return { ok: true, detail };
    } catch (error) {
      set({ busy: false });
      return failed(error);
    }
  },

  async update(id, patch) {
    set({ busy: true, actionError: null });
    try {
      const detail = await api.call('news.update', { id, patch });
      if (get().selectedId === id) set({ detail, detailStatus: 'ready' });
      set({ busy: false });
      // The list shows the new headline without waiting for the change notice.
      void get().loadList();
      return { ok: true, detail };
    } catch (error) {
      set({ busy: false });
      return failed(error);
    }
  },

  async deleteSelected() {
    const id = get().selectedId;
    if (id === null) return;
    set({ busy: true, actionError: null });
    try {
      await api.call('news.delete', { id });
      set({ busy: false, selectedId: null, detail: null, detailStatus: 'idle' });
    } catch (error) {
      set({ busy: false, actionError: errorMessage(error) });
    }
  },
}));

/** Refetch when news or securities change (imports, link edits, other windows). */
export function subscribeNewsChanges(): () => void {
  return api.on('data.changed', ({ topics }) => {
    if (!topics.some((t) => t === 'news' || t === 'securities')) return;
    const state = useNewsStore.getState();
    void state.loadList();
    void state.loadSecurities();
    if (state.selectedId !== null) void state.select(state.selectedId);
  });
}

export const useHasFilters = (): boolean =>
  useNewsStore((s) => {
    const f = s.filters;
    return f.search !== '' || f.securityId !== null || f.from !== '' || f.to !== '' || f.tag !== '' || f.source !== '';
  });
