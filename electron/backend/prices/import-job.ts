import { DatabaseSync } from 'node:sqlite';
import type { ImportSummary, PriceImportOptions } from '@shared/api/prices';
import { localizedError } from '@shared/domain/common/errors';
import { toEpochDay } from '@shared/domain/common/dates';
import {
  adjustmentOf,
  aggregateIntradayToDaily,
  parsePriceFileColumns,
  type PriceColumns,
  type RejectedRow,
} from '@shared/domain/prices';
import type { PriceBar } from '@shared/domain/securities/security';
import { allocateBarColumns, type BarColumns } from '@shared/domain/prices/bar-columns';
import { closeColumnName } from '@shared/domain/prices/file-labels';
import { planMerge } from '@shared/domain/prices/merge-plan';
import type { JobFailed } from '../jobs/job-thread';
import { decodePriceFile } from './file';
import type { FilePreview, PreviewJob } from './preview-job';
import { readBarColumns, recordSeries, rememberMapping, seriesInfo, writeBarColumns } from './store';

/**
 * The heavy part of prices.import — decode, detect, parse, merge against the stored
 * bars, batched writes in one transaction on its own connection — as a plain
 * function of its inputs. It runs inside the import worker (import-worker.ts), so
 * it touches no BackendContext: only the database file and a progress callback.
 */

const MAX_LISTED_REJECTIONS = 1000;

/** What the host sends the worker: the import's options and file name, the file as bytes (staged ones shared, not copied). */
export interface ImportJob {
  kind: 'import';
  databaseFile: string;
  input: Omit<PriceImportOptions, 'jobId'> & { fileName: string };
  bytes: Uint8Array;
}

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

/** What the host sends the worker: an import, or the parsing part of a preview (preview-job.ts). */
export type WorkerJob = ImportJob | PreviewJob;

/** Messages from the worker to the host; each job ends with one 'done', 'previewed' or 'failed'. */
export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'previewed'; preview: FilePreview }
  | JobFailed;

/** The columns' typed arrays viewed as stored bars, without copying. */
export function columnsAsBars(c: PriceColumns): BarColumns {
  return { length: c.length, day: c.epochDay, open: c.open, high: c.high, low: c.low, close: c.close, adjClose: c.adjClose, volume: c.volume };
}

function barsFromObjects(list: readonly PriceBar[]): BarColumns {
  const out = allocateBarColumns(list.length);
  list.forEach((b, i) => {
    out.day[i] = toEpochDay(b.date);
    out.open[i] = b.open ?? NaN;
    out.high[i] = b.high ?? NaN;
    out.low[i] = b.low ?? NaN;
    out.close[i] = b.close;
    out.adjClose[i] = b.adjClose ?? NaN;
    out.volume[i] = b.volume ?? NaN;
  });
  return out;
}

/** A refused row as the contract lists it: line, English reason, and its catalogue key and values for other languages. */
function listed(r: RejectedRow): { line: number; reason: string; key: string; params?: RejectedRow['params'] } {
  return { line: r.line, reason: r.reason, key: r.key, ...(r.params ? { params: r.params } : {}) };
}

function rejectionDetails(fileName: string, rejected: readonly RejectedRow[]): { file: string; line: number; reason: string }[] {
  return rejected.slice(0, MAX_LISTED_REJECTIONS).map((r) => ({ file: fileName, ...listed(r) }));
}

export async function runImportJob(job: ImportJob, progress: (p: JobProgress) => void): Promise<ImportSummary> {
  const { input } = job;
  const { fileName, mapping } = input;
  const file = decodePriceFile(fileName, job.bytes);
  const parsed = parsePriceFileColumns(file.text, mapping);
  const rejected = parsed.rejected;
  if (rejected.length > 0 && !input.acceptValidRowsOnly) {
    const n = rejected.length;
    throw localizedError('IMPORT_REJECTED', 'errors:prices.rowsUnreadable', { count: n, fileName }, { file: fileName, rejectedCount: n, rejected: rejectionDetails(fileName, rejected) });
  }
  let bars: BarColumns;
  if (mapping.intraday) {
    if (input.aggregateIntraday !== true) {
      throw localizedError('VALIDATION', 'errors:prices.intraday', { fileName }, { file: fileName, intraday: true });
    }
    bars = barsFromObjects(aggregateIntradayToDaily(parsed.columns));
  } else {
    bars = columnsAsBars(parsed.columns);
  }
  if (bars.length === 0) {
    throw localizedError('IMPORT_REJECTED', 'errors:prices.noValidRows', { fileName }, {
      file: fileName,
      rejectedCount: rejected.length,
      rejected: rejectionDetails(fileName, rejected),
    });
  }
  const adjustment = adjustmentOf(mapping).kind;
  const closeColumn = closeColumnName(mapping, file.detection.headers);
  const total = bars.length;
  progress({ phase: 'checking', done: 0, total });

  const db = new DatabaseSync(job.databaseFile, { enableForeignKeyConstraints: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('BEGIN IMMEDIATE');
    try {
      const stored = readBarColumns(db, input.securityId, bars.day[0], bars.day[bars.length - 1]);
      const plan = planMerge(bars, stored);
      const report = (written: number): void => progress({ phase: 'saving', done: plan.unchanged + written, total });
      await writeBarColumns(db, input.securityId, bars, plan.insert, false, report);
      await writeBarColumns(db, input.securityId, bars, plan.update, true, (w) => report(plan.insert.length + w));
      recordSeries(db, input.securityId, adjustment, closeColumn, fileName);
      if (input.rememberMapping === true) rememberMapping(db, file.detection.shapeKey, mapping);
      db.exec('COMMIT');
      return {
        securityId: input.securityId,
        added: plan.insert.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
        rejected: rejected.slice(0, MAX_LISTED_REJECTIONS).map(listed),
        rejectedCount: rejected.length,
        updatedExamples: plan.examples,
        aggregatedFromIntraday: mapping.intraday,
        series: seriesInfo(db, input.securityId)!,
      };
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}
