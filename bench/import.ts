import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { ImportSummary } from '@shared/api/prices';
import { toEpochDay } from '@shared/domain/common/dates';
import { detectPriceFile } from '@shared/domain/prices';
import { createBackend } from '@backend/backend';
import { useBuiltImportWorker } from '@backend/prices/import';
import { insertSecurity } from '@backend/securities/store';
import { recordFigure } from './figures';
import { seededRandom as random } from '@shared/domain/common/random';

/**
 * Price import benchmark (issue 7 §8): a seeded 1,000,000-row daily Yahoo-style CSV
 * (Date, Open, High, Low, Close, Adj Close, Volume at 6 decimals, ~75 MB), imported
 * (a) through Tickerline's real backend path — base64 as the API receives it, decode,
 * detection, columnar parse, merge plan, batched INSERTs, COMMIT on a temp data dir —
 * and (b) the usual way: papaparse + one prepared INSERT per row in one transaction
 * into an equivalent table. Each runs in its own child process so peak RSS is its own.
 */

const ROWS = 1_000_000;
const HERE = dirname(fileURLToPath(import.meta.url));
const GENERATED = join(HERE, '.generated');
const CSV = join(GENERATED, `yahoo-daily-${ROWS}.csv`);
const TARGET_SECONDS = 3;
const TARGET_SPEEDUP = 2;
/** The import thread as the app ships it (built by `electron-vite build`, which `npm run bench` runs first). */
const BUILT_WORKER = join(HERE, '..', 'out', 'main', 'price-import-worker.js');

