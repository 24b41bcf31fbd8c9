import { create } from 'zustand';
import { touches } from '@shared/api/topics';
import type { ImportSummary, PriceFileMapping, PricePreview, PriceSeriesInfo, RejectedPriceRow, SecurityRef } from '@shared/api/prices';
import { api, ApiCallError, discardStaged, errorMessage } from '@renderer/api/client';
import { isStaged, stageIncoming, type IncomingFile } from '@renderer/stores/importInbox';
import type { z } from 'zod';

export type PriceMapping = z.infer<typeof PriceFileMapping>;

export type FileStatus = 'reading' | 'ready' | 'importing' | 'done' | 'failed';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** One picked or dropped file on its way into the database. */
export interface PriceFileJob {
  id: string;
  fileName: string;
  sizeBytes: number;
  /** The file staged in the backend, which preview and import name; null until it is staged. */
  stagedId: string | null;
  status: FileStatus;
  preview: PricePreview | null;
  mapping: PriceMapping | null;
  /** The user changed the mapping (preview re-run with it). */
  mappingEdited: boolean;
  target: SecurityRef | null;
  series: PriceSeriesInfo | null;
  aggregateIntraday: boolean;
  rememberMapping: boolean;
  progress: Progress | null;
  summary: ImportSummary | null;
  /** Why the file cannot be previewed or imported, with rejected rows when the import refused them. */
  error: { message: string; rows: RejectedPriceRow[]; count: number } | null;
}

interface PriceImportState {
  jobs: PriceFileJob[];
  /** Picked files (staged here, once) or files the inbox staged already. */
  addFiles(files: readonly (File | IncomingFile)[]): void;
  remove(id: string): void;
  setMapping(id: string, mapping: PriceMapping): Promise<void>;
  setTarget(id: string, target: SecurityRef): Promise<void>;
  patch(id: string, patch: Partial<Pick<PriceFileJob, 'aggregateIntraday' | 'rememberMapping'>>): void;
  runImport(id: string, acceptValidRowsOnly: boolean): Promise<void>;
  /** Creates, from the catalogue, the security each file without a target suggests, and points the file at it. */
  createAllSuggested(): Promise<void>;
  /** Imports every file that is ready and needs no decision (a target, no rejected rows, no intraday question), one after another. */
  importAll(): Promise<void>;
  refreshSeries(): Promise<void>;
}

/** Files whose suggested security is in the catalogue but not stored yet: "Create all suggested securities". */
export function needsSuggestedSecurity(job: PriceFileJob): boolean {
  return job.status === 'ready' && job.target === null && job.preview?.suggestion.existing == null && job.preview?.suggestion.catalogue != null;
}

/** Files "Import all" takes: ready, with a target, and nothing for the user to decide. */
export function readyToImport(job: PriceFileJob): boolean {
  const p = job.preview;
  return job.status === 'ready' && job.target !== null && p !== null && p.stats.valid > 0 && p.stats.rejected === 0 && !(p.intraday !== null && !job.aggregateIntraday);
}

let nextId = 1;
/** Uploads of picked files at once (see nextUploads). */
const STAGING_AT_ONCE = 4;
/** Preview answers applied per frame (see flush). */
const FLUSH_BATCH = 6;

