import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '@backend/backend';
import { tempDir } from '@backend/testing/temp-backend';
import { recoverDamagedDatabase, type RecoveryDialogs } from './recovery';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A data folder whose database is cut to one page, with one automatic copy (base currency GBP) in backups/. */
async function damagedFolder(): Promise<{ dataDir: string; copyBytes: number }> {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const dataDir = join(dir, 'data');
  const first = createBackend({ dataDir, mode: 'test', appVersion: '0' });
  await first.dispatch('settings.update', { baseCurrency: 'GBP' });
  const made = await first.dispatch('backup.create', {});
  first.close();
  if (!made.ok) throw new Error(made.error.message);
  const bytes = Buffer.from((made.value as { contentBase64: string }).contentBase64, 'base64');
  mkdirSync(join(dataDir, 'backups'), { recursive: true });
  writeFileSync(join(dataDir, 'backups', 'before-v6-20261120-101500-000.sqlite'), bytes);
  const live = join(dataDir, 'tickerline.sqlite');
  writeFileSync(live, readFileSync(live).subarray(0, 4096));
  return { dataDir, copyBytes: bytes.length };
}

/** Answers each message box with the button whose label starts with the next answer. */
function answering(...answers: string[]): RecoveryDialogs & { asked: MessageBoxOptions[] } {
  const asked: MessageBoxOptions[] = [];
  return {
    asked,
    showMessageBox(options) {
      asked.push(options);
      const answer = answers.shift() ?? 'Quit';
      return Promise.resolve({ response: options.buttons?.findIndex((b) => b.startsWith(answer)) ?? -1 });
    },
    showOpenDialog() {
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
  };
}

function open(dataDir: string): Backend {
  const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
  cleanups.unshift(() => backend.close());
  return backend;
}

describe('desktop recovery dialog', () => {
  it('names the file and lists the copies with date and size, then restores the newest', async () => {
    const { dataDir, copyBytes } = await damagedFolder();
    const backend = open(dataDir);
    const dialogs = answering('Restore the Copy');
    expect(await recoverDamagedDatabase(backend, dialogs, join(dataDir, 'backups'))).toBe(true);
    const shown = dialogs.asked[0]!;
    expect(shown.message).toBe('Tickerline cannot open your database');
    expect(shown.detail).toContain(`The file ${join(dataDir, 'tickerline.sqlite')} is damaged`);
    // 2026-11-20 10:15 UTC and the copy's size in whole KB
    expect(shown.detail).toContain(`2026-11-20 10:15 UTC  ${`${Math.round(copyBytes / 1024)} KB`.padStart(8)}  before-v6-20261120-101500-000.sqlite`);
    expect(shown.buttons).toEqual(['Restore the Copy of 2026-11-20 10:15 UTC', 'Choose a Backup File…', 'Start Fresh', 'Quit']);
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'GBP' } });
    expect(readdirSync(dataDir).filter((n) => n.startsWith('tickerline-damaged-'))).toHaveLength(1);
  });

  it('quits without touching anything, or starts fresh keeping the damaged file', async () => {
    const { dataDir } = await damagedFolder();
    const damagedBytes = readFileSync(join(dataDir, 'tickerline.sqlite'));
    const backend = open(dataDir);
    expect(await recoverDamagedDatabase(backend, answering('Quit'), join(dataDir, 'backups'))).toBe(false);
    expect(readFileSync(join(dataDir, 'tickerline.sqlite')).equals(damagedBytes)).toBe(true);
    // A cancelled file pick asks again; then Start Fresh.
    expect(await recoverDamagedDatabase(backend, answering('Choose', 'Start Fresh'), join(dataDir, 'backups'))).toBe(true);
    const aside = readdirSync(dataDir).find((n) => n.startsWith('tickerline-damaged-'));
    expect(readFileSync(join(dataDir, aside!)).equals(damagedBytes)).toBe(true);
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'EUR' } });
  });
});
