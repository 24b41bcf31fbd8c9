import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Settings ▸ Updates. In the desktop app the section talks to the real updater (its
 * answers are native dialogs, covered by electron/main/main-process.test.ts). Browser
 * mode has no updater, so there the section is absent; to look at it in Chromium the
 * updates.* calls are answered by a stand-in for the desktop shell.
 */

type Status = { state: 'idle' } | { state: 'downloading'; version: string; percent: number } | { state: 'ready'; version: string };

type StandIn = { checks: number; checkAtStart: boolean; status: Status; installs: number; settingsAnswers: number };

async function standInDesktopUpdater(page: Page): Promise<StandIn> {
  const state: StandIn = { checks: 0, checkAtStart: false, status: { state: 'idle' }, installs: 0, settingsAnswers: 0 };
  const settings = () => ({ desktop: true, installed: true, checkAtStart: state.checkAtStart, version: '0.1.0', status: state.status });
  await page.route('**/api/call/updates.*', async (route) => {
    const method = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    const input = (route.request().postDataJSON() ?? {}) as { checkAtStart?: boolean };
    if (method === 'updates.setCheckAtStart') state.checkAtStart = input.checkAtStart === true;
    if (method === 'updates.check') state.checks += 1;
    if (method === 'updates.install') state.installs += 1;
    const value = method === 'updates.check' || method === 'updates.install' ? { started: true } : settings();
    await route.fulfill({ json: { ok: true, value } });
    if (method === 'updates.settings') state.settingsAnswers += 1;
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

/**
 * Pushes events to the page as the desktop shell does (browser mode's server-sent events, answered
 * here). The next events stream carries these events, sent once the window has had its updates.settings
 * answer: as from the real updater, whose events are newer than any snapshot the window asked for.
 * (A stream answered first would be overwritten by the stand-in's older snapshot: a race the real
 * backend, which answers in order, does not have.)
 */
async function pushEvents(page: Page, stand: StandIn, events: { event: string; payload: unknown }[]): Promise<void> {
  const answersBefore = stand.settingsAnswers;
  await page.route('**/api/events', async (route) => {
    await expect.poll(() => stand.settingsAnswers, { timeout: 10_000 }).toBeGreaterThan(answersBefore);
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' },
      body: events.map((e) => `event: message\ndata: ${JSON.stringify(e)}\n\n`).join('') + 'retry: 600000\n\n',
    });
  });
}

test('the sidebar shows an update’s download and offers “Restart to update” once it is ready', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The real updater only runs in an installed app; the main-process smoke test drives it.');
  const { page } = app;
  const stand = await standInDesktopUpdater(page);
  const notice = page.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Update' });
  await app.reload();
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // A window opened while the download runs learns it from updates.settings: 42 of 100.
  stand.status = { state: 'downloading', version: '0.2.0', percent: 42 };
  await app.reload();
  await expect(notice).toContainText('Downloading 0.2.0');
  await expect(notice).toContainText('42%');
  await expect(notice.getByRole('progressbar', { name: 'Downloading Tickerline 0.2.0' })).toHaveAttribute('aria-valuenow', '42');
  await app.screenshot('update-notice-downloading-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('update-notice-downloading-dark');

  // Then the updates.status events: 100 %, and ready after “Install When I Quit”.
  await pushEvents(page, stand, [
    { event: 'updates.status', payload: { state: 'downloading', version: '0.2.0', percent: 100 } },
    { event: 'updates.status', payload: { state: 'ready', version: '0.2.0' } },
  ]);
  await app.reload();
  await expect(notice).toContainText('Tickerline 0.2.0 is ready');
  await expect(notice).toContainText('Installs when you quit.');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await app.screenshot('update-notice-ready-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('update-notice-ready-dark');

  await notice.getByRole('button', { name: 'Restart to update' }).click();
  await expect(notice).toContainText('Closing your portfolio safely…');
  await expect(notice.getByRole('button', { name: 'Restart to update' })).toBeDisabled();
  expect(stand.installs).toBe(1);
});
