import { test, expect } from './fixtures';

// First slice of the issue-12 story: a new user creates a broker account in EUR and scopes Holdings to it.
// (Deposit, exchange, the 9988.HK buy, the taxed dividend, TTWROR/IRR and income bars are still to come.)
test('a new user creates a broker account in EUR and switches Holdings to it', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'New account' }).click();
  await dialog.getByLabel('Name').fill('Broker');
  await dialog.getByLabel('Institution').fill('Interactive Brokers');
  await expect(dialog.getByLabel('Currency')).toHaveValue('EUR');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByRole('cell', { name: 'Interactive Brokers' })).toBeVisible();
  await app.screenshot('accounts-dialog-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('accounts-dialog-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Two accounts now (the default one and Broker): the switcher offers All accounts and each.
  const switcher = page.getByLabel('Account');
  await expect(switcher.locator('option')).toHaveCount(3);
  await switcher.selectOption({ label: 'Broker · Interactive Brokers (EUR)' });
  await expect(switcher).toHaveValue(/\d+/);
  await app.screenshot('holdings-account-light');

  // A deposit of 10,000 EUR into Broker: its EUR cash balance is exactly 10,000.00.
  await page.getByRole('button', { name: 'Add cash…' }).click();
  const cash = page.getByRole('dialog', { name: 'Add cash line' });
  await cash.getByLabel('Date').fill('2026-01-05');
  await cash.getByLabel('Amount', { exact: true }).fill('10000');
  await cash.getByRole('button', { name: 'Save' }).click();
  await expect(cash).toBeHidden();
  const balances = page.getByRole('region', { name: 'Cash balances' });
  await expect(balances.getByRole('row', { name: /Broker EUR/ })).toContainText('10,000.00');
  await app.screenshot('holdings-cash-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('holdings-cash-dark');
});
