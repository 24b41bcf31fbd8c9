import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { ImportPreview, TransactionMapping } from '@shared/api/transactions';
import { withReadProgress } from '@shared/domain/transactions/csv';
import type { JobFailed } from '../jobs/job-thread';
import { importFile, planImport, type ImportOutcome, type ImportPlan, type ImportSource } from './import';

/**
 * The heavy part of transactions.previewImport and transactions.import — decode, detect,
 * parse, plan against the stored ledger, write — as a plain function of its inputs. It runs
 * inside the transaction import worker (import-worker.ts) on a connection of its own, so a
 * 30 MB statement never stalls the main process. The entry takes the file's bytes and the
 * options, nothing of the calling request (files/resolve.ts gets them: a staged file's shared
 * bytes, or inline base64 decoded).
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
  /**
   * The user's locale from Settings, read by the host: the worker then loads no settings schema, and with it
   * no zod (a sixth of a cold worker's start on a 200,000-line preview).
   */
  locale: string;
  source: ImportSource;
  options: TransactionImportOptions;
}

/**
 * How far a job is. `reading`: the file's lines read (done/total in characters); `checking`:
 * the plan against the ledger; `saving`: lines written (done/total in lines).
 */
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
  | JobFailed;

function open(databaseFile: string, readOnly: boolean): DatabaseSync {
  const db = new DatabaseSync(databaseFile, { enableForeignKeyConstraints: true, readOnly });
  db.exec('PRAGMA busy_timeout = 5000');
  if (!readOnly) {
    db.exec('PRAGMA synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): a 200,000-line import updates three indexes, whose pages then stay in memory.
    db.exec('PRAGMA cache_size = -65536');
  }
  return db;
}

/**
 * The last preview's plan, so the import the user confirms next does not read and check the
 * whole file again (half of a 200,000-line import's time). Used only for the same bytes, options
 * and day, and only when no connection has committed anything since the plan was made: `version`
 * is the database file's identity and SQLite's data_version as a connection of the worker's own
 * sees it, read again inside the import's write transaction, where nobody else can commit.
 */
interface KeptPlan {
  key: string;
  version: string;
  bytes: Uint8Array;
  plan: ImportPlan;
}
let kept: KeptPlan | null = null;

const watchers = new Map<string, DatabaseSync>();
/** Changes whenever another connection commits to the file, or the file is replaced (a restored backup). */
function databaseVersion(databaseFile: string): string {
  let watcher = watchers.get(databaseFile);
  if (watcher === undefined) {
    watcher = new DatabaseSync(databaseFile, { readOnly: true });
    watchers.set(databaseFile, watcher);
  }
  const { data_version: version } = watcher.prepare('PRAGMA data_version').get() as { data_version: number };
  return `${statSync(databaseFile).ino}:${version}`;
}

function planKey(job: TransactionJob): string {
  const { mapping, excludeLines, accountId, accountMap } = job.options;
  return JSON.stringify([job.source.fileName, job.today, job.locale, mapping ?? null, [...excludeLines].sort((a, b) => a - b), accountId ?? null, accountMap ?? null]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * Test hook: in test mode (TICKERLINE_MODE=test), TICKERLINE_TEST_IMPORT_PAUSE_MS makes the worker wait that long
 * after each progress report, so an end-to-end test can see (and photograph) the progress bar of a file
 * that would otherwise be read faster than a screenshot is taken. Off in every other mode.
 */
function pausedForTests(progress: (p: JobProgress) => void): (p: JobProgress) => void {
  const pause = process.env.TICKERLINE_MODE === 'test' ? Number(process.env.TICKERLINE_TEST_IMPORT_PAUSE_MS ?? 0) : 0;
  if (!(pause > 0)) return progress;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return (p) => {
    progress(p);
    // Blocks this worker thread only; the message above is already on its way to the host.
    Atomics.wait(sleeper, 0, 0, pause);
  };
}

export function runTransactionJob(job: TransactionJob, report: (p: JobProgress) => void): Extract<TransactionWorkerMessage, { type: 'previewed' | 'imported' }> {
  const progress = pausedForTests(report);
  const { options } = job;
  const accounts = { accountId: options.accountId, accountMap: options.accountMap };
  const { source } = job;
  const key = planKey(job);
  const reading = (done: number, total: number): void => progress({ phase: 'reading', done, total });
  const checking = (): void => progress({ phase: 'checking', done: 0, total: 1 });
  const db = open(job.databaseFile, job.kind === 'preview');
  try {
    if (job.kind === 'preview') {
      kept = null;
      progress({ phase: 'reading', done: 0, total: 1 });
      const before = databaseVersion(job.databaseFile);
      const plan = withReadProgress(reading, () => planImport(db, source, options.mapping, options.excludeLines, job.today, job.locale, accounts, checking));
      // Kept only when nothing was committed while it was made: then it saw one state of the ledger.
      if (databaseVersion(job.databaseFile) === before) kept = { key, version: before, bytes: source.bytes, plan };
      return { type: 'previewed', preview: plan.preview };
    }
    progress({ phase: 'reading', done: 0, total: 1 });
    const reuse = (): ImportPlan | null => {
      const k = kept;
      kept = null;
      return k !== null && k.key === key && k.version === databaseVersion(job.databaseFile) && sameBytes(k.bytes, source.bytes) ? k.plan : null;
    };
    const outcome = withReadProgress(reading, () =>
      importFile(db, source, { mapping: options.mapping, excludeLines: options.excludeLines, accounts }, job.today, job.locale, {
        parsed: checking,
        planned: () => progress({ phase: 'saving', done: 0, total: 1 }),
        saving: (done, total) => progress({ phase: 'saving', done, total }),
        reuse,
      }),
    );
    return { type: 'imported', outcome };
  } finally {
    db.close();
  }
}
