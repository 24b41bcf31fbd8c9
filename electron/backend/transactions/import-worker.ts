/**
 * Worker thread of transactions.previewImport and transactions.import (started and kept by
 * import-thread.ts). Each message is one TransactionJob; the worker answers with progress
 * messages and ends with one 'previewed', 'imported' or 'failed'. Built as its own entry
 * (out/main/transaction-import-worker.js, electron.vite.config.ts); from source, vitest and
 * the bench load it through tsx.
 */
import { jobFailure } from '../jobs/job-thread';
import { jobPort, serveJobs } from '../jobs/thread-end';
import { runTransactionJob, type TransactionJob, type TransactionWorkerMessage } from './import-job';

const port = jobPort('transactions/import-worker.ts');
const post = (message: TransactionWorkerMessage): void => port.postMessage(message);

serveJobs<TransactionJob>(port, (job) => {
  try {
    post(runTransactionJob(job, (progress) => post({ type: 'progress', progress })));
  } catch (error) {
    post(jobFailure(error));
  }
});
