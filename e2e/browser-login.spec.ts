import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, startBrowserMode, test } from './fixtures';

const SHOTS = resolve(import.meta.dirname, '..', 'test-results', 'screenshots', 'browser');

test.beforeEach(({ browserName }, testInfo) => {
  void browserName;
  test.skip(testInfo.project.name === 'electron', 'Browser mode only: the desktop app has no address to open.');
});

test('only the printed address lets a browser in; the key then leaves the address bar', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-e2e-'));
  const { url, server } = await startBrowserMode(dataDir);
  const stranger = await browser.newContext();
  const owner = await browser.newContext();
  try {
    const bare = new URL(url);
    bare.search = '';
    const page = await stranger.newPage();
    await page.goto(bare.toString());
    await expect(page.getByText('Open the address Tickerline printed in the terminal.')).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'browser-login-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SHOTS, 'browser-login-dark.png') });
    // The page's scripts cannot see the session either: the cookie is HttpOnly.
    const app = await owner.newPage();
    await app.goto(url);
    await expect(app.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(app.url()).toBe(bare.toString());
    expect(await app.evaluate(() => document.cookie)).toBe('');
    const [cookie] = await owner.cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', name: `tickerline-${bare.port}` });
  } finally {
    await stranger.close();
    await owner.close();
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