export const usePriceImport = create<PriceImportState>((set, get) => {
  // Preview answers for a batch of files arrive one after another; they are applied together once
  // per frame, so 100 files update the store (and every card's selector) a few times, not 100.
  // At most FLUSH_BATCH a frame: each answered card renders its preview table, and 30 of them in
  // one frame were one long task; the rest wait for the next frame.
  const pending = new Map<string, Partial<PriceFileJob>>();
  let flushScheduled = false;
  const flush = (): void => {
    flushScheduled = false;
    if (pending.size === 0) return;
    const patches = new Map<string, Partial<PriceFileJob>>();
    for (const [id, patch] of pending) {
      if (patches.size === FLUSH_BATCH) break;
      patches.set(id, patch);
    }
    for (const id of patches.keys()) pending.delete(id);
    set({ jobs: get().jobs.map((j) => (patches.has(j.id) ? { ...j, ...patches.get(j.id) } : j)) });
    if (pending.size > 0) {
      flushScheduled = true;
      requestAnimationFrame(flush);
    }
  };
  const updateSoon = (id: string, patch: Partial<PriceFileJob>): void => {
    pending.set(id, { ...pending.get(id), ...patch });
    if (flushScheduled) return;
    flushScheduled = true;
    requestAnimationFrame(flush);
  };
  const update = (id: string, patch: Partial<PriceFileJob>): void => {
    const waiting = pending.get(id);
    pending.delete(id);
    set({ jobs: get().jobs.map((j) => (j.id === id ? { ...j, ...waiting, ...patch } : j)) });
  };
  const job = (id: string): PriceFileJob | undefined => {
    const j = get().jobs.find((x) => x.id === id);
    const waiting = pending.get(id);
    return j && waiting ? { ...j, ...waiting } : j;
  };

  const loadSeries = async (id: string, securityId: number): Promise<void> => {
    try {
      const series = await api.call('prices.series', { securityId });
      if (job(id)?.target?.id === securityId) update(id, { series });
    } catch {
      update(id, { series: null });
    }
  };

  const runPreview = async (id: string, mapping?: PriceMapping): Promise<void> => {
    const stagedId = job(id)?.stagedId;
    if (!stagedId) return;
    try {
      const preview = await api.call('prices.preview', { stagedId, ...(mapping ? { mapping } : {}) });
      const existing = preview.suggestion.existing;
      const target = job(id)?.target ?? existing;
      updateSoon(id, {
        status: job(id)?.status === 'done' ? 'done' : 'ready',
        preview,
        mapping: preview.mapping,
        error: null,
        target,
        aggregateIntraday: preview.intraday !== null,
      });
      if (target) await loadSeries(id, target.id);
    } catch (error) {
      update(id, { status: 'failed', error: { message: errorMessage(error), rows: [], count: 0 } });
    }
  };

  // Picked files are staged a few at a time: starting 100 uploads was one long task (each fetch() of
  // a File costs the page about a millisecond); four at a time keep the backend busy all the same.
  const toStage: { file: File; staged(incoming: IncomingFile): void }[] = [];
  let staging = 0;
  const nextUploads = (): void => {
    while (staging < STAGING_AT_ONCE && toStage.length > 0) {
      const { file, staged } = toStage.shift() as (typeof toStage)[number];
      staging += 1;
      void stageIncoming(file).then((incoming) => {
        staging -= 1;
        nextUploads();
        staged(incoming);
      });
    }
  };
  const stage = (file: File): Promise<IncomingFile> =>
    new Promise((staged) => {
      toStage.push({ file, staged });
      nextUploads();
    });

  /** Each file crosses once: staged here unless the inbox staged it already, then previewed by id. */
  const stageThenPreview = async (id: string, file: File | IncomingFile): Promise<void> => {
    const incoming = file instanceof File ? await stage(file) : file;
    if (!isStaged(incoming)) {
      update(id, { status: 'failed', error: { message: incoming.error, rows: [], count: 0 } });
      return;
    }
    if (!job(id)) {
      discardStaged(incoming.stagedId);
      return;
    }
    update(id, { stagedId: incoming.stagedId, sizeBytes: incoming.sizeBytes });
    await runPreview(id);
  };

  return {
    jobs: [],
    addFiles(files) {
      const added: PriceFileJob[] = files.map((file) => {
        const id = `price-file-${nextId++}`;
        return {
          id,
          fileName: file instanceof File ? file.name : file.fileName,
          // A picked File's size is asked of the disk (a synchronous call per file); staging answers it.
          sizeBytes: !(file instanceof File) && isStaged(file) ? file.sizeBytes : 0,
          stagedId: file instanceof File || !isStaged(file) ? null : file.stagedId,
          status: 'reading',
          preview: null,
          mapping: null,
          mappingEdited: false,
          target: null,
          series: null,
          aggregateIntraday: false,
          rememberMapping: false,
          progress: null,
          summary: null,
          error: null,
        };
      });
      set({ jobs: [...get().jobs, ...added] });
      added.forEach((j, i) => void stageThenPreview(j.id, files[i]!));
    },
    remove(id) {
      const stagedId = job(id)?.stagedId;
      if (stagedId) discardStaged(stagedId);
      set({ jobs: get().jobs.filter((j) => j.id !== id) });
    },
    async setMapping(id, mapping) {
      update(id, { mapping, mappingEdited: true, rememberMapping: true });
      await runPreview(id, mapping);
    },
    async setTarget(id, target) {
      update(id, { target, series: null, summary: null });
      await loadSeries(id, target.id);
    },
    patch(id, patch) {
      update(id, patch);
    },
    async runImport(id, acceptValidRowsOnly) {
      const current = job(id);
      if (!current?.mapping || !current.target || !current.stagedId) return;
      update(id, { status: 'importing', progress: { phase: 'reading', done: 0, total: current.preview?.stats.valid ?? 0 }, error: null, summary: null });
      try {
        const summary = await api.call('prices.import', {
          stagedId: current.stagedId,
          securityId: current.target.id,
          mapping: current.mapping,
          acceptValidRowsOnly,
          aggregateIntraday: current.aggregateIntraday,
          rememberMapping: current.mappingEdited && current.rememberMapping,
          jobId: id,
        });
        // The backend let the staged file go with the import.
        update(id, { status: 'done', summary, series: summary.series, progress: null, stagedId: null });
      } catch (error) {
        const details = error instanceof ApiCallError ? (error.details as { rejected?: RejectedPriceRow[]; rejectedCount?: number } | undefined) : undefined;
        update(id, {
          status: 'ready',
          progress: null,
          error: { message: errorMessage(error), rows: details?.rejected ?? [], count: details?.rejectedCount ?? 0 },
        });
        await loadSeries(id, current.target.id);
      }
    },
    async createAllSuggested() {
      // One security per catalogue symbol, even when two files suggest the same one.
      const created = new Map<string, SecurityRef>();
      for (const j of get().jobs.filter(needsSuggestedSecurity)) {
        const symbol = j.preview?.suggestion.catalogue?.symbol;
        if (!symbol) continue;
        try {
          let target = created.get(symbol);
          if (!target) {
            const s = await api.call('securities.create', { catalogueSymbol: symbol });
            target = { id: s.id, symbol: s.symbol, name: s.name, exchange: s.exchange, currency: s.currency };
            created.set(symbol, target);
          }
          await get().setTarget(j.id, target);
        } catch (error) {
          update(j.id, { error: { message: errorMessage(error), rows: [], count: 0 } });
        }
      }
    },
    async importAll() {
      // One after another: each import is a backend job of its own, and the cards show their progress in turn.
      for (const j of get().jobs.filter(readyToImport)) await get().runImport(j.id, false);
    },
    async refreshSeries() {
      await Promise.all(get().jobs.map((j) => (j.target ? loadSeries(j.id, j.target.id) : Promise.resolve())));
    },
  };
});

let subscribed = false;
/** Progress events and data changes reach the store once, whichever panel mounts first. */
export function subscribePriceEvents(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('import.progress', (p) => {
    const state = usePriceImport.getState();
    if (!state.jobs.some((j) => j.id === p.jobId && j.status === 'importing')) return;
    usePriceImport.setState({
      jobs: state.jobs.map((j) => (j.id === p.jobId ? { ...j, progress: { phase: p.phase, done: p.done, total: p.total } } : j)),
    });
  });
  // Coalesced: "Import all" over 100 files changes the data 100 times, and each refresh asks for every card's series.
  let timer: ReturnType<typeof setTimeout> | undefined;
  api.on('data.changed', ({ topics }) => {
    if (!touches(topics, ['prices', 'securities'])) return;
    clearTimeout(timer);
    timer = setTimeout(() => void usePriceImport.getState().refreshSeries(), 300);
  });
}
