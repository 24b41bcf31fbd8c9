import { create } from 'zustand';
import type { ImportPreview, TransactionMappingDto } from '@shared/api/transactions';
import { api, errorMessage } from '@renderer/api/client';
import { fileToBase64 } from '@renderer/features/import/inbox';

interface ImportResult {
  fileName: string;
  added: number;
  alreadyImported: number;
  excluded: number;
  newSecurities: string[];
}

interface TransactionImportState {
  file: { fileName: string; contentBase64: string } | null;
  queue: File[];
  preview: ImportPreview | null;
  mapping: TransactionMappingDto | null;
  excluded: number[];
  busy: boolean;
  error: string | null;
  result: ImportResult | null;
  open(files: File[]): Promise<void>;
  setMapping(mapping: TransactionMappingDto): Promise<void>;
  toggleExcluded(line: number): Promise<void>;
  commit(): Promise<void>;
  cancel(): void;
}

export const useTransactionImport = create<TransactionImportState>((set, get) => {
  const refresh = async (): Promise<void> => {
    const { file, mapping, excluded } = get();
    if (!file) return;
    set({ busy: true, error: null });
    try {
      const preview = await api.call('transactions.previewImport', {
        file,
        ...(mapping ? { mapping } : {}),
        excludeLines: excluded,
      });
      set({ preview, busy: false, mapping: preview.generic?.mapping ?? null });
    } catch (error) {
      set({ busy: false, error: errorMessage(error), preview: null });
    }
  };
  const next = async (): Promise<void> => {
    const [first, ...rest] = get().queue;
    if (!first) return;
    set({ queue: rest, busy: true, error: null, preview: null, mapping: null, excluded: [] });
    try {
      set({ file: { fileName: first.name, contentBase64: await fileToBase64(first) } });
    } catch (error) {
      set({ busy: false, error: `${first.name} could not be read: ${errorMessage(error)}` });
      return;
    }
    await refresh();
  };
  return {
    file: null,
    queue: [],
    preview: null,
    mapping: null,
    excluded: [],
    busy: false,
    error: null,
    result: null,
    async open(files) {
      set({ queue: [...get().queue, ...files], result: null });
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
    async commit() {
      const { file, mapping, excluded } = get();
      if (!file) return;
      set({ busy: true, error: null });
      try {
        const result = await api.call('transactions.import', { file, ...(mapping ? { mapping } : {}), excludeLines: excluded });
        set({ result: { ...result, fileName: file.fileName }, file: null, preview: null, mapping: null, excluded: [], busy: false });
        await next();
      } catch (error) {
        const message = errorMessage(error);
        await refresh();
        set({ busy: false, error: message });
      }
    },
    cancel() {
      set({ file: null, preview: null, mapping: null, excluded: [], error: null, busy: false });
      void next();
    },
  };
});
