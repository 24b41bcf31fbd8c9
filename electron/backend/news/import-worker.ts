/**
 * Worker thread of news.previewImport and news.import (started and kept by import-thread.ts).
 * Each message is one NewsJob; the worker answers with progress and item chunks and ends with
 * one 'previewed', 'imported' or 'failed'. Built as its own entry
 * (out/main/news-import-worker.js, electron.vite.config.ts); from source, vitest and the bench
 * load it through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { jobFailure } from '../jobs/job-thread';
import { runNewsJob, type NewsJob, type NewsWorkerMessage } from './import-job';

const port = parentPort;
if (port === null) throw new Error('news import-worker.ts runs only as a worker thread');
const post = (message: NewsWorkerMessage): void => port.postMessage(message);

port.on('message', (job: NewsJob) => {
  runNewsJob(job, post).catch((error: unknown) => post(jobFailure(error)));
});
