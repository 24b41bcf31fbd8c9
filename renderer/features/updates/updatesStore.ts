import { create } from 'zustand';
import type { UpdateSettings, UpdateStatus } from '@shared/api/updates';
import { api, errorMessage } from '@renderer/api/client';

interface UpdatesState {
  settings: UpdateSettings | null;
  error: string | null;
  saving: boolean;
  /** Set after "Check Now": the answer comes as a native dialog, this only says it is on its way. */
  checking: boolean;
  /** The desktop updater's download: from updates.settings at start, then each updates.status event. */
  status: UpdateStatus;
  /** After "Restart to update": the app is closing; or why it could not. */
  installing: boolean;
  installError: string | null;
  load(): Promise<void>;
  setStatus(status: UpdateStatus): void;
  install(): Promise<void>;
  setCheckAtStart(on: boolean): Promise<void>;
  checkNow(): Promise<void>;
}

// Counts updates.status events, so a slower updates.settings answer never puts back an older state.
let statusEvents = 0;

export const useUpdatesStore = create<UpdatesState>((set) => ({
  settings: null,
  error: null,
  saving: false,
  checking: false,
  status: { state: 'idle' },
  installing: false,
  installError: null,
  async load() {
    const eventsBefore = statusEvents;
    try {
      const settings = await api.call('updates.settings', {});
      set(eventsBefore === statusEvents ? { settings, status: settings.status, error: null } : { settings, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  setStatus(status) {
    statusEvents += 1;
    set({ status, installError: null });
  },
  async install() {
    set({ installing: true, installError: null });
    try {
      const { started } = await api.call('updates.install', {});
      if (!started) set({ installing: false });
    } catch (error) {
      set({ installing: false, installError: errorMessage(error) });
    }
  },
  async setCheckAtStart(on) {
    set({ saving: true, error: null });
    try {
      const settings = await api.call('updates.setCheckAtStart', { checkAtStart: on });
      set({ settings, saving: false });
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
