import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { endThread } from './thread-end';
import { locateWorker } from './worker-script';

describe('endThread', () => {
  it('a job thread asked to end finishes by itself (exit code 0, not terminated) after its jobs', async () => {
    const { script, options } = locateWorker(import.meta.url, 'no-built-echo-worker.js', 'testing/echo-worker.ts');
    const worker = new Worker(script, options);
    worker.postMessage({ text: 'Alibaba +5.32 %' });
    const [answer] = (await once(worker, 'message')) as [string];
    expect(answer).toBe('Alibaba +5.32 %!');
    const exited = once(worker, 'exit');
    endThread(worker, 60_000);
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
  });

  it('a thread that does not answer the request is terminated after the grace time (exit code 1)', async () => {
    const worker = new Worker('setInterval(() => {}, 1_000);', { eval: true });
    await once(worker, 'online');
    const started = Date.now();
    const exited = once(worker, 'exit');
    endThread(worker, 200);
    const [code] = (await exited) as [number];
    expect(code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
