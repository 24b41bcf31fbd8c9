/**
 * Worker thread of news.previewImport and news.import (started and kept by import-thread.ts).
 * Each message is one NewsJob; the worker answers with progress and item chunks and ends with
 * one 'previewed', 'imported' or 'failed'. Built as its own entry
 * (out/main/news-import-worker.js, electron.vite.config.ts); from source, vitest and the bench
 * load it through tsx.
 */
import { jobFailure } from '../jobs/job-thread';
import { jobPort, serveJobs } from '../jobs/thread-end';
import { runNewsJob, type NewsJob, type NewsWorkerMessage } from './import-job';

const port = jobPort('news/import-worker.ts');
const post = (message: NewsWorkerMessage): void => port.postMessage(message);

serveJobs<NewsJob>(port, (job) => {
  runNewsJob(job, post).catch((error: unknown) => post(jobFailure(error)));
});