interface RunResult {
  rows: number;
  seconds: number;
  peakRssMb: number;
  /** Longest the process's event loop went without running a 5 ms timer during the import. */
  maxLoopGapMs?: number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

async function generate(): Promise<void> {
  mkdirSync(GENERATED, { recursive: true });
  const rand = random(20260126);
  const out = createWriteStream(CSV);
  const write = (chunk: string): Promise<void> =>
    out.write(chunk) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
  await write('Date,Open,High,Low,Close,Adj Close,Volume\n');
  // consecutive calendar days from 1800-01-01: one bar per day, oldest first
  const date = new Date(Date.UTC(1800, 0, 1));
  let price = 100;
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const open = price;
    const close = Math.max(0.5, open * (1 + (rand() - 0.5) * 0.04));
    const high = Math.max(open, close) * (1 + rand() * 0.01);
    const low = Math.min(open, close) * (1 - rand() * 0.01);
    const adj = close * 0.97;
    const volume = Math.floor(1e6 + rand() * 5e7);
    price = close;
    const d = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    chunk += `${d},${open.toFixed(6)},${high.toFixed(6)},${low.toFixed(6)},${close.toFixed(6)},${adj.toFixed(6)},${volume}\n`;
    date.setUTCDate(date.getUTCDate() + 1);
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
}

/** Tickerline's path: the dispatcher with the file as the API carries it. */
async function runOurs(): Promise<RunResult> {
  if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER} is missing: run \`npx electron-vite build\` first`);
  useBuiltImportWorker(BUILT_WORKER);
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-bench-'));
  const backend = createBackend({ dataDir, mode: 'test', appVersion: 'bench' });
  try {
    const securityId = insertSecurity(backend.db, {
      symbol: 'BENCH',
      name: 'Benchmark series',
      exchange: 'NYSE',
      currency: 'USD',
      kind: 'stock',
      isin: null,
      issuerId: null,
      sharesPerUnit: 1,
      aliases: [],
    }).id;
    const contentBase64 = readFileSync(CSV).toString('base64');
    const started = performance.now();
    let last = started;
    let maxLoopGapMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxLoopGapMs = Math.max(maxLoopGapMs, now - last);
      last = now;
    }, 5);
    // What the UI does: detect (preview) to get the mapping, then import with it.
    const detection = detectPriceFile(Buffer.from(contentBase64.slice(0, 200_000), 'base64').toString('utf8'), 'bench.csv');
    const result = await backend.dispatch('prices.import', {
      fileName: 'bench.csv',
      contentBase64,
      securityId,
      mapping: detection.mapping,
      acceptValidRowsOnly: false,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    const summary = result.value as ImportSummary;
    const stored = (backend.db.prepare('SELECT count(*) AS n FROM price_bars WHERE security_id = ?').get(securityId) as { n: number }).n;
    if (summary.added !== ROWS || stored !== ROWS) throw new Error(`expected ${ROWS} rows, added ${summary.added}, stored ${stored}`);
    return { rows: stored, seconds, peakRssMb: peakRssMb(), maxLoopGapMs };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The usual way: a general CSV parser, then one prepared INSERT per row in one transaction. */
function runBaseline(): RunResult {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-bench-base-'));
  const db = new DatabaseSync(join(dataDir, 'baseline.sqlite'));
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec(`CREATE TABLE price_bars (
      security_id INTEGER NOT NULL, day INTEGER NOT NULL, open REAL, high REAL, low REAL, close REAL NOT NULL,
      adj_close REAL, volume REAL, PRIMARY KEY (security_id, day)) STRICT, WITHOUT ROWID`);
    const bytes = readFileSync(CSV);
    const started = performance.now();
    const text = bytes.toString('utf8');
    const parsed = Papa.parse<Record<string, string | number>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
    const insert = db.prepare('INSERT INTO price_bars (security_id, day, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    db.exec('BEGIN IMMEDIATE');
    let rows = 0;
    for (const r of parsed.data) {
      insert.run(1, toEpochDay(String(r.Date)), Number(r.Open), Number(r.High), Number(r.Low), Number(r.Close), Number(r['Adj Close']), Number(r.Volume));
      rows++;
    }
    db.exec('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    if (rows !== ROWS) throw new Error(`baseline stored ${rows} rows`);
    return { rows, seconds, peakRssMb: peakRssMb() };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The parent's Node flags (tsx's loader) without an `--eval`/`-e` script: under
 * `tsx -e "import('./bench/import.ts')…"` that script would run again in every child
 * and start the benchmark anew, recursively.
 */
function childExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    if (arg === '--eval' || arg === '-e' || arg === '--print' || arg === '-p') i++;
    else if (!arg.startsWith('--eval=') && !arg.startsWith('--print=')) out.push(arg);
  }
  return out;
}

function inChild(which: 'ours' | 'baseline'): RunResult {
  const child = spawnSync(process.execPath, [...childExecArgv(), fileURLToPath(import.meta.url), '--bench-import-child', which], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || !line) throw new Error(`${which} run failed:\n${child.stdout}\n${child.stderr}`);
  return JSON.parse(line) as RunResult;
}

export async function benchImport(): Promise<void> {
  if (!existsSync(CSV)) {
    console.log(`Generating ${ROWS.toLocaleString('en')} rows into ${CSV} …`);
    await generate();
  }
  const mb = statSync(CSV).size / 1e6;
  console.log(`Price import: ${ROWS.toLocaleString('en')} daily rows, ${mb.toFixed(1)} MB (seeded, ${CSV})`);
  const ours = inChild('ours');
  const baseline = inChild('baseline');
  const speedup = baseline.seconds / ours.seconds;
  const fmt = (r: RunResult): string =>
    `${r.seconds.toFixed(2)} s · ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s · peak RSS ${Math.round(r.peakRssMb)} MB`;
  console.log(`  Tickerline (detect → parse → merge → commit): ${fmt(ours)}`);
  console.log(`  Baseline (papaparse + INSERT per row):        ${fmt(baseline)}`);
  console.log(`  Speed-up: ${speedup.toFixed(2)}×`);
  const gap = Math.round(ours.maxLoopGapMs ?? NaN);
  console.log(`  Longest event-loop stall during Tickerline's import (5 ms timer): ${gap} ms (parse, merge and writes run in a worker thread)`);
  recordFigure({ bench: 'import', name: 'Tickerline 1M-row import', value: `${ours.seconds.toFixed(2)} s`, target: `< ${TARGET_SECONDS} s`, pass: ours.seconds < TARGET_SECONDS });
  recordFigure({ bench: 'import', name: 'speed-up vs papaparse + INSERT per row', value: `${speedup.toFixed(2)}×`, target: `≥ ${TARGET_SPEEDUP}×`, pass: speedup >= TARGET_SPEEDUP });
  recordFigure({ bench: 'import', name: 'Tickerline rows/s', value: Math.round(ours.rows / ours.seconds).toLocaleString('en'), target: '', pass: null });
  recordFigure({ bench: 'import', name: 'Tickerline peak RSS', value: `${Math.round(ours.peakRssMb)} MB`, target: '', pass: null });
  recordFigure({ bench: 'import', name: 'longest event-loop stall during import', value: `${gap} ms`, target: '< 100 ms', pass: gap < 100 });
  recordFigure({ bench: 'import', name: 'baseline time', value: `${baseline.seconds.toFixed(2)} s`, target: '', pass: null });
  recordFigure({ bench: 'import', name: 'baseline peak RSS', value: `${Math.round(baseline.peakRssMb)} MB`, target: '', pass: null });
}

const childIndex = process.argv.indexOf('--bench-import-child');
if (childIndex >= 0) {
  const which = process.argv[childIndex + 1];
  const result = which === 'ours' ? await runOurs() : runBaseline();
  console.log(JSON.stringify(result));
}
