import { create } from 'zustand';
import type { NewsCsvMapping, NewsImportResult, NewsPreview } from '@shared/api/news';
import { api, discardStaged, errorMessage } from '@renderer/api/client';
import { isStaged, stageIncoming, type IncomingFile } from '@renderer/stores/importInbox';

type Origin = 'file' | 'paste' | 'link';

/** The file being previewed: staged in the backend (preview and import name its id), or null when staging it failed. */
interface Current {
  stagedId: string | null;
  fileName: string;
  mapping?: NewsCsvMapping;
  origin?: Origin;
}

interface Queued {
  file: IncomingFile;
  origin: Origin;
}

/** What a preview or import call names: the staged id and the user's choices. */
function request(current: Current & { stagedId: string }): { stagedId: string; mapping?: NewsCsvMapping; origin?: Origin } {
  const { stagedId, mapping, origin } = current;
  return { stagedId, ...(mapping ? { mapping } : {}), ...(origin ? { origin } : {}) };
}
const staged = (current: Current | null): (Current & { stagedId: string }) | null => (current?.stagedId ? (current as Current & { stagedId: string }) : null);

/** Pasted clipboard content as a file the preview reads like any other: HTML as a page, else text. */
export function pastedFile(html: string, text: string): File {
  const trimmed = text.trim();
  if (/^https?:\/\/\S+$/.test(trimmed)) return linkFile(trimmed, '');
  return html.trim() !== '' ? new File([html], 'Pasted article.html', { type: 'text/html' }) : new File([text], 'Pasted article.txt', { type: 'text/plain' });
}

/** A dropped link as an Internet Shortcut named after its title, as the desktop makes one. */
export function linkFile(url: string, title: string): File {
  const name = title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 200) || 'link';
  return new File([`[InternetShortcut]\r\nURL=${url}\r\n`], `${name}.url`, { type: 'application/internet-shortcut' });
}

export interface ImportSummary extends NewsImportResult {
  fileName: string;
}

interface NewsImportState {
  queue: Queued[];
  /** Dates the user set for items whose source states none, by item index. */
  dates: Record<number, string>;
  current: Current | null;
  preview: NewsPreview | null;
  status: 'idle' | 'reading' | 'ready' | 'importing';
  error: string | null;
  summaries: ImportSummary[];
  /** Picked or pasted files (staged here, once) or files the inbox staged already. */
  addFiles(files: readonly (File | IncomingFile)[], origin?: Origin): void;
  setDate(itemIndex: number, date: string): void;
  remap(mapping: NewsCsvMapping): Promise<void>;
  commit(skipInvalid: boolean): Promise<void>;
  cancel(): void;
}

export const useNewsImportStore = create<NewsImportState>((set, get) => {
  /** Reads the next queued file and previews it. */
  const next = async (): Promise<void> => {
    const [queued, ...rest] = get().queue;
    if (!queued) {
      set({ current: null, preview: null, status: 'idle' });
      return;
    }
    const { file, origin } = queued;
    set({ queue: rest, status: 'reading', error: null, preview: null, current: null, dates: {} });
    if (!isStaged(file)) {
      set({ current: { stagedId: null, fileName: file.fileName }, status: 'ready', error: file.error });
      return;
    }
    try {
      const current = { stagedId: file.stagedId, fileName: file.fileName, ...(origin !== 'file' ? { origin } : {}) };
      set({ current });
      set({ preview: await api.call('news.previewImport', request(current)), status: 'ready' });
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
    dates: {},
    addFiles(files, origin = 'file') {
      if (files.length === 0) return;
      void Promise.all(files.map((f) => (f instanceof File ? stageIncoming(f) : f))).then((incoming) => {
        set({ queue: [...get().queue, ...incoming.map((file) => ({ file, origin }))] });
        if (get().status === 'idle') void next();
      });
    },
    setDate(itemIndex, date) {
      set({ dates: { ...get().dates, [itemIndex]: date } });
    },
    async remap(mapping) {
      const current = staged(get().current);
      if (!current) return;
      const withMapping = { ...current, mapping };
      set({ current: withMapping, status: 'reading', error: null });
      try {
        set({ preview: await api.call('news.previewImport', request(withMapping)), status: 'ready' });
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error) });
      }
    },
    async commit(skipInvalid) {
      const current = staged(get().current);
      if (!current) return;
      set({ status: 'importing', error: null });
      try {
        const dates = Object.entries(get().dates)
          .filter(([, date]) => date !== '')
          .map(([itemIndex, date]) => ({ itemIndex: Number(itemIndex), date }));
        const result = await api.call('news.import', { ...request(current), ...(skipInvalid ? { skipInvalid: true } : {}), ...(dates.length > 0 ? { dates } : {}) });
        set({ summaries: [{ ...result, fileName: current.fileName }, ...get().summaries].slice(0, 5) });
        await next();
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error) });
      }
    },
    cancel() {
      const current = staged(get().current);
      if (current) discardStaged(current.stagedId);
      void next();
    },
  };
});
