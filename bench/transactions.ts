import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportPreview } from '@shared/api/transactions';
import { createBackend } from '@backend/backend';
import { useBuiltTransactionWorker } from '@backend/transactions/import-thread';
import { seededRandom as random } from '@shared/domain/common/random';
import { recordFigure } from './figures';

/**
 * Transaction import benchmark (issue 18 §5): a seeded 200,000-line Trading 212 history
 * (~30 MB: buys, sells that the holding always covers, dividends, deposits) through the real
 * backend path — base64 as the API carries it, the worker's decode, detection, preset parse,
 * plan against the ledger, and the import's writes in one transaction — on a temp data dir.
 * Targets: preview < 2 s, import < 3 s, longest event-loop stall of the calling process
 * (the app's main process) < 100 ms during both.
 */

const LINES = 200_000;
const PREVIEW_TARGET_S = 2;
const IMPORT_TARGET_S = 3;
const STALL_TARGET_MS = 100;
const HERE = dirname(fileURLToPath(import.meta.url));
const BUILT_WORKER = join(HERE, '..', 'out', 'main', 'transaction-import-worker.js');

const HEADER =
  'Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Withholding tax,Currency (Withholding tax),Notes,ID,Currency conversion fee,Currency (Currency conversion fee)';

/** 40 made-up US listings with ISINs of the right shape (check digits are not verified by the preset). */
const TICKERS = Array.from({ length: 40 }, (_, i) => ({ ticker: `BN${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`, isin: `US${String(1000000000 + i * 7919).padStart(9, '0')}${i % 10}` }));

export function trading212History(lines: number, seed = 20261205): string {
  const rand = random(seed);
  const held = new Map<string, number>();
  const out: string[] = [HEADER];
  // One line a minute from 2000-01-03 on: 200,000 minutes is about 139 days of minutes, spread over
  // 20 years by stepping ~50 minutes a line, so every date is in the past.
  let t = Date.UTC(2000, 0, 3, 9, 0, 0);
  for (let i = 0; i < lines; i++) {
    t += Math.floor(40 + rand() * 20) * 60_000;
    const when = new Date(t).toISOString().replace('T', ' ').slice(0, 23);
    const s = TICKERS[Math.floor(rand() * TICKERS.length)]!;
    const r = rand();
    const price = (20 + rand() * 200).toFixed(2);
    if (r < 0.05) {
      out.push(`Deposit,${when},,,,,,,,,,${(100 + rand() * 900).toFixed(2)},"EUR",,,"Transaction ID: B${i}",dep-${i},,`);
    } else if (r < 0.15 && (held.get(s.ticker) ?? 0) > 0) {
      const shares = held.get(s.ticker)!;
      out.push(`Dividend (Dividend),${when},${s.isin},${s.ticker},"Bench ${s.ticker}",${shares.toFixed(4)},0.10,USD,Not available,,,${(shares * 0.09).toFixed(2)},"EUR",${(shares * 0.015).toFixed(2)},USD,,div-${i},,`);
    } else if (r < 0.3 && (held.get(s.ticker) ?? 0) >= 1) {
      held.set(s.ticker, Math.round(((held.get(s.ticker) ?? 0) - 1) * 1e4) / 1e4);
      out.push(`Market sell,${when},${s.isin},${s.ticker},"Bench ${s.ticker}",1.0000000000,${price},USD,1.10000,0.50,"EUR",${(Number(price) / 1.1).toFixed(2)},"EUR",,,,S${i},,`);
    } else {
      const shares = Math.round((0.5 + rand() * 4) * 1e4) / 1e4;
      held.set(s.ticker, Math.round(((held.get(s.ticker) ?? 0) + shares) * 1e4) / 1e4);
      out.push(`Market buy,${when},${s.isin},${s.ticker},"Bench ${s.ticker}",${shares.toFixed(10)},${price},USD,1.10000,,"EUR",${((shares * Number(price)) / 1.1).toFixed(2)},"EUR",,,,B${i},,`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Runs `work` while a 5 ms interval ticks; the longest gap between ticks (and to the end) is the stall. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; stallMs: number }> {
  const started = performance.now();
  let last = started;
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    const end = performance.now();
    return { result, seconds: (end - started) / 1000, stallMs: Math.max(stallMs, end - last) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchTransactions(): Promise<void> {
  if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER} is missing: run \`npx electron-vite build\` first`);
  useBuiltTransactionWorker(BUILT_WORKER);
  const text = trading212History(LINES);
  const contentBase64 = Buffer.from(text).toString('base64');
  console.log(`Transaction import: ${LINES.toLocaleString('en')} Trading 212 lines, ${(text.length / 1e6).toFixed(1)} MB (seeded)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-bench-tx-'));
  const backend = createBackend({ dataDir, mode: 'test', appVersion: 'bench' });
  try {
    const file = { fileName: 'trading212-bench.csv', contentBase64 };
    const preview = await timed(() => backend.dispatch('transactions.previewImport', { file }));
    if (!preview.result.ok) throw new Error(`preview failed: ${preview.result.error.message}`);
    const p = preview.result.value as ImportPreview;
    if (p.errors.length > 0) throw new Error(`preview found ${p.errors.length} errors, first: ${JSON.stringify(p.errors[0])}`);
    const imported = await timed(() => backend.dispatch('transactions.import', { file }));
    if (!imported.result.ok) throw new Error(`import failed: ${imported.result.error.message}`);
    const outcome = imported.result.value as { added: number; cashAdded: number };
    const stored = (backend.db.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;
    const counts = p.counts;
    if (counts === null || stored !== counts.newRows || outcome.added !== counts.newRows || outcome.cashAdded !== counts.newCash) {
      throw new Error(`expected ${counts?.newRows} transactions and ${counts?.newCash} cash lines, stored ${stored} (added ${outcome.added}, cash ${outcome.cashAdded})`);
    }
    console.log(`  Preview: ${preview.seconds.toFixed(2)} s (${counts.newRows} transactions, ${counts.newCash} cash lines), longest stall ${Math.round(preview.stallMs)} ms`);
    console.log(`  Import:  ${imported.seconds.toFixed(2)} s, longest stall ${Math.round(imported.stallMs)} ms`);
    const stall = Math.round(Math.max(preview.stallMs, imported.stallMs));
    recordFigure({ bench: 'transactions', name: '200k-line preview', value: `${preview.seconds.toFixed(2)} s`, target: `< ${PREVIEW_TARGET_S} s`, pass: preview.seconds < PREVIEW_TARGET_S });
    recordFigure({ bench: 'transactions', name: '200k-line import', value: `${imported.seconds.toFixed(2)} s`, target: `< ${IMPORT_TARGET_S} s`, pass: imported.seconds < IMPORT_TARGET_S });
    recordFigure({ bench: 'transactions', name: 'longest event-loop stall', value: `${stall} ms`, target: `< ${STALL_TARGET_MS} ms`, pass: stall < STALL_TARGET_MS });
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
