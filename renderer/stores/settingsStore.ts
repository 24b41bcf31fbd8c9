import { create } from 'zustand';
import type { Settings } from '@shared/api/settings';
import { api, errorMessage } from '@renderer/api/client';
import { setNumberLocale } from '@renderer/i18n/i18n';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface SettingsState {
  settings: Settings | null;
  status: Status;
  error: string | null;
  saving: boolean;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  status: 'idle',
  error: null,
  saving: false,
  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ settings: await api.call('settings.get', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async update(patch) {
    set({ saving: true, error: null });
    try {
      set({ settings: await api.call('settings.update', patch), saving: false });
      return true;
    } catch (error) {
      set({ saving: false, error: errorMessage(error) });
      return false;
    }
  },
}));

/** Number and date format until the settings are in. */
export const FALLBACK_LOCALE = 'en-GB';

// Numbers inside translated texts follow the same format as the rest, from the first frame on.
setNumberLocale(FALLBACK_LOCALE);
useSettingsStore.subscribe((s) => setNumberLocale(s.settings?.locale ?? FALLBACK_LOCALE));

/** Selectors other features use to format numbers the user's way. */
export const useLocale = (): string => useSettingsStore((s) => s.settings?.locale ?? FALLBACK_LOCALE);
export const useBaseCurrency = (): string => useSettingsStore((s) => s.settings?.baseCurrency ?? 'EUR');
