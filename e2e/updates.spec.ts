import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Settings ▸ Updates. In the desktop app the section talks to the real updater (its
 * answers are native dialogs, covered by electron/main/main-process.test.ts). Browser
 * mode has no updater, so there the section is absent; to look at it in Chromium the
 * updates.* calls are answered by a stand-in for the desktop shell.
 */

async function standInDesktopUpdater(page: Page): Promise<{ checks: number; checkAtStart: boolean }> {
  const state = { checks: 0, checkAtStart: false };
  const settings = () => ({ desktop: true, installed: true, checkAtStart: state.checkAtStart, version: '0.1.0' });
  await page.route('**/api/call/updates.*', async (route) => {
    const method = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    const input = (route.request().postDataJSON() ?? {}) as { checkAtStart?: boolean };
    if (method === 'updates.setCheckAtStart') state.checkAtStart = input.checkAtStart === true;
    if (method === 'updates.check') state.checks += 1;
    const value = method === 'updates.check' ? { started: true } : settings();
    await route.fulfill({ json: { ok: true, value } });
  });
  return state;
}

test('browser mode has no updater, so Settings shows no Updates section', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The desktop app has an updater; the next test covers it.');
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backup and export' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Updates' })).toHaveCount(0);
});

test('Settings ▸ Updates turns the check at start on and starts a check', async ({ app }, testInfo) => {
  const { page } = app;
  const desktop = testInfo.project.name === 'electron';
  const stand = desktop ? null : await standInDesktopUpdater(page);
  if (stand) await app.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Updates' });
  await expect(section).toBeVisible();
  await expect(section.getByText('You have Tickerline 0.1.0.', { exact: false })).toBeVisible();
  const box = section.getByRole('checkbox', { name: /Check for updates when Tickerline starts/ });
  await expect(box).not.toBeChecked();
  await box.click(); // saved first, then shown checked (a controlled box), so not .check()
  await expect(box).toBeChecked();
  if (stand) expect(stand.checkAtStart).toBe(true);

  await app.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Updates' }).getByRole('checkbox')).toBeChecked();
  if (stand) {
    await page.getByRole('region', { name: 'Updates' }).scrollIntoViewIfNeeded();
    await app.screenshot('settings-updates-light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await app.screenshot('settings-updates-dark');
    await page.getByRole('button', { name: 'Check for Updates Now…' }).click();
    await expect(page.getByText('The answer opens in its own window.')).toBeVisible();
    expect(stand.checks).toBe(1);
  }
});
