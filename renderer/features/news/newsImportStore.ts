import { create } from 'zustand';
import type { NewsCsvMapping, NewsImportResult, NewsPreview } from '@shared/api/news';
import { api, discardStaged, errorMessage } from '@renderer/api/client';
import { isStaged, stageIncoming, type IncomingFile } from '@renderer/stores/importInbox';
import type { NewsJobProgress } from './newsProgress';

type Origin = 'file' | 'paste' | 'link';

/** The file being previewed: staged in the backend (preview and import name its id), or null when staging it failed. */
interface Current {
  stagedId: string | null;
  fileName: string;
  mapping?: NewsCsvMapping;
  origin?: Origin;
}

let jobs = 0;
/** A job id the backend tags this preview's or import's `import.progress` events with, and the bar's starting point. */
function startJob(kind: NewsJobProgress['kind']): { jobId: string; progress: NewsJobProgress } {
  jobs += 1;
  return { jobId: `news-${kind}-${Date.now()}-${jobs}`, progress: { kind, phase: 'reading', done: 0, total: 1 } };
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
  /** The running preview's or import's progress (from `import.progress` events of `jobId`), null when none runs. */
  progress: NewsJobProgress | null;
  jobId: string | null;
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
    const job = startJob('preview');
    set(job);
    try {
      const current = { stagedId: file.stagedId, fileName: file.fileName, ...(origin !== 'file' ? { origin } : {}) };
      set({ current });
      set({ preview: await api.call('news.previewImport', { ...request(current), jobId: job.jobId }), status: 'ready', progress: null, jobId: null });
    } catch (error) {
      set({ status: 'ready', error: errorMessage(error), progress: null, jobId: null });
    }
  };

  return {
    queue: [],
    current: null,
    preview: null,
    status: 'idle',
    progress: null,
    jobId: null,
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
      const job = startJob('preview');
      set({ current: withMapping, status: 'reading', error: null, ...job });
      try {
        set({ preview: await api.call('news.previewImport', { ...request(withMapping), jobId: job.jobId }), status: 'ready', progress: null, jobId: null });
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error), progress: null, jobId: null });
      }
    },
    async commit(skipInvalid) {
      const current = staged(get().current);
      if (!current) return;
      const job = startJob('import');
      set({ status: 'importing', error: null, ...job });
      try {
        const dates = Object.entries(get().dates)
          .filter(([, date]) => date !== '')
          .map(([itemIndex, date]) => ({ itemIndex: Number(itemIndex), date }));
        const result = await api.call('news.import', { ...request(current), jobId: job.jobId, ...(skipInvalid ? { skipInvalid: true } : {}), ...(dates.length > 0 ? { dates } : {}) });
        set({ summaries: [{ ...result, fileName: current.fileName }, ...get().summaries].slice(0, 5), progress: null, jobId: null });
        await next();
      } catch (error) {
        set({ status: 'ready', error: errorMessage(error), progress: null, jobId: null });
      }
    },
    cancel() {
      const current = staged(get().current);
      if (current) discardStaged(current.stagedId);
      void next();
    },
  };
});

let subscribed = false;
/** The running job's `import.progress` events move the bar; subscribed once, by the first panel that mounts. */
export function subscribeNewsImportEvents(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('import.progress', (p) => {
    const { jobId, progress } = useNewsImportStore.getState();
    if (jobId === null || p.jobId !== jobId || progress === null) return;
    useNewsImportStore.setState({ progress: { kind: progress.kind, phase: p.phase, done: p.done, total: p.total } });
  });
}
