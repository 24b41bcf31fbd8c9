import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '@backend/backend';
import { planImport } from '@backend/transactions/import';
import { trading212History } from './transactions';

/**
 * The 200,000-line preview of bench/transactions.ts (issue 18 §5) run in this process, without the worker, so a
 * profiler sees it whole and a change can be weighed on a busy machine: each run prints its wall time and this
 * thread's CPU time. `npx tsx bench/profile-preview.ts [runs]`, or with `node --cpu-prof --import tsx …`.
 */
const runs = Number(process.argv[2] ?? 3);
const bytes = new Uint8Array(Buffer.from(trading212History(200_000)));
const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-profile-tx-'));
const backend = createBackend({ dataDir, mode: 'test', appVersion: 'profile' });
try {
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.threadCpuUsage();
    const plan = planImport(backend.db, { fileName: 'trading212-bench.csv', bytes }, undefined, [], '2026-12-05', 'en-GB');
    const used = process.threadCpuUsage(cpu);
    const wall = (performance.now() - started) / 1000;
    console.log(`preview ${wall.toFixed(2)} s, thread CPU ${((used.user + used.system) / 1e6).toFixed(2)} s; ${plan.preview.rows.length} of ${plan.planned.length} rows shown`);
  }
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
