import { create } from 'zustand';
import { api, discardStaged, errorMessage, stageFile } from '@renderer/api/client';
import { i18n } from '@renderer/i18n/i18n';
import { useSettingsStore } from '@renderer/stores/settingsStore';
import type { BackupStatus } from '@shared/api/backup';
import type { StagedFile } from '@shared/api/files';
import type { ExportedFile } from '@shared/api/export';
import { base64ToBytes, saveFile } from './download';

type Busy = 'backup' | 'restore' | 'export-json' | 'export-csv' | null;

export interface Notice {
  kind: 'success' | 'error';
  title: string;
  text: string;
}

interface BackupState {
  status: BackupStatus | null;
  loadError: string | null;
  busy: Busy;
  notice: Notice | null;
  /** A backup file the user chose, waiting for "Replace my data". */
  pendingRestore: StagedFile | null;
  /** CSV files of the last export, each saved with its own button. */
  csvFiles: ExportedFile[] | null;
  /** File ▸ Export… asked the section to show its export buttons. */
  exportFocusPending: boolean;
  load(): Promise<void>;
  backup(): Promise<void>;
  chooseRestore(file: StagedFile): void;
  /** A backup picked in the page: staged once, then waiting for "Replace my data". */
  pickRestore(file: File): Promise<void>;
  cancelRestore(): void;
  confirmRestore(): Promise<void>;
  exportJson(): Promise<void>;
  exportCsv(): Promise<void>;
  requestExport(): void;
  exportFocused(): void;
  dismissNotice(): void;
}

export const useBackupStore = create<BackupState>((set, get) => ({
  status: null,
  loadError: null,
  busy: null,
  notice: null,
  pendingRestore: null,
  csvFiles: null,
  exportFocusPending: false,

  async load() {
    try {
      set({ status: await api.call('backup.status', {}), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  async backup() {
    if (get().busy) return;
    set({ busy: 'backup', notice: null });
    try {
      const file = await api.call('backup.create', {});
      saveFile(file.fileName, 'application/vnd.sqlite3', base64ToBytes(file.contentBase64));
      set({
        notice: {
          kind: 'success',
          title: i18n.t('settings:backup.backupReady'),
          text: i18n.t('settings:backup.backupReadyText', { fileName: file.fileName }),
        },
      });
    } catch (error) {
      set({ notice: { kind: 'error', title: i18n.t('settings:backup.backupFailed'), text: errorMessage(error) } });
    } finally {
      set({ busy: null });
    }
  },

  chooseRestore(file) {
    const earlier = get().pendingRestore;
    if (earlier) discardStaged(earlier.stagedId);
    set({ pendingRestore: file, notice: null });
  },

  async pickRestore(file) {
    try {
      get().chooseRestore(await stageFile(file));
    } catch (error) {
      set({ notice: { kind: 'error', title: i18n.t('settings:backup.restoreFailed'), text: errorMessage(error) } });
    }
  },

  cancelRestore() {
    const file = get().pendingRestore;
    if (file) discardStaged(file.stagedId);
    set({ pendingRestore: null });
  },

  async confirmRestore() {
    const file = get().pendingRestore;
    if (!file || get().busy) return;
    set({ busy: 'restore', notice: null });
    try {
      const result = await api.call('backup.restore', { file: { stagedId: file.stagedId } });
      set({
        pendingRestore: null,
        notice: {
          kind: 'success',
          title: i18n.t('settings:backup.restored'),
          text: i18n.t('settings:backup.restoredText', { fileName: file.fileName, safetyCopy: result.safetyCopy }),
        },
      });
      await Promise.all([get().load(), useSettingsStore.getState().load()]);
    } catch (error) {
      discardStaged(file.stagedId);
      set({ pendingRestore: null, notice: { kind: 'error', title: i18n.t('settings:backup.restoreFailed'), text: errorMessage(error) } });
    } finally {
      set({ busy: null });
    }
  },

  async exportJson() {
    if (get().busy) return;
    set({ busy: 'export-json', notice: null });
    try {
      const { files } = await api.call('export.all', { format: 'json' });
      for (const file of files) saveFile(file.fileName, file.mimeType, file.content);
      set({ notice: { kind: 'success', title: i18n.t('settings:backup.exportReady'), text: i18n.t('settings:backup.exportReadyText', { fileName: files[0]?.fileName ?? '' }) } });
    } catch (error) {
      set({ notice: { kind: 'error', title: i18n.t('settings:backup.exportFailed'), text: errorMessage(error) } });
    } finally {
      set({ busy: null });
    }
  },

  async exportCsv() {
    if (get().busy) return;
    set({ busy: 'export-csv', notice: null });
    try {
      const { files } = await api.call('export.all', { format: 'csv' });
      set({ csvFiles: files });
    } catch (error) {
      set({ notice: { kind: 'error', title: i18n.t('settings:backup.exportFailed'), text: errorMessage(error) } });
    } finally {
      set({ busy: null });
    }
  },

  requestExport() {
    set({ exportFocusPending: true });
  },

  exportFocused() {
    set({ exportFocusPending: false });
  },

  dismissNotice() {
    set({ notice: null });
  },
}));
