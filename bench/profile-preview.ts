import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { createBackend } from '@backend/backend';
import { planImport } from '@backend/transactions/import';
import { trading212History } from './transactions';

/**
 * The 200,000-line preview of bench/transactions.ts (issue 18 §5) run in this process, without the worker, so a
 * profiler sees it whole and a change can be weighed on a busy machine: each run prints its wall time and this
 * thread's CPU time, split at the end of the parse, and the size of the answer the worker would post.
 * `npx tsx bench/profile-preview.ts [runs]`, or with `node --cpu-prof --import tsx …`.
 */
const runs = Number(process.argv[2] ?? 3);
const bytes = new Uint8Array(Buffer.from(trading212History(200_000)));
const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-profile-tx-'));
const backend = createBackend({ dataDir, mode: 'test', appVersion: 'profile' });
try {
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.threadCpuUsage();
    let parsed = started;
    const plan = planImport(backend.db, { fileName: 'trading212-bench.csv', bytes }, undefined, [], '2026-12-05', 'en-GB', {}, () => {
      parsed = performance.now();
    });
    const used = process.threadCpuUsage(cpu);
    const ended = performance.now();
    const s = (ms: number): string => (ms / 1000).toFixed(2);
    // What the worker would post to the host: its structured-clone size.
    const answer = serialize(plan.preview).byteLength / 1e6;
    console.log(
      `preview ${s(ended - started)} s (decode and parse ${s(parsed - started)} s, plan ${s(ended - parsed)} s), thread CPU ${((used.user + used.system) / 1e6).toFixed(2)} s;` +
        ` ${plan.preview.rows.length} of ${plan.planned.length} rows shown, answer ${answer.toFixed(2)} MB`,
    );
  }
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
