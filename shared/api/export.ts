import { z } from 'zod';
import { defineMethods } from './define';

export const ExportFormat = z.enum(['json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Text content (UTF-8). */
  content: z.string(),
  /** The table it holds (CSV) or null for the all-in-one JSON. */
  table: z.string().nullable(),
  rows: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const exportMethods = defineMethods({
  /** Everything stored, as one JSON file or one CSV file per table. */
  'export.all': {
    input: z.object({ format: ExportFormat }).strict(),
    output: z.object({ files: z.array(ExportedFile) }),
  },
});
