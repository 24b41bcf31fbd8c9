import { DatabaseSync } from 'node:sqlite';
import type { ParsedInput } from '@shared/api/contract';
import type { ImportSummary } from '@shared/api/prices';
import { AppError } from '@shared/domain/common/errors';
import { toEpochDay } from '@shared/domain/common/dates';
import {
  adjustmentOf,
  aggregateIntradayToDaily,
  parsePriceFileColumns,
  type PriceColumns,
  type RejectedRow,
} from '@shared/domain/prices';
import type { PriceBar } from '@shared/domain/securities/security';
import type { BackendContext } from '../context';
import { requireSecurity } from '../securities/store';
import { allocateBars, readBars, writeBars, type StoredBars } from './bars';
import { closeColumnName, readPriceFile } from './file';
import { planMerge } from './merge';
import { recordSeries, rememberMapping, seriesInfo } from './series';

const MAX_LISTED_REJECTIONS = 1000;

/** Imports run one at a time: each holds the write lock of its own connection across yields. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The columns' typed arrays viewed as stored bars, without copying. */
export function columnsAsBars(c: PriceColumns): StoredBars {
  return { length: c.length, day: c.epochDay, open: c.open, high: c.high, low: c.low, close: c.close, adjClose: c.adjClose, volume: c.volume };
}

function barsFromObjects(list: readonly PriceBar[]): StoredBars {
  const out = allocateBars(list.length);
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

function rejectionDetails(fileName: string, rejected: readonly RejectedRow[]): { file: string; line: number; reason: string }[] {
  return rejected.slice(0, MAX_LISTED_REJECTIONS).map((r) => ({ file: fileName, line: r.line, reason: r.reason }));
}

/**
 * prices.import: parse with the confirmed mapping, refuse or skip rejected rows, then
 * merge into the stored series in one transaction on a separate connection. The write
 * yields to the event loop between batches (progress events go out, the window stays
 * responsive) while the main connection keeps reading the last committed state.
 */
export async function importPrices(input: ParsedInput<'prices.import'>, ctx: BackendContext): Promise<ImportSummary> {
  const { fileName, mapping } = input;
  const jobId = input.jobId ?? `prices-${Date.now()}`;
  const progress = (phase: string, done: number, total: number): void => ctx.emit('import.progress', { jobId, phase, done, total });

  requireSecurity(ctx.db, input.securityId);
  progress('reading', 0, 1);
  await tick();
  const file = readPriceFile(ctx.db, fileName, input.contentBase64);
  const parsed = parsePriceFileColumns(file.text, mapping);
  const rejected = parsed.rejected;
  if (rejected.length > 0 && !input.acceptValidRowsOnly) {
    const n = rejected.length;
    throw new AppError(
      'IMPORT_REJECTED',
      `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'} of "${fileName}" could not be read, so nothing was imported. Fix the file, or import only the valid rows.`,
      { file: fileName, rejectedCount: n, rejected: rejectionDetails(fileName, rejected) },
    );
  }
  let bars: StoredBars;
  if (mapping.intraday) {
    if (input.aggregateIntraday !== true) {
      throw new AppError(
        'VALIDATION',
        `"${fileName}" holds several bars per day. Confirm combining them into one daily bar per day to import it.`,
        { file: fileName, intraday: true },
      );
    }
    bars = barsFromObjects(aggregateIntradayToDaily(parsed.columns));
  } else {
    bars = columnsAsBars(parsed.columns);
  }
  if (bars.length === 0) {
    throw new AppError('IMPORT_REJECTED', `"${fileName}" has no valid rows of prices, so nothing was imported.`, {
      file: fileName,
      rejectedCount: rejected.length,
      rejected: rejectionDetails(fileName, rejected),
    });
  }
  const adjustment = adjustmentOf(mapping).kind;
  const closeColumn = closeColumnName(mapping, file.detection.headers);
  const total = bars.length;
  progress('checking', 0, total);
  await tick();

  return oneAtATime(async () => {
    const db = new DatabaseSync(ctx.databaseFile, { enableForeignKeyConstraints: true });
    try {
      db.exec('PRAGMA busy_timeout = 5000');
      db.exec('PRAGMA synchronous = NORMAL');
      db.exec('BEGIN IMMEDIATE');
      try {
        const stored = readBars(db, input.securityId, bars.day[0], bars.day[bars.length - 1]);
        const plan = planMerge(bars, stored);
        const report = async (written: number): Promise<void> => {
          progress('saving', plan.unchanged + written, total);
          await tick();
        };
        await writeBars(db, input.securityId, bars, plan.insert, false, report);
        await writeBars(db, input.securityId, bars, plan.update, true, (w) => report(plan.insert.length + w));
        recordSeries(db, input.securityId, adjustment, closeColumn, fileName);
        if (input.rememberMapping === true) rememberMapping(db, file.detection.shapeKey, mapping);
        db.exec('COMMIT');
        progress('done', total, total);
        return {
          securityId: input.securityId,
          added: plan.insert.length,
          updated: plan.update.length,
          unchanged: plan.unchanged,
          rejected: rejected.slice(0, MAX_LISTED_REJECTIONS).map((r) => ({ line: r.line, reason: r.reason })),
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
  });
}
