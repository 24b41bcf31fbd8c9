/**
 * Worker thread of transactions.previewImport and transactions.import (started and kept by
 * import-thread.ts). Each message is one TransactionJob; the worker answers with progress
 * messages and ends with one 'previewed', 'imported' or 'failed'. Built as its own entry
 * (out/main/transaction-import-worker.js, electron.vite.config.ts); from source, vitest and
 * the bench load it through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { jobFailure } from '../jobs/job-thread';
import { runTransactionJob, type TransactionJob, type TransactionWorkerMessage } from './import-job';

const port = parentPort;
if (port === null) throw new Error('import-worker.ts runs only as a worker thread');
const post = (message: TransactionWorkerMessage): void => port.postMessage(message);

port.on('message', (job: TransactionJob) => {
  try {
    post(runTransactionJob(job, (progress) => post({ type: 'progress', progress })));
  } catch (error) {
    post(jobFailure(error));
  }
});
