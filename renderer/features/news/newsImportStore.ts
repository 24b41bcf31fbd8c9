import { create } from 'zustand';
import type { NewsCsvMapping, NewsImportResult, NewsPreview } from '@shared/api/news';
import { api, errorMessage } from '@renderer/api/client';
import { fileToBase64 } from '@renderer/features/import/inbox';

interface Current {
  fileName: string;
  contentBase64: string;
  mapping?: NewsCsvMapping;
}

export interface ImportSummary extends NewsImportResult {
  fileName: string;
}

interface NewsImportState {
  queue: File[];
  current: Current | null;
  preview: NewsPreview | null;
  status: 'idle' | 'reading' | 'ready' | 'importing';
  error: string | null;
  summaries: ImportSummary[];
  addFiles(files: File[]): void;
  remap(mapping: NewsCsvMapping): Promise<void>;
  commit(skipInvalid: boolean): Promise<void>;
  cancel(): void;
}

export const useNewsImportStore = create<NewsImportState>((set, get) => {
  /** Reads the next queued file and previews it. */
  const next = async (): Promise<void> => {
    const [file, ...rest] = get().queue;
    if (!file) {
      set({ current: null, preview: null, status: 'idle' });
      return;
    }
    set({ queue: rest, status: 'reading', error: null, preview: null, current: null });
    try {
      const current = { fileName: file.name, contentBase64: await fileToBase64(file) };
      set({ current });
      set({ preview: await api.call('news.previewImport', current), status: 'ready' });
    } catch (error) {
      set({ status: 'ready', error: errorMessage(error) });
    }
  };

  return {
    queue: [],
    current: null,
    preview: null,
    status: 'idle',
    error: null,
    summaries: [],
    addFiles(files) {
      if (files.length === 0) return;
      set({ queue: [...get().queue, ...files] });
      if (get().status === 'idle') void next();
    },
    async remap(mapping) {
      const current = get().current;
      if (!current) return;
      const withMapping = { ...current, mapping };
      set({ current: withMapping, status: 'reading', error: null });
      try {
        set({ preview: await api.call('news.previewImport', withMapping), status: 'ready' });
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error) });
      }
    },
    async commit(skipInvalid) {
      const current = get().current;
      if (!current) return;
      set({ status: 'importing', error: null });
      try {
        const result = await api.call('news.import', { ...current, ...(skipInvalid ? { skipInvalid: true } : {}) });
        set({ summaries: [{ ...result, fileName: current.fileName }, ...get().summaries].slice(0, 5) });
        await next();
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error) });
      }
    },
    cancel() {
      void next();
    },
  };
});
