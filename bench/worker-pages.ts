import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * What a worker thread's heap leaves in the process after the worker ends (issue 19, backend memory):
 * three workers each churn through short-lived objects (as an import plan does), are terminated, and
 * the process's resident memory and its 256 KiB anonymous mappings (V8's heap pages) are counted,
 * for several rounds. On Node 24 here the pages stay resident after every worker has ended and are
 * reused by the next round's workers, so resident memory stays near the highest total the workers'
 * heaps ever reached at once; a smaller young generation (`YOUNG_MB=48`) lowers that mark.
 * `npx tsx bench/worker-pages.ts [rounds]`; not part of `npm run bench`.
 */

const rounds = Number(process.argv[2] ?? 3);
const youngMb = process.env.YOUNG_MB ? Number(process.env.YOUNG_MB) : undefined;

const residentMb = (): number => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);
const heapPages = (): number =>
  readFileSync('/proc/self/maps', 'utf8')
    .split('\n')
    .filter((line) => {
      const m = /^([0-9a-f]+)-([0-9a-f]+) rw-p 00000000 00:00 0\s*$/.exec(line);
      return m !== null && parseInt(m[2] ?? '0', 16) - parseInt(m[1] ?? '0', 16) === 256 * 1024;
    }).length;

// Plain JavaScript for `eval: true`: a worker started from source would load tsx first.
const churn = `
  let batch = [];
  for (let i = 0; i < 3e6; i++) {
    batch.push({ line: i, text: 'x' + i });
    if (batch.length > 2e5) batch = [];
  }
  require('node:worker_threads').parentPort.postMessage('done');
`;

console.log(`start: ${residentMb()} MB resident, ${heapPages()} heap pages`);
for (let round = 1; round <= rounds; round++) {
  const workers = [0, 1, 2].map(() => new Worker(churn, { eval: true, ...(youngMb ? { resourceLimits: { maxYoungGenerationSizeMb: youngMb } } : {}) }));
  await Promise.all(workers.map((w) => new Promise((done) => w.once('message', done))));
  const busy = `${residentMb()} MB, ${heapPages()} pages`;
  await Promise.all(workers.map((w) => w.terminate()));
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`round ${round}: workers done ${busy}; 2 s after they ended ${residentMb()} MB, ${heapPages()} pages`);
}
