import { create } from 'zustand';
import type { UpdateSettings } from '@shared/api/updates';
import { api, errorMessage } from '@renderer/api/client';

interface UpdatesState {
  settings: UpdateSettings | null;
  error: string | null;
  saving: boolean;
  /** Set after "Check Now": the answer comes as a native dialog, this only says it is on its way. */
  checking: boolean;
  load(): Promise<void>;
  setCheckAtStart(on: boolean): Promise<void>;
  checkNow(): Promise<void>;
}

export const useUpdatesStore = create<UpdatesState>((set) => ({
  settings: null,
  error: null,
  saving: false,
  checking: false,
  async load() {
    try {
      set({ settings: await api.call('updates.settings', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async setCheckAtStart(on) {
    set({ saving: true, error: null });
    try {
      set({ settings: await api.call('updates.setCheckAtStart', { checkAtStart: on }), saving: false });
    } catch (error) {
      set({ saving: false, error: errorMessage(error) });
    }
  },
  async checkNow() {
    set({ error: null });
    try {
      const { started } = await api.call('updates.check', {});
      set({ checking: started });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
