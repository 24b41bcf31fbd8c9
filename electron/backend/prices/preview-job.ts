import { DatabaseSync } from 'node:sqlite';
import { orNull } from '@shared/domain/common/numbers';
import type { PricePreview, PriceRow } from '@shared/api/prices';
import { fromEpochDay } from '@shared/domain/common/dates';
import {
  adjustmentOf,
  aggregateIntradayToDaily,
  describeAdjustment,
  parsePriceFileColumns,
  type PriceColumns,
  type PriceFileMapping,
} from '@shared/domain/prices';
import { closeColumnMeaning, formatLabel, sourceLabel } from '@shared/domain/prices/file-labels';
import { detectInterval } from '@shared/domain/prices/interval';
import { currencyHint } from '@shared/domain/prices/currency-hint';
import { decodePriceFile } from './file';
import { rememberedMapping } from './store';

/**
 * The heavy part of prices.preview — decode, detect, parse the whole file — as a plain
 * function of its inputs. It runs inside the price import worker (import-worker.ts),
 * so a large file never stalls the main process. The host adds the suggested security
 * (securities store and catalogue), which is cheap.
 */

const PREVIEW_ROWS = 20;
const PREVIEW_REJECTIONS = 200;

/** What the host sends the worker for a preview: the file already as bytes. */
export interface PreviewJob {
  kind: 'preview';
  databaseFile: string;
  fileName: string;
  /** The mapping the user confirmed, or null to detect (or reuse a remembered one). */
  mapping: PriceFileMapping | null;
  bytes: Uint8Array;
}

/** The preview without its suggestion of a security, plus the symbol that suggestion starts from. */
export interface FilePreview {
  preview: Omit<PricePreview, 'suggestion'>;
  suggestedSymbol: string | null;
}

function clock(second: number): string | null {
  if (second < 0) return null;
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function previewRows(c: PriceColumns, n: number): PriceRow[] {
  const rows: PriceRow[] = [];
  for (let i = 0; i < Math.min(n, c.length); i++) {
    rows.push({
      line: c.line[i] ?? 0,
      date: fromEpochDay(c.epochDay[i] ?? 0),
      time: clock(c.secondOfDay[i] ?? -1),
      open: orNull(c.open[i]),
      high: orNull(c.high[i]),
      low: orNull(c.low[i]),
      close: c.close[i] ?? NaN,
      adjClose: orNull(c.adjClose[i]),
      volume: orNull(c.volume[i]),
    });
  }
  return rows;
}

/** The mapping remembered for a file shape, read on a short-lived read-only connection of the worker. */
function rememberedFor(databaseFile: string, shapeKey: string): PriceFileMapping | null {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    return rememberedMapping(db, shapeKey);
  } finally {
    db.close();
  }
}

/**
 * Throws AppError (IMPORT_REJECTED / UNSUPPORTED_FILE) when the file cannot be a price
 * table, exactly as decodePriceFile does.
 */
export function runPreviewJob(job: PreviewJob): FilePreview {
  const { fileName } = job;
  const file = decodePriceFile(fileName, job.bytes);
  const { detection } = file;
  const remembered = rememberedFor(job.databaseFile, detection.shapeKey);
  const usedRemembered = job.mapping === null && remembered !== null;
  const mapping = job.mapping ?? remembered ?? detection.mapping;
  const confirmed = job.mapping !== null || usedRemembered;
  const parsed = parsePriceFileColumns(file.text, mapping);
  const c = parsed.columns;
  const adjustment = adjustmentOf(mapping);
  return {
    suggestedSymbol: detection.suggestedSymbol,
    preview: {
      fileName,
      encoding: file.encoding,
      sizeBytes: file.sizeBytes,
      mapping,
      shapeKey: detection.shapeKey,
      confidence: confirmed ? 'high' : detection.confidence,
      uncertainties: confirmed ? [] : detection.uncertainties,
      dateFormatAmbiguous: !confirmed && detection.dateFormatAmbiguous,
      dateFormatAlternatives: detection.dateFormatAlternatives,
      headers: detection.headers,
      rememberedMapping: remembered,
      usedRemembered,
      formatLabel: formatLabel(mapping),
      adjustment: { kind: adjustment.kind, closeFrom: adjustment.closeFrom, description: describeAdjustment(adjustment) },
      stats: {
        dataRows: parsed.stats.dataRows,
        valid: c.length,
        rejected: parsed.rejected.length,
        exactDuplicates: parsed.stats.exactDuplicates,
        firstDate: parsed.stats.firstDate,
        lastDate: parsed.stats.lastDate,
        fileOrder: parsed.stats.fileOrder,
      },
      rows: previewRows(c, PREVIEW_ROWS),
      rejected: parsed.rejected.slice(0, PREVIEW_REJECTIONS),
      interval: mapping.intraday ? 'daily' : detectInterval(c.epochDay.subarray(0, c.length)),
      fileCurrency: currencyHint(detection.suggestedSymbol, detection.sampleRows.flat()),
      sourceLabel: sourceLabel(mapping),
      closeColumn: closeColumnMeaning(mapping, detection.headers),
      intraday: mapping.intraday ? { bars: c.length, days: aggregateIntradayToDaily(c).length } : null,
    },
  };
}
