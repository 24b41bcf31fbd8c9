/** A job thread for thread-end.test.ts: answers each job with its text and a mark, ends when asked. */
import { jobPort, serveJobs } from '../thread-end';

const port = jobPort('jobs/testing/echo-worker.ts');
serveJobs<{ text: string }>(port, (job) => port.postMessage(`${job.text}!`));
