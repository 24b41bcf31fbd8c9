import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, startBrowserMode, test } from './fixtures';

const SHOTS = resolve(import.meta.dirname, '..', 'test-results', 'screenshots', 'browser');

test.beforeEach(({ browserName }, testInfo) => {
  void browserName;
  test.skip(testInfo.project.name === 'electron', 'The desktop app asks in a native dialog (electron/main/recovery.ts, tested with a stand-in).');
});

test('a damaged database opens the recovery page, and restoring an automatic copy brings the app back', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-e2e-'));
  try {
    // A sound database made by the app, kept as an automatic copy, then the live file cut to one page.
    const first = await startBrowserMode(dataDir);
    first.server.kill('SIGTERM');
    await new Promise((r) => first.server.once('exit', r));
    const live = join(dataDir, 'tickerline.sqlite');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    copyFileSync(live, join(dataDir, 'backups', 'before-v6-20261120-101500-000.sqlite'));
    writeFileSync(live, readFileSync(live).subarray(0, 4096));

    const { url, server } = await startBrowserMode(dataDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: 'Tickerline cannot open your database' })).toBeVisible();
      await expect(page.getByText(live)).toBeVisible();
      await expect(page.getByRole('cell', { name: '2026-11-20 10:15 UTC' })).toBeVisible();
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'recovery-light.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SHOTS, 'recovery-dark.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light' });

      await page.getByRole('button', { name: 'Restore this copy' }).click();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      expect(readdirSync(dataDir).filter((n) => n.startsWith('tickerline-damaged-'))).toHaveLength(1);
    } finally {
      await context.close();
      server.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
