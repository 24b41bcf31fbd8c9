import { MAX_DISCARDED_AT_ONCE } from './file-limits';
import { z } from 'zod';
import { defineMethods } from './define';

/** The largest file Tickerline opens: the desktop picker and every upload share this limit. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** MAX_FILE_BYTES as base64: four characters for every three bytes. */
export const MAX_FILE_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;

/** A file name as shown to the user; 255 is what file systems allow. */
export const FileName = z.string().trim().min(1).max(255);

/**
 * A file's bytes as base64 text. Its characters never need escaping in JSON, so a request
 * carrying it is at most one byte per character (the HTTP body cap reads this mark).
 */
export const Base64Text = z.string().max(MAX_FILE_BASE64_CHARS).meta({ contentEncoding: 'base64' });

/** A file crossing the API or the desktop bridge inline: produced for download, a backup to restore, tests and scripts. */
export const FilePayload = z.object({
  fileName: FileName,
  contentBase64: Base64Text,
});
export type FilePayload = z.infer<typeof FilePayload>;

/** What an imported file holds; picks the import panel and pipeline. */
export const IMPORT_KINDS = ['prices', 'news', 'transactions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A file staged in the backend (electron/backend/files/staging.ts): its bytes crossed once
 * and wait under this id until imported, discarded or left unused for STAGED_FILE_IDLE_MS.
 * Preview, mapping changes and import name the id, never the bytes again. The id is random,
 * so only the window that staged a file can name it.
 */
export const StagedId = z.string().regex(/^stg-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not the id of a staged file.');
export const StagedFile = z.object({ stagedId: StagedId, fileName: FileName, sizeBytes: z.number().int().min(0) });
export type StagedFile = z.infer<typeof StagedFile>;

export { MAX_DISCARDED_AT_ONCE };

/** How long a staged file waits unused before it is dropped. */
export const STAGED_FILE_IDLE_MS = 30 * 60_000;
/** What all staged files together may hold in the backend's memory: two of the largest files. */
export const MAX_STAGED_BYTES = 2 * MAX_FILE_BYTES;

/** An import's file: a staged file by id (the app), or inline as base64 (tests, scripts). */
export const FileSource = z.union([z.object({ stagedId: StagedId }).strict(), FilePayload.strict()]);
export type FileSource = z.infer<typeof FileSource>;

/**
 * An import input that names its file at the top level, beside its own fields: either
 * `{stagedId, …fields}` or `{fileName, contentBase64, …fields}`.
 */
export function withFileSource<const S extends z.ZodRawShape>(shape: S) {
  return z.union([z.object({ stagedId: StagedId, ...shape }).strict(), z.object({ ...FilePayload.shape, ...shape }).strict()]);
}

/**
 * `files.stage` takes a file as base64, for clients without a byte channel (tests, scripts);
 * the desktop bridge and browser mode's upload route (transport.ts) stage raw bytes.
 * `files.discard` lets a staged file go when the user removes or cancels it; `files.discardMany`
 * lets go every file a window still holds when it is left (reloaded or closed), in one call.
 */
export const filesMethods = defineMethods({
  'files.stage': { input: FilePayload.strict(), output: StagedFile },
  'files.discard': { input: z.object({ stagedId: StagedId }).strict(), output: z.object({ discarded: z.boolean() }) },
  'files.discardMany': {
    input: z.object({ stagedIds: z.array(StagedId).max(MAX_DISCARDED_AT_ONCE) }).strict(),
    output: z.object({ discarded: z.number().int().min(0) }),
  },
});
