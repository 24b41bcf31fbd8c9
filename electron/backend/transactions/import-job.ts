import { DatabaseSync } from 'node:sqlite';
import type { ImportPreview, TransactionMapping } from '@shared/api/transactions';
import { AppError, ERROR_CODES, type ApiError } from '@shared/domain/common/errors';
import { importFile, planImport, type ImportOutcome, type ImportSource } from './import';

/**
 * The heavy part of transactions.previewImport and transactions.import — decode, detect,
 * parse, plan against the stored ledger, write — as a plain function of its inputs. It runs
 * inside the transaction import worker (import-worker.ts) on a connection of its own, so a
 * 30 MB statement never stalls the main process. The entry takes the file's bytes and the
 * options, nothing of the calling request, so the file may come from anywhere (an upload's
 * base64 today, a staged file tomorrow).
 */

/** What the user chose in the preview. */
export interface TransactionImportOptions {
  mapping?: TransactionMapping | undefined;
  excludeLines: number[];
  accountId?: number | undefined;
  accountMap?: Record<string, number> | undefined;
}

export interface TransactionJob {
  kind: 'preview' | 'import';
  databaseFile: string;
  /** Today's date on the user's clock (the host's context decides it, so tests stay deterministic). */
  today: string;
  source: ImportSource;
  options: TransactionImportOptions;
}

export interface JobProgress {
  phase: 'reading' | 'checking' | 'saving' | 'done';
  done: number;
  total: number;
}

/** Messages from the worker; each job ends with one 'previewed', 'imported' or 'failed'. */
export type TransactionWorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'previewed'; preview: ImportPreview }
  | { type: 'imported'; outcome: ImportOutcome }
  | { type: 'failed'; error: ApiError; appError: boolean };

function open(databaseFile: string, readOnly: boolean): DatabaseSync {
  const db = new DatabaseSync(databaseFile, { enableForeignKeyConstraints: true, readOnly });
  db.exec('PRAGMA busy_timeout = 5000');
  if (!readOnly) db.exec('PRAGMA synchronous = NORMAL');
  return db;
}

export function runTransactionJob(job: TransactionJob, progress: (p: JobProgress) => void): Extract<TransactionWorkerMessage, { type: 'previewed' | 'imported' }> {
  const { options } = job;
  const accounts = { accountId: options.accountId, accountMap: options.accountMap };
  const db = open(job.databaseFile, job.kind === 'preview');
  try {
    if (job.kind === 'preview') {
      progress({ phase: 'checking', done: 0, total: 1 });
      const preview = planImport(db, job.source, options.mapping, options.excludeLines, job.today, accounts).preview;
      return { type: 'previewed', preview };
    }
    progress({ phase: 'checking', done: 0, total: 1 });
    const outcome = importFile(db, job.source, { mapping: options.mapping, excludeLines: options.excludeLines, accounts }, job.today, {
      planned: () => progress({ phase: 'saving', done: 0, total: 1 }),
      saving: (done, total) => progress({ phase: 'saving', done, total }),
    });
    return { type: 'imported', outcome };
  } finally {
    db.close();
  }
}

/** An error as it crosses the thread boundary: AppErrors keep code, message and details. */
export function failure(error: unknown): TransactionWorkerMessage {
  if (error instanceof AppError) return { type: 'failed', error: error.toJSON(), appError: true };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { type: 'failed', error: { code: 'INTERNAL', message }, appError: false };
}

/** The host's side: an AppError again (same code, message, details), or a plain Error for the router to log. */
export function errorOf(message: Extract<TransactionWorkerMessage, { type: 'failed' }>): Error {
  const { error } = message;
  if (message.appError && (ERROR_CODES as readonly string[]).includes(error.code)) return new AppError(error.code, error.message, error.details);
  return new Error(`transaction import worker: ${error.message}`);
}
