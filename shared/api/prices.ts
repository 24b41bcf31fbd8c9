import { z } from 'zod';
import { ADJUSTMENT_KINDS, CLOSE_FROM, DATE_FORMATS, PRICE_ADJUSTMENTS, PRICE_INTERVALS, type CloseAdjustment as DomainCloseAdjustment, type PriceFileMapping as DomainPriceFileMapping } from '../domain/prices';
import { defineMethods } from './define';
import { withFileSource } from './files';
import { LocalText } from './text';

/**
 * Price history import: preview a file (detection, parsed rows, rejected rows, the
 * suggested security), then import it into one security's series, all or nothing.
 * A file is staged once (files.stage, or the desktop and browser upload routes) and named by
 * its id; inline base64 is still accepted for tests and scripts. The backend works out the encoding.
 */

const SecurityId = z.number().int().positive();

const ColumnIndex = z.number().int().min(0).max(1000);
const MappingBase = {
  dateFormat: z.enum(DATE_FORMATS),
  intraday: z.boolean(),
  closeFrom: z.enum(['close', 'adjClose']),
  source: z.enum(['yahoo-download', 'yfinance-history', 'yfinance-download', 'investing', 'nasdaq', 'stooq', 'alpha-vantage', 'generic']),
};

export const DelimitedMapping = z
  .object({
    kind: z.literal('delimited'),
    ...MappingBase,
    delimiter: z.enum([',', ';', '\t', '|']),
    headerLineCount: z.number().int().min(0).max(10_000),
    firstDataLine: z.number().int().min(1),
    fieldCount: z.number().int().min(1).max(1000),
    columns: z
      .object({
        date: ColumnIndex,
        close: ColumnIndex,
        open: ColumnIndex.nullable(),
        high: ColumnIndex.nullable(),
        low: ColumnIndex.nullable(),
        adjClose: ColumnIndex.nullable(),
        volume: ColumnIndex.nullable(),
      })
      .strict(),
    decimalSeparator: z.enum(['.', ',']),
    thousandsSeparator: z.enum(['', ',', '.', ' ', "'"]),
  })
  .strict();

const JsonKey = z.string().max(200);
export const JsonMapping = z
  .object({
    kind: z.literal('json'),
    ...MappingBase,
    shape: z.enum(['array', 'keyed-by-date']),
    seriesKey: JsonKey.nullable(),
    keys: z
      .object({
        date: JsonKey.nullable(),
        open: JsonKey.nullable(),
        high: JsonKey.nullable(),
        low: JsonKey.nullable(),
        close: JsonKey,
        adjClose: JsonKey.nullable(),
        volume: JsonKey.nullable(),
      })
      .strict(),
  })
  .strict();

export const PriceFileMapping = z.discriminatedUnion('kind', [DelimitedMapping, JsonMapping]);
// The schema and the domain type describe the same JSON; this fails to compile if they drift.
export type PriceFileMapping = z.infer<typeof PriceFileMapping>;
const _mappingMatches: DomainPriceFileMapping = {} as PriceFileMapping;
void _mappingMatches;

/** How a stored series was adjusted (shared/domain/prices/adjustment.ts): the same words the database keeps. */
export const PriceAdjustment = z.enum(PRICE_ADJUSTMENTS);
/** What a file's columns say about its closes, with the sentence shown beside the import. */
export const CloseAdjustment = z.object({ kind: z.enum(ADJUSTMENT_KINDS), closeFrom: z.enum(CLOSE_FROM), description: z.string() });
const _adjustmentMatches: DomainCloseAdjustment = {} as z.infer<typeof CloseAdjustment>;
void _adjustmentMatches;

