/**
 * Worker thread of prices.import and prices.preview (started and kept by import.ts).
 * Each message is one WorkerJob: an import answers with progress messages and ends with
 * one 'done' or 'failed' message; a preview ends with one 'previewed' or 'failed'. Built as its own entry (out/main/price-import-worker.js,
 * electron.vite.config.ts); from source, vitest and the bench load it through tsx.
 */
import { jobFailure } from '../jobs/job-thread';
import { jobPort, serveJobs } from '../jobs/thread-end';
import { runImportJob, type WorkerJob, type WorkerMessage } from './import-job';
import { runPreviewJob } from './preview-job';

const port = jobPort('prices/import-worker.ts');
const post = (message: WorkerMessage): void => port.postMessage(message);

serveJobs<WorkerJob>(port, (job) => {
  if (job.kind === 'preview') {
    try {
      post({ type: 'previewed', preview: runPreviewJob(job) });
    } catch (error) {
      post(jobFailure(error));
    }
    return;
  }
  runImportJob(job, (progress) => post({ type: 'progress', progress })).then(
    (summary) => post({ type: 'done', summary }),
    (error: unknown) => post(jobFailure(error)),
  );
});
