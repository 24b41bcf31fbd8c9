import { create } from 'zustand';
import type { Account, AccountFieldsInput } from '@shared/api/accounts';
import { api, errorMessage } from '@renderer/api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface AccountsState {
  accounts: Account[];
  status: Status;
  error: string | null;
  /** The account Holdings and the Portfolio chart show; null = all accounts together. */
  selectedId: number | null;
  load(): Promise<void>;
  select(id: number | null): void;
  save(fields: AccountFieldsInput, id?: number): Promise<Account>;
  remove(id: number): Promise<void>;
}

export const useAccountsStore = create<AccountsState>((set, get) => ({
  accounts: [],
  status: 'idle',
  error: null,
  selectedId: null,
  async load() {
    set({ status: get().accounts.length > 0 ? 'ready' : 'loading', error: null });
    try {
      const accounts = await api.call('accounts.list', {});
      // A deleted account cannot stay selected: fall back to all accounts.
      const selectedId = accounts.some((a) => a.id === get().selectedId) ? get().selectedId : null;
      set({ accounts, selectedId, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  select(id) {
    set({ selectedId: id });
  },
  async save(fields, id) {
    const saved = id === undefined ? await api.call('accounts.create', fields) : await api.call('accounts.update', { ...fields, id });
    await get().load();
    return saved;
  },
  async remove(id) {
    await api.call('accounts.delete', { id });
    await get().load();
  },
}));

export const selectAccounts = (s: AccountsState): Account[] => s.accounts;
export const selectSelectedAccountId = (s: AccountsState): number | null => s.selectedId;
/** The input field other calls take: omitted for all accounts. */
export function accountScope(id: number | null): { accountId?: number } {
  return id === null ? {} : { accountId: id };
}
