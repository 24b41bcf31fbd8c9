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
  /** Fetches page `index` of the current filter unless it is loaded or on its way. */
  loadPage(index: number): Promise<void>;
  loadSecurities(): Promise<void>;
  select(id: number | null): Promise<void>;
  changeLinks(change: { add?: number[]; remove?: number[] }): Promise<void>;
  create(input: MethodInput<'news.create'>): Promise<SaveResult>;
  update(id: number, patch: MethodInput<'news.update'>['patch']): Promise<SaveResult>;
  deleteSelected(): Promise<void>;
}

let listRequest = 0;
let detailRequest = 0;
/** Pages being fetched for the current listRequest. */
const pagesInFlight = new Set<number>();

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
    pagesInFlight.clear();
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

  async loadPage(index) {
    const request = listRequest;
    if (get().pages[index] || pagesInFlight.has(index) || get().list === null) return;
    pagesInFlight.add(index);
    try {
      const page = await api.call('news.list', { ...filterInput(get().filters), limit: PAGE_SIZE, offset: index * PAGE_SIZE, facets: false });
      if (request !== listRequest) return;
      set({ pages: { ...get().pages, [index]: page.items } });
    } catch (error) {
      if (request !== listRequest) return;
      set({ listError: errorMessage(error) });
    } finally {
      if (request === listRequest) pagesInFlight.delete(index);
    }
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
