import type { WorkerOptions } from 'node:worker_threads';
import type { ImportSummary, PriceFileMapping, PriceImportOptions } from '@shared/api/prices';
import type { BackendContext } from '../context';
import { transferList, type ResolvedFile } from '../files/resolve';
import { jobThread } from '../jobs/job-thread';
import { locateWorker } from '../jobs/worker-script';
import { requireSecurity } from '../securities/store';
import type { ImportJob, WorkerJob, WorkerMessage } from './import-job';
import type { FilePreview } from './preview-job';
import { previewPool } from './preview-pool';

let builtScriptOverride: string | null = null;

/** The worker's script: beside the built entries, or its .ts sibling under tsx from source. */
function workerSpec(): { script: string; options: WorkerOptions } {
  if (builtScriptOverride !== null) return { script: builtScriptOverride, options: {} };
  return locateWorker(import.meta.url, 'price-import-worker.js', 'import-worker.ts');
}

/** The preview threads (see preview-pool.ts). */
const previews = previewPool(workerSpec);

/**
 * Imports run one at a time on one thread (jobs/job-thread.ts): each holds the write lock of
 * its own connection until it commits. Previews have threads of their own.
 */
const imports = jobThread<WorkerJob, WorkerMessage>(
  { callerUrl: import.meta.url, builtName: 'price-import-worker.js', sourceName: 'import-worker.ts', name: 'the price import worker' },
  ['done', 'previewed'],
);

/**
 * Runs imports and previews on a built worker (out/main/price-import-worker.js) even from
 * source: the bench measures the code that ships, without tsx compiling the worker.
 */
export function useBuiltImportWorker(script: string): void {
  builtScriptOverride = script;
  imports.useBuilt(script);
}

/**
 * prices.import: the confirmed mapping applied to the file, rejected rows refused or
 * skipped, the result merged into the stored series in one transaction. The work runs
 * in a worker thread on its own connection (import-job.ts), so the main process —
 * window, menus, IPC — stays responsive while the main connection keeps reading the
 * last committed state. Errors keep their AppError code across the thread boundary.
 */
export async function importPrices(options: PriceImportOptions, file: ResolvedFile, ctx: BackendContext): Promise<ImportSummary> {
  const { jobId: requestedJobId, securityId, mapping, acceptValidRowsOnly, aggregateIntraday, rememberMapping } = options;
  const jobId = requestedJobId ?? `prices-${Date.now()}`;
  const progress = (phase: string, done: number, total: number): void => ctx.emit('import.progress', { jobId, phase, done, total });

  requireSecurity(ctx.db, securityId);
  progress('reading', 0, 1);
  const input: ImportJob['input'] = { fileName: file.fileName, securityId, mapping, acceptValidRowsOnly, aggregateIntraday, rememberMapping };
  const job: WorkerJob = { kind: 'import', databaseFile: ctx.databaseFile, input, bytes: file.bytes };
  const message = await imports.run(job, transferList(file.bytes), (m) => {
    if (m.type === 'progress') progress(m.progress.phase, m.progress.done, m.progress.total);
  });
  if (message.type !== 'done') throw new Error(`price import worker: answered an import with '${message.type}'`);
  const { summary } = message;
  const n = summary.added + summary.updated + summary.unchanged;
  progress('done', n, n);
  return summary;
}

/**
 * The heavy part of prices.preview — decode, detect, parse the whole file — on the import
 * thread (preview-job.ts), so a large file never stalls the main process. Previews run on
 * threads of their own, two at a time (preview-pool.ts), beside a running import.
 */
export function previewPriceFile(file: ResolvedFile, mapping: PriceFileMapping | undefined, databaseFile: string): Promise<FilePreview> {
  return previews.preview({ kind: 'preview', databaseFile, fileName: file.fileName, mapping: mapping ?? null, bytes: file.bytes });
}
