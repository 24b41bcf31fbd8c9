import { z } from 'zod';

/** The largest file Tickerline opens: the desktop picker and every upload share this limit. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** MAX_FILE_BYTES as base64: four characters for every three bytes. */
export const MAX_FILE_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;

/** A file name as shown to the user; 255 is what file systems allow. */
export const FileName = z.string().trim().min(1).max(255);

/** A file crossing the API or the desktop bridge: picked, dropped or produced for download. */
export const FilePayload = z.object({
  fileName: FileName,
  contentBase64: z.string().max(MAX_FILE_BASE64_CHARS),
});
export type FilePayload = z.infer<typeof FilePayload>;

/** What an imported file holds; picks the import panel and pipeline. */
export const IMPORT_KINDS = ['prices', 'news', 'transactions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
