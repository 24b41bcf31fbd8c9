import { createHash } from 'node:crypto';
import { decodeTransactionFileBytes } from '@shared/domain/transactions/decode';
import { trading212Preset } from '@shared/domain/transactions/presets/trading212';
import { trading212History } from './transactions';

/**
 * The Trading 212 preset's parse of the 200,000-line bench file alone (no decode, no plan), to weigh a change
 * to the CSV reader or row building on a busy machine: each run prints wall and this thread's CPU time, and
 * a digest of the result so a faster parse can be checked to read exactly the same.
 * `npx tsx bench/profile-parse.ts [runs]`, or with `node --cpu-prof --import tsx …`.
 */
const runs = Number(process.argv[2] ?? 5);
// Decoded from bytes as the worker does: the generator's own string is a rope the first read would flatten.
const { text } = decodeTransactionFileBytes(new Uint8Array(Buffer.from(trading212History(200_000))), 'trading212-bench.csv');
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const cpu = process.threadCpuUsage();
  const result = trading212Preset.parse(text);
  const used = process.threadCpuUsage(cpu);
  const ended = performance.now();
  const digest = run === 0 && process.env.NO_DIGEST === undefined ? ` digest ${createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16)}` : '';
  console.log(`parse ${(ended - started).toFixed(0)} ms, thread CPU ${((used.user + used.system) / 1000).toFixed(0)} ms; ${result.transactions.length} transactions, ${result.cash.length} cash${digest}`);
}