export const PriceRow = z.object({
  line: z.number().int(),
  date: z.string(),
  /** Time of day as written (intraday files), otherwise null. */
  time: z.string().nullable(),
  open: z.number().nullable(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  close: z.number(),
  adjClose: z.number().nullable(),
  volume: z.number().nullable(),
});
export type PriceRow = z.infer<typeof PriceRow>;

export const RejectedPriceRow = z.object({ line: z.number().int(), reason: z.string(), raw: z.string().optional(), ...LocalText });
export type RejectedPriceRow = z.infer<typeof RejectedPriceRow>;

export const SecurityRef = z.object({
  id: z.number().int(),
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
});
export type SecurityRef = z.infer<typeof SecurityRef>;

export const CatalogueRef = z.object({
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  currency: z.string(),
  kind: z.string(),
});

export const PriceSeriesInfo = z.object({
  securityId: z.number().int(),
  count: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  adjustment: PriceAdjustment,
  closeColumn: z.string().nullable(),
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Spacing of the stored bars, read from their dates: monthly exports stay monthly. */
  interval: z.enum(PRICE_INTERVALS),
});
export type PriceSeriesInfo = z.infer<typeof PriceSeriesInfo>;

export const PricePreview = z.object({
  fileName: z.string(),
  encoding: z.string(),
  sizeBytes: z.number().int(),
  mapping: PriceFileMapping,
  shapeKey: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  /** Sentences about what the user should confirm; empty when detection is sure. */
  /** What to confirm: English `message`, worded in the reader's language from `key` and `params`. */
  uncertainties: z.array(z.object({ message: z.string(), ...LocalText })),
  dateFormatAmbiguous: z.boolean(),
  dateFormatAlternatives: z.array(z.enum(DATE_FORMATS)),
  headers: z.array(z.string()),
  /** A mapping the user confirmed earlier for files of this shape, if any (already applied when usedRemembered). */
  rememberedMapping: PriceFileMapping.nullable(),
  usedRemembered: z.boolean(),
  /** e.g. "Yahoo Finance CSV" */
  formatLabel: z.string(),
  adjustment: CloseAdjustment,
  stats: z.object({
    dataRows: z.number().int(),
    valid: z.number().int(),
    rejected: z.number().int(),
    exactDuplicates: z.number().int(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    fileOrder: z.string(),
  }),
  /** First rows in date order, as they will be stored. */
  rows: z.array(PriceRow),
  /** Up to 200 rejected rows, by line; stats.rejected counts them all. */
  rejected: z.array(RejectedPriceRow),
  /** The currency the file's prices are most likely in (symbol suffix or a sign on the prices), or null. */
  fileCurrency: z.string().nullable(),
  /** Spacing of the file's bars (a monthly export has one row per month). */
  interval: z.enum(PRICE_INTERVALS),
  /** The export the layout was recognised as, or null for a plain table ("generic"). */
  sourceLabel: z.string().nullable(),
  /** Meaning of the column that becomes the close, e.g. "Close", with the header as written. */
  closeColumn: z.object({ meaning: z.string(), header: z.string() }),
  /** Intraday files: how many daily bars aggregation would give. */
  intraday: z.object({ bars: z.number().int(), days: z.number().int() }).nullable(),
  suggestion: z.object({
    symbol: z.string().nullable(),
    existing: SecurityRef.nullable(),
    catalogue: CatalogueRef.nullable(),
  }),
});
export type PricePreview = z.infer<typeof PricePreview>;

export const ImportSummary = z.object({
  securityId: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows that were not imported (at most 1,000 listed; rejectedCount has them all). */
  rejected: z.array(RejectedPriceRow),
  rejectedCount: z.number().int(),
  /** A few updated bars: the stored close before and after. */
  updatedExamples: z.array(z.object({ date: z.string(), field: z.string(), old: z.number().nullable(), new: z.number().nullable() })),
  aggregatedFromIntraday: z.boolean(),
  series: PriceSeriesInfo,
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** What prices.import takes beside its file. */
export const PriceImportOptions = z.object({
  securityId: SecurityId,
  mapping: PriceFileMapping,
  acceptValidRowsOnly: z.boolean(),
  aggregateIntraday: z.boolean().optional(),
  rememberMapping: z.boolean().optional(),
  /** Chosen by the caller so it can follow `import.progress` events of this import. */
  jobId: z.string().max(100).optional(),
});
export type PriceImportOptions = z.infer<typeof PriceImportOptions>;

export const pricesMethods = defineMethods({
  'prices.preview': {
    input: withFileSource({ mapping: PriceFileMapping.optional() }),
    output: PricePreview,
  },
  'prices.import': {
    input: withFileSource(PriceImportOptions.shape),
    output: ImportSummary,
    mutates: ['prices'],
  },
  'prices.series': {
    input: z.object({ securityId: SecurityId }).strict(),
    output: PriceSeriesInfo.nullable(),
  },
  'prices.deleteSeries': {
    input: z.object({ securityId: SecurityId }).strict(),
    output: z.object({ deleted: z.number().int() }),
    mutates: ['prices'],
  },
});
