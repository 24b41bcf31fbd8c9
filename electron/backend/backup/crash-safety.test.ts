import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { tempDir } from '../testing/temp-backend';
import { seedFromFixtures, snapshotContent } from './fixture-seed';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CHILD = join(import.meta.dirname, 'testing', 'import-child.ts');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Every calendar day 1800-01-01 … 2199-12-31 (the date range price files may use): 146,097 bars. */
function bigPriceFile(path: string): number {
  const lines = ['Date,Open,High,Low,Close,Volume'];
  for (let t = Date.UTC(1800, 0, 1), i = 0; t <= Date.UTC(2199, 11, 31); t += 86_400_000, i++) {
    const close = (100 + Math.sin(i / 50) * 20 + i / 1000).toFixed(4);
    lines.push(`${new Date(t).toISOString().slice(0, 10)},${close},${(Number(close) + 1).toFixed(4)},${(Number(close) - 1).toFixed(4)},${close},${1000 + i}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

interface ChildRun {
  output: string;
  signal: NodeJS.Signals | null;
  walBytesAtKill: number;
}

/** Runs the import in a child Node process and SIGKILLs it as soon as its transaction has written a batch. */
function importAndKill(dataDir: string, csv: string, securityId: number): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, csv, String(securityId)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let walBytesAtKill = -1;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (walBytesAtKill < 0 && output.includes('import started')) {
        // The line is written between two batches inside the open transaction; the next
        // batch is already being written when the kill lands.
        walBytesAtKill = statSync(join(dataDir, 'tickerline.sqlite-wal')).size;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolveRun({ output, signal, walBytesAtKill }));
  });
}

describe('crash safety', () => {
  it('a backend killed (SIGKILL) in the middle of a large import leaves the database intact and as it was', { timeout: 60_000 }, async () => {
    const { dir: dataDir, dispose } = tempDir();
    cleanups.push(dispose);
    // Before: the fixture NVDA history and headlines, a setting, and an empty security to import into.
    const setup = createBackend({ dataDir, mode: 'test', appVersion: '0.0.0-test' });
    seedFromFixtures(setup.db);
    await setup.dispatch('settings.update', { baseCurrency: 'USD' });
    setup.db.exec("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('BIG', 'Four centuries of bars', 'TEST', 'USD', 'stock')");
    const bigId = (setup.db.prepare("SELECT id FROM securities WHERE symbol = 'BIG'").get() as { id: number }).id;
    const before = snapshotContent(setup.db);
    setup.close();

    const csv = join(dataDir, 'big.csv');
    expect(bigPriceFile(csv)).toBe(146_097); // 400 Gregorian years = 146,097 days

    const run = await importAndKill(dataDir, csv, bigId);
    expect(run.output).toContain('import started');
    expect(run.output).not.toContain('import finished');
    expect(run.signal).toBe('SIGKILL');
    // Uncommitted pages of the import had reached the WAL: recovery is really exercised.
    expect(run.walBytesAtKill).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'tickerline.sqlite-wal'))).toBe(true);

    const db = new DatabaseSync(join(dataDir, 'tickerline.sqlite'));
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM price_bars WHERE security_id = ?').get(bigId)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM price_bars').get()).toEqual({ n: 1009 }); // NVDA only
    expect(snapshotContent(db)).toEqual(before);
    db.close();

    // And the app opens it normally afterwards.
    const reopened = createBackend({ dataDir, mode: 'test', appVersion: '0.0.0-test' });
    expect(await reopened.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'USD' } });
    reopened.close();
  });
});
