import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { FIXTURES, electronBinary, expect, launchDesktopApp, secondLaunchArgs, test } from './fixtures';

/**
 * Desktop-only behaviour: the native menu, native dialogs (stubbed at the
 * dialog boundary in the main process), single instance and the sandbox.
 * Runs in the `electron` project where the Electron binary is installed.
 */

interface Bridge {
  tickerline: { call(method: string, input: unknown): Promise<unknown> };
}

let electronApp: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async ({ browserName }, testInfo) => {
  void browserName; // an option fixture, so this hook starts no browser
  test.skip(testInfo.project.name !== 'electron', 'Desktop-only: menus, native dialogs and single instance exist only in the Electron app.');
  const binary = electronBinary();
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');
  if ('reason' in binary) return;
  dataDir = mkdtempSync(join(tmpdir(), 'tickerline-desktop-'));
  electronApp = await launchDesktopApp(binary.path, dataDir);
  page = await electronApp.firstWindow();
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
});

test.afterEach(async () => {
  await electronApp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Replaces dialog.showOpenDialog in the main process so it "picks" these files. */
async function stubOpenDialog(paths: string[]): Promise<void> {
  await electronApp.evaluate(({ dialog }, picked) => {
    const fake = async () => ({ canceled: false, filePaths: picked });
    Object.assign(dialog, { showOpenDialog: fake });
  }, paths);
}

async function clickMenuItem(id: string): Promise<void> {
  const found = await electronApp.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click();
    return item !== null && item !== undefined;
  }, id);
  expect(found, `menu item ${id}`).toBe(true);
}

test('File ▸ Import Prices… opens a native dialog and brings the picked file to the Import screen', async () => {
  await stubOpenDialog([join(FIXTURES, 'prices', 'stooq_nvda_us_d.csv')]);
  await clickMenuItem('import-prices');
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  await expect(page.getByText('stooq_nvda_us_d.csv').first()).toBeVisible();
});

test('File ▸ Restore… validates the picked backup after the user confirms', async () => {
  const backup = (await page.evaluate(() => (window as unknown as Bridge).tickerline.call('backup.create', {}))) as { ok: true; value: { contentBase64: string } };
  const file = join(dataDir, 'picked-backup.sqlite');
  writeFileSync(file, Buffer.from(backup.value.contentBase64, 'base64'));
  await stubOpenDialog([file]);
  await clickMenuItem('restore');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: 'Replace your data with “picked-backup.sqlite”?' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Check and restore' }).click();
  await expect(page.getByText('Backup restored')).toBeVisible();
});

test('View ▸ Switch Light/Dark and the navigation items act on the window', async () => {
  await clickMenuItem('navigate:settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const before = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  await clickMenuItem('toggle-theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', before ? 'light' : 'dark');
  await clickMenuItem('toggle-theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', before ? 'dark' : 'light');
});

test('runs as the app folder does under npm start: its name, version and data folder', async () => {
  const facts = await electronApp.evaluate(({ app }) => ({ name: app.getName(), version: app.getVersion(), userData: app.getPath('userData') }));
  expect(facts).toEqual({ name: 'Tickerline', version: '0.1.0', userData: dataDir });
});

test('a second launch exits and focuses the first window', async () => {
  const binary = electronBinary();
  if ('reason' in binary) return;
  const second = spawn(binary.path, secondLaunchArgs(dataDir), { stdio: 'ignore', env: { ...process.env, TICKERLINE_MODE: 'test' } });
  const code = await new Promise<number | null>((done) => second.on('exit', done));
  expect(code).toBe(0);
  expect(electronApp.windows()).toHaveLength(1);
});

test('the page cannot reach Node, open windows or navigate away', async () => {
  const reach = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((window as unknown as Partial<Bridge>).tickerline ?? {}).sort(),
    opened: window.open('https://example.com/') === null,
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'on'], opened: true });
  expect(electronApp.windows()).toHaveLength(1);
  // The web link went to the (stubbed) system browser, not into a window.
  expect(await electronApp.evaluate(() => (globalThis as { __openedExternally?: string[] }).__openedExternally)).toEqual(['https://example.com/']);

  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/tickerline\//);
});
