import { create } from 'zustand';
import type { ImportPreview, TransactionMapping } from '@shared/api/transactions';
import type { StagedFile } from '@shared/api/files';
import { api, discardStaged, errorMessage } from '@renderer/api/client';
import { isStaged, stageIncoming, type IncomingFile } from '@renderer/stores/importInbox';
import { mappingShapeKey } from '@shared/domain/transactions/mapping';
import type { TransactionJobProgress } from './importProgress';

/**
 * Mappings the user confirmed, per file shape (delimiter and header names), so next
 * month's export of the same broker previews without asking again. Kept in the
 * renderer's storage: it is a convenience, and a stale entry is simply overwritten.
 */
const REMEMBERED_KEY = 'tickerline.transactions.mappings';
function remembered(): Record<string, TransactionMapping> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(REMEMBERED_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, TransactionMapping>) : {};
  } catch {
    return {};
  }
}
function shapeOf(preview: ImportPreview | null): string | null {
  return preview?.generic ? mappingShapeKey(preview.generic.headers, preview.generic.mapping.delimiter) : null;
}
function remember(shape: string, mapping: TransactionMapping): void {
  try {
    globalThis.localStorage?.setItem(REMEMBERED_KEY, JSON.stringify({ ...remembered(), [shape]: mapping }));
  } catch {
    // Storage full or disabled: the user confirms the mapping again next time.
  }
}

interface ImportResult {
  fileName: string;
  added: number;
  alreadyImported: number;
  excluded: number;
  newSecurities: string[];
  cashAdded: number;
  cashAlreadyImported: number;
  newAccounts: string[];
}

interface TransactionImportState {
  /** The file being previewed, staged in the backend (preview and import name its id). */
  file: StagedFile | null;
  queue: IncomingFile[];
  preview: ImportPreview | null;
  mapping: TransactionMapping | null;
  excluded: number[];
  /** The account lines without an account name (and their cash) go into; null = the default account. */
  accountId: number | null;
  busy: boolean;
  /** The running preview's or import's progress (from `import.progress` events of `jobId`), null when none runs. */
  progress: TransactionJobProgress | null;
  jobId: string | null;
  error: string | null;
  result: ImportResult | null;
  /** Picked files (staged here, once) or files the inbox staged already. */
  open(files: readonly (File | IncomingFile)[]): Promise<void>;
  setMapping(mapping: TransactionMapping): Promise<void>;
  toggleExcluded(line: number): Promise<void>;
  setAccount(accountId: number | null): Promise<void>;
  commit(): Promise<void>;
  cancel(): void;
}

let jobs = 0;
/** A new job id, and the bar at its start. */
function startJob(kind: TransactionJobProgress['kind']): { jobId: string; progress: TransactionJobProgress } {
  jobs++;
  return { jobId: `transactions-${kind}-${Date.now()}-${jobs}`, progress: { kind, phase: 'reading', done: 0, total: 1 } };
}

export const useTransactionImport = create<TransactionImportState>((set, get) => {
  const refresh = async (): Promise<void> => {
    const { file, mapping, excluded, accountId } = get();
    if (!file) return;
    const job = startJob('preview');
    set({ busy: true, error: null, ...job });
    try {
      const preview = await api.call('transactions.previewImport', {
        file: { stagedId: file.stagedId },
        ...(mapping ? { mapping } : {}),
        excludeLines: excluded,
        ...(accountId === null ? {} : { accountId }),
        jobId: job.jobId,
      });
      set({ progress: null, jobId: null });
      const shape = shapeOf(preview);
      const known = shape !== null && get().mapping === null ? remembered()[shape] : undefined;
      if (known) {
        // Same shape as a file whose mapping the user confirmed: preview with that mapping.
        set({ mapping: known });
        await refresh();
        return;
      }
      set({ preview, busy: false, mapping: preview.generic?.mapping ?? null });
    } catch (error) {
      set({ progress: null, jobId: null });
      const message = `${file.fileName}: ${errorMessage(error)}`;
      if (get().preview === null) {
        // The file could not be read at all: let it go, so the next file can be chosen.
        discardStaged(file.stagedId);
        set({ busy: false, error: message, file: null, mapping: null, excluded: [] });
        await next();
      } else set({ busy: false, error: message });
    }
  };
  const next = async (): Promise<void> => {
    const [first, ...rest] = get().queue;
    if (!first) return;
    set({ queue: rest, busy: true, preview: null, mapping: null, excluded: [] });
    if (!isStaged(first)) {
      set({ busy: false, error: `${first.fileName}: ${first.error}` });
      return;
    }
    set({ file: first });
    await refresh();
  };
  return {
    file: null,
    queue: [],
    preview: null,
    mapping: null,
    excluded: [],
    accountId: null,
    busy: false,
    progress: null,
    jobId: null,
    error: null,
    result: null,
    async open(files) {
      const incoming = await Promise.all(files.map((f) => (f instanceof File ? stageIncoming(f) : f)));
      set({ queue: [...get().queue, ...incoming], result: null, ...(get().file ? {} : { error: null }) });
      if (!get().file) await next();
    },
    async setMapping(mapping) {
      set({ mapping });
      await refresh();
    },
    async toggleExcluded(line) {
      const excluded = get().excluded;
      set({ excluded: excluded.includes(line) ? excluded.filter((l) => l !== line) : [...excluded, line] });
      await refresh();
    },
    async setAccount(accountId) {
      set({ accountId });
      await refresh();
    },
    async commit() {
      const { file, mapping, excluded, preview, accountId } = get();
      if (!file) return;
      const job = startJob('import');
      set({ busy: true, error: null, ...job });
      try {
        const result = await api.call('transactions.import', {
          file: { stagedId: file.stagedId },
          ...(mapping ? { mapping } : {}),
          excludeLines: excluded,
          ...(accountId === null ? {} : { accountId }),
          jobId: job.jobId,
        });
        set({ progress: null, jobId: null });
        const shape = shapeOf(preview);
        if (shape !== null && mapping) remember(shape, mapping);
        set({ result: { ...result, fileName: file.fileName }, file: null, preview: null, mapping: null, excluded: [], busy: false });
        await next();
      } catch (error) {
        set({ progress: null, jobId: null });
        const message = errorMessage(error);
        await refresh();
        set({ busy: false, error: message });
      }
    },
    cancel() {
      const file = get().file;
      if (file) discardStaged(file.stagedId);
      set({ file: null, preview: null, mapping: null, excluded: [], error: null, busy: false, progress: null, jobId: null });
      void next();
    },
  };
});

let subscribed = false;
/** The running job's `import.progress` events move the bar; subscribed once, by the first panel that mounts. */
export function subscribeTransactionImportEvents(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('import.progress', (p) => {
    const { jobId, progress } = useTransactionImport.getState();
    if (jobId === null || p.jobId !== jobId || progress === null) return;
    useTransactionImport.setState({ progress: { kind: progress.kind, phase: p.phase, done: p.done, total: p.total } });
  });
}
