import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, expect, test } from './fixtures';

/** Calls the backend the way the UI does (browser mode: the session cookie). */
async function callApi(page: Page, method: string, input: object): Promise<unknown> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`/api/call/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return (await response.json()) as unknown;
    },
    [method, input] as const,
  );
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backup and export' })).toBeVisible();
}

test.beforeEach(({ browserName }, testInfo) => {
  void browserName;
  test.skip(testInfo.project.name === 'electron', 'Downloads become native save dialogs in the desktop app; desktop.spec.ts covers that side.');
});

test('a backup made in Settings brings the data back after a change', async ({ app }, testInfo) => {
  const { page } = app;
  expect(await callApi(page, 'demo.load', {})).toMatchObject({ ok: true });
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Backup and export' });
  await expect(section.getByTestId('count-securities')).not.toHaveText('0');
  const securities = await section.getByTestId('count-securities').textContent();

  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Back up now…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tickerline-backup-\d{4}-\d{2}-\d{2}\.sqlite$/);
  const backupPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(backupPath);
  expect(readFileSync(backupPath).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await expect(section.getByText('Backup ready')).toBeVisible();
  await section.locator('.backup-stats').scrollIntoViewIfNeeded();
  await app.screenshot('backup-ready');

  // Change things: another base currency, and the sample portfolio removed.
  await page.getByLabel('Base currency').selectOption('USD');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await callApi(page, 'demo.remove', {})).toMatchObject({ ok: true });
  await expect(section.getByTestId('count-securities')).toHaveText('0');

  await section.getByLabel('Backup file to restore').setInputFiles(backupPath);
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: `Replace your data with “${download.suggestedFilename()}”?` })).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Check and restore' })).toBeFocused();
  await app.screenshot('restore-confirm');
  await confirm.getByRole('button', { name: 'Check and restore' }).click();

  await expect(page.getByText('Backup restored')).toBeVisible();
  await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
  await expect(page.getByRole('region', { name: 'Backup and export' }).getByTestId('count-securities')).toHaveText(securities ?? '');
  await expect(page.getByRole('table', { name: 'Automatic copies' }).getByText('Before a restore')).toBeVisible();
  await page.getByRole('table', { name: 'Automatic copies' }).scrollIntoViewIfNeeded();
  await app.screenshot('restore-done');
});

test('a file that is not a backup is refused and nothing changes', async ({ app }) => {
  const { page } = app;
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Backup and export' });
  await section.getByLabel('Backup file to restore').setInputFiles(join(FIXTURES, 'prices', 'yahoo-download_NVDA.csv'));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Check and restore' }).click();
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('Nothing was restored');
  await expect(alert).toContainText('“yahoo-download_NVDA.csv” is not a Tickerline backup: it is not a database file. Nothing was changed.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
  await alert.scrollIntoViewIfNeeded();
  await app.screenshot('restore-refused');
});

test('everything can be exported as JSON and as CSV files', async ({ app }, testInfo) => {
  const { page } = app;
  expect(await callApi(page, 'demo.load', {})).toMatchObject({ ok: true });
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Backup and export' });

  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export everything as JSON' }).click();
  const download = await downloading;
  const path = testInfo.outputPath('export.json');
  await download.saveAs(path);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { format: string; tables: Record<string, unknown[]> };
  expect(doc.format).toBe('tickerline-export');
  expect(doc.tables.securities?.length).toBeGreaterThan(0);
  expect(Object.keys(doc.tables)).toEqual(expect.arrayContaining(['settings', 'securities', 'transactions', 'price_bars', 'news_events']));

  await section.getByRole('button', { name: 'Export as CSV files' }).click();
  const table = section.getByRole('table', { name: 'CSV files' });
  await expect(table.getByRole('row', { name: /price-bars\.csv/ })).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await table.getByRole('row', { name: /-securities\.csv/ }).getByRole('button', { name: 'Save' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^tickerline-\d{4}-\d{2}-\d{2}-securities\.csv$/);
  const csvPath = testInfo.outputPath(csv.suggestedFilename());
  await csv.saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8').split('\r\n')[0]).toMatch(/^\uFEFFid,symbol,name,exchange,currency,kind/);
  await table.scrollIntoViewIfNeeded();
  await app.screenshot('export-csv');
});
