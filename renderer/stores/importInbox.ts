import { create } from 'zustand';
import type { FilePayload, ImportKind } from '@shared/api/files';

export interface PendingFile {
  id: number;
  kind: ImportKind;
  file: File;
}

interface InboxState {
  pending: PendingFile[];
  /** Files dropped on the window or picked with a native dialog, waiting for their panel. */
  add(files: readonly File[], kind?: ImportKind): Promise<void>;
  /** A panel takes the files of its kind; they leave the inbox. */
  take(kind: ImportKind): File[];
}

let nextId = 1;

export const useImportInbox = create<InboxState>((set, get) => ({
  pending: [],
  async add(files, kind) {
    const classified = await Promise.all(
      files.map(async (file) => ({ id: nextId++, kind: kind ?? (await guessImportKind(file)), file })),
    );
    set({ pending: [...get().pending, ...classified] });
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

/** Bytes of a picked or dropped file as base64, the form the API contract carries files in. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Files the desktop app's native dialog picked (File ▸ Import…), as the main
 * process sends them: base64 bytes with a name. They join the inbox like dropped files.
 */
export async function addBase64Files(files: readonly FilePayload[], kind?: ImportKind): Promise<void> {
  const decoded = files.map(({ fileName, contentBase64 }) => {
    const binary = atob(contentBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new File([bytes], fileName);
  });
  await useImportInbox.getState().add(decoded, kind);
}
