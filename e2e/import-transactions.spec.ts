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
  await expect(panel.getByText('Line 4 (quantity): On 2023-04-18 you hold only 0.0249 shares, so you cannot sell 10.065 shares.')).toBeVisible();
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
