import { create } from 'zustand';
import type { ImportKind, StagedFile } from '@shared/api/files';
import { errorMessage, stageFile } from '@renderer/api/client';

/**
 * A file on its way into an import panel: already staged in the backend (by id), or one the
 * backend refused to stage (too large, staging full), kept so its panel can say why. The
 * renderer never holds a file's bytes in its stores; they cross to the backend once.
 */
export type IncomingFile = StagedFile | { fileName: string; error: string };

export interface PendingFile {
  id: number;
  kind: ImportKind;
  file: IncomingFile;
}

interface InboxState {
  pending: PendingFile[];
  /** Files dropped on the window: each is sorted by kind (unless given), staged once, and waits for its panel. */
  add(files: readonly File[], kind?: ImportKind): Promise<void>;
  /** Files the desktop menu's dialog picked, already staged by the main process. */
  addStaged(files: readonly StagedFile[], kind: ImportKind): void;
  /** A panel takes the files of its kind; they leave the inbox. */
  take(kind: ImportKind): IncomingFile[];
}

let nextId = 1;

/** Stages a picked, dropped or pasted file; a refusal becomes an entry that says why. */
export async function stageIncoming(file: File): Promise<IncomingFile> {
  try {
    return await stageFile(file);
  } catch (error) {
    return { fileName: file.name, error: errorMessage(error) };
  }
}

export const isStaged = (file: IncomingFile): file is StagedFile => 'stagedId' in file;

export const useImportInbox = create<InboxState>((set, get) => ({
  pending: [],
  async add(files, kind) {
    const classified = await Promise.all(
      files.map(async (file) => ({ id: nextId++, kind: kind ?? (await guessImportKind(file)), file: await stageIncoming(file) })),
    );
    set({ pending: [...get().pending, ...classified] });
  },
  addStaged(files, kind) {
    set({ pending: [...get().pending, ...files.map((file) => ({ id: nextId++, kind, file }))] });
  },
  take(kind) {
    const mine = get().pending.filter((p) => p.kind === kind);
    if (mine.length > 0) set({ pending: get().pending.filter((p) => p.kind !== kind) });
    return mine.map((p) => p.file);
  },
}));

/** Selector: how many files of a kind are waiting (panels subscribe to this). */
export const usePendingCount = (kind: ImportKind): number =>
  useImportInbox((s) => s.pending.reduce((n, p) => (p.kind === kind ? n + 1 : n), 0));

const NEWS_EXTENSIONS = /\.(xml|rss|atom|txt|md|markdown|html?|mhtml?|mht|pdf|url)$/i;
const PRICE_HEADER = /\b(close|adj\.? ?close|zuletzt|schluss|price|open|high|low|vol)\b/i;
const NEWS_HEADER = /\b(headline|title|schlagzeile|summary|url|link)\b/i;
const TRANSACTION_HEADER = /\b(quantity|shares|action|buy\/sell|tradeprice|transaction|anzahl|aantal|quantit|activity|fees?)\b/i;

/**
 * A first guess from the name and the first lines; each panel still runs its
 * own detection and the user can move a file to another kind.
 */
export async function guessImportKind(file: File): Promise<ImportKind> {
  if (NEWS_EXTENSIONS.test(file.name)) return 'news';
  const head = (await file.slice(0, 4096).text()).split(/\r?\n/).slice(0, 6).join('\n');
  if (/^\s*[[{]/.test(head)) {
    if (/"(headline|title)"/i.test(head)) return 'news';
    if (/"(type|activityType|quantity)"/i.test(head) && !/"(close|Time Series)/i.test(head)) return 'transactions';
    return 'prices';
  }
  if (NEWS_HEADER.test(head) && !PRICE_HEADER.test(head)) return 'news';
  if (TRANSACTION_HEADER.test(head)) return 'transactions';
  return 'prices';
}
