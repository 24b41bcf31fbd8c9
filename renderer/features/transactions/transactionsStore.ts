import { create } from 'zustand';
import type { Transaction } from '@shared/api/transactions';
import { api, errorMessage } from '@renderer/api/client';

interface TransactionsState {
  securityId: number | null;
  transactions: Transaction[];
  loading: boolean;
  error: string | null;
  /** Rows of the last delete, for the Undo toast; cleared when undone or dismissed. */
  lastDeleted: Transaction[] | null;
  load(securityId: number | null): Promise<void>;
  remove(ids: number[]): Promise<void>;
  undo(): Promise<void>;
  dismissUndo(): void;
}

export const useTransactionsStore = create<TransactionsState>((set, get) => ({
  securityId: null,
  transactions: [],
  loading: false,
  error: null,
  lastDeleted: null,
  async load(securityId) {
    const changed = securityId !== get().securityId;
    set({ securityId, loading: true, error: null, ...(changed ? { transactions: [] } : {}) });
    try {
      const rows = await api.call('transactions.list', securityId === null ? {} : { securityId });
      if (get().securityId === securityId) set({ transactions: rows, loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  async remove(ids) {
    set({ error: null });
    try {
      const { deleted } = await api.call('transactions.delete', { ids });
      set({ lastDeleted: deleted });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async undo() {
    const rows = get().lastDeleted;
    if (!rows) return;
    set({ lastDeleted: null });
    try {
      await api.call('transactions.restore', { transactions: rows });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  dismissUndo() {
    set({ lastDeleted: null });
  },
}));
