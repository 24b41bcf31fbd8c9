import { create } from 'zustand';
import type { Topic } from '@shared/api/topics';
import type { Listing, Security } from '@shared/api/securities';
import { api, errorMessage } from '@renderer/api/client';

interface SecurityDetailState {
  securityId: number | null;
  security: Security | null;
  issuerName: string | null;
  listings: Listing[];
  /** All stored securities, for the benchmark choice. */
  all: Security[];
  error: string | null;
  loadDetail(securityId: number): Promise<void>;
  addListing(symbol: string): Promise<void>;
  setBenchmark(benchmarkId: number | null): Promise<void>;
}

export const SECURITY_TOPICS: readonly Topic[] = ['transactions', 'securities', 'prices'];

export const useSecurityDetailStore = create<SecurityDetailState>((set, get) => ({
  securityId: null,
  security: null,
  issuerName: null,
  listings: [],
  all: [],
  error: null,
  async loadDetail(securityId) {
    if (get().securityId !== securityId) set({ securityId, security: null, listings: [], error: null });
    try {
      const [got, side, all] = await Promise.all([
        api.call('securities.get', { id: securityId }),
        api.call('securities.listings', { id: securityId }),
        api.call('securities.list', {}),
      ]);
      if (get().securityId !== securityId) return;
      set({ security: got.security, issuerName: got.issuer?.name ?? null, listings: side.listings, all, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async addListing(symbol) {
    try {
      await api.call('securities.create', { catalogueSymbol: symbol });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async setBenchmark(benchmarkId) {
    const id = get().securityId;
    if (id === null) return;
    try {
      await api.call('securities.setBenchmark', { id, benchmarkId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
