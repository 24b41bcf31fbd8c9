import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';

test('a Schwab export is previewed with per-line errors, imported, and re-importing adds nothing', async ({ app }) => {
  const { page } = app;
  const file = join(FIXTURES, 'transactions', 'schwab_transactions_no-title-row.csv');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Transactions' });
  await panel.getByLabel('Transactions file').setInputFiles(file);

  await expect(panel.getByLabel('Import summary')).toContainText('Charles Schwab transactions');
  const preview = panel.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row')).toHaveCount(6); // header + 5 transactions
  // The statement starts after BND was bought: selling 10.065 on 04/18 is not covered.
  await expect(panel.getByText('Line 4 (Quantity): On 2023-04-18 you hold only 0.0249 shares, so you cannot sell 10.065 shares.')).toBeVisible();
  await expect(panel.getByRole('button', { name: /Import \d+ transactions/ })).toBeDisabled();
  await app.screenshot('import-transactions-errors');

  await panel.getByLabel('Import line 4').uncheck();
  await expect(panel.getByText(/lines? needs? attention/)).toBeHidden();
  await panel.getByRole('button', { name: 'Import 4 transactions' }).click();
  await expect(panel.getByText('Imported 4 transactions from schwab_transactions_no-title-row.csv')).toBeVisible();
  await app.screenshot('import-transactions-done');

  // The same file again: everything is recognised, nothing new.
  await panel.getByLabel('Transactions file').setInputFiles(file);
  await expect(panel.getByLabel('Import summary')).toContainText('4 already imported');
  // Only the uncovered sell is left, still refused; leaving it out leaves nothing to import.
  await expect(panel.getByRole('button', { name: 'Import 1 transaction' })).toBeDisabled();
  await panel.getByLabel('Import line 4').uncheck();
  await expect(panel.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();
  await app.screenshot('import-transactions-reimport');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  // BND: 45 + 0.0249 = 45.0249 shares; VTI only has a dividend.
  await expect(page.getByRole('table').getByRole('row', { name: /BND/ })).toContainText('45.0249');
});

test('a CSV without a preset is read after the user checks which column holds what', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Transactions' });
  // Wealthfolio's file has its own preset; with two header words changed it is just another semicolon CSV.
  const text = readFileSync(join(FIXTURES, 'transactions', 'wealthfolio_activities_semicolon.csv'), 'utf8').replace('activityType;unitPrice', 'Type;Price');
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  await expect(panel.getByText('Which column holds what?')).toBeVisible();
  await expect(panel.getByLabel('Symbol', { exact: true })).toHaveValue('1');
  // 8 trades and dividends + 3 cash lines (deposit, withdrawal, interest)
  await expect(panel.getByLabel('Import summary')).toContainText('11 new');
  // Cash movements are recognised as the account's cash lines.
  await expect(panel.getByLabel('“deposit”')).toHaveValue('deposit');
  await app.screenshot('import-transactions-mapping');

  // Unmapping the price column makes every trade line fail: nothing can be imported.
  await panel.getByLabel('Price', { exact: true }).selectOption('');
  await expect(panel.getByText(/lines need attention/)).toBeVisible();
  await expect(panel.getByRole('button', { name: /Import/ }).last()).toBeDisabled();
  await panel.getByLabel('Price', { exact: true }).selectOption('5');
  await expect(panel.getByText(/lines? needs? attention/)).toBeHidden();

  await panel.getByRole('button', { name: 'Import 11 lines' }).click();
  await expect(panel.getByText('Imported 8 transactions from activities.csv')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  // MSFT: 10 bought, 5 sold.
  await expect(page.getByRole('table').getByRole('row', { name: /MSFT/ })).toContainText('5');
  await expect(page.getByRole('table').getByRole('row', { name: /TD\.TO/ })).toContainText('10');
  await app.screenshot('import-transactions-holdings');
});

test('a PNG is refused at once with a clear message, and the next file can be chosen', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Transactions' });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
  await expect(panel.getByText(/screenshot\.png.*(PNG image|binary file)/)).toBeVisible();
  await expect(panel.getByText('Which column holds what?')).toBeHidden();

  await panel.getByLabel('Transactions file').setInputFiles(join(FIXTURES, 'transactions', 'degiro_account-statement_nl.csv'));
  await expect(panel.getByLabel('Import summary')).toContainText('Degiro account statement');
  await app.screenshot('import-transactions-degiro');
});
