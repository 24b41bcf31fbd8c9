/**
 * Worker thread of prices.import (started and kept by import.ts). Each message is one
 * ImportJob; the worker answers with progress messages and ends each job with one
 * 'done' or 'failed' message. Built as its own entry (out/main/price-import-worker.js,
 * electron.vite.config.ts); from source, vitest and the bench load it through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage, runImportJob, type ImportJob, type WorkerMessage } from './import-job';

const port = parentPort;
if (port === null) throw new Error('import-worker.ts runs only as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

port.on('message', (job: ImportJob) => {
  runImportJob(job, (progress) => post({ type: 'progress', progress })).then(
    (summary) => post({ type: 'done', summary }),
    (error: unknown) => post(errorMessage(error)),
  );
});
