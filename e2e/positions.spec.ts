import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';

test('a new user enters Alibaba and Kuaishou buys in HKD with a EUR base currency', async ({ app }) => {
  const { page } = app;
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

  // Base currency EUR, set the way a user would.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Base currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  await expect(page.getByText('Start by adding what you own')).toBeVisible();
  await page.getByRole('button', { name: 'Add transaction' }).click();

  // "Ali" offers both Alibaba listings from the catalogue; Enter picks the highlighted one.
  const dialog = page.getByRole('dialog', { name: 'Add transaction' });
  const picker = dialog.getByRole('combobox');
  await picker.fill('Ali');
  await expect(dialog.getByRole('option').first()).toContainText('9988.HK');
  await expect(dialog.getByRole('option', { name: /BABA/ })).toBeVisible();
  await app.screenshot('positions-picker-ali');
  await picker.press('Enter');
  await expect(dialog.getByText('Alibaba Group Holding · HKD')).toBeVisible();
  // typed and shown in the app's format (English (UK) by default: dd/mm/yyyy), not the browser's
  await expect(dialog.getByLabel('Date')).toHaveValue(today.split('-').reverse().join('/'));
  await expect(dialog.getByLabel('Currency')).toHaveValue('HKD');
  await dialog.getByLabel('Quantity').fill('500');
  await dialog.getByLabel('Price per share').fill('80');
  await dialog.getByLabel('Fees').fill('45.50');
  await app.screenshot('positions-form-alibaba');
  await dialog.getByLabel('Fees').press('Enter');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add transaction' }).click();
  await picker.fill('Kuai');
  await expect(dialog.getByRole('option').first()).toContainText('1024.HK');
  await picker.press('Enter');
  await expect(dialog.getByText('Kuaishou Technology · HKD')).toBeVisible();
  await dialog.getByLabel('Quantity').fill('1000');
  await dialog.getByLabel('Price per share').fill('52.3');
  await dialog.getByLabel('Price per share').press('Enter');
  await expect(dialog).toBeHidden();

  // Holdings table: both positions at cost, in HKD; the EUR totals say plainly that no HKD→EUR rate exists.
  const table = page.getByRole('table');
  const alibaba = table.getByRole('row', { name: /9988\.HK/ });
  const kuaishou = table.getByRole('row', { name: /1024\.HK/ });
  await expect(alibaba).toContainText('500');
  // 500 × 80 + 45.50 fees = 40,045.50; average 80.091.
  await expect(alibaba).toContainText('HK$40,045.50');
  await expect(alibaba).toContainText('HK$80.09');
  // 1000 × 52.30 = 52,300.00.
  await expect(kuaishou).toContainText('HK$52,300.00');
  await expect(alibaba).toContainText('no price yet');
  await expect(page.getByText('No HKD→EUR exchange rate yet')).toBeVisible();
  await expect(page.getByLabel('Totals')).toContainText('Market value');
  await expect(table.locator('tfoot')).toContainText('Total in EUR');
  await app.screenshot('positions-holdings');

  // A sell larger than the holding is refused with a message naming the date and the shares held.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await picker.fill('9988');
  await expect(dialog.getByRole('option').first()).toContainText('Yours');
  await picker.press('Enter');
  await expect(dialog.getByText('Alibaba Group Holding · HKD')).toBeVisible();
  await dialog.getByRole('button', { name: 'Sell' }).click();
  await dialog.getByLabel('Quantity').fill('600');
  await dialog.getByLabel('Price per share').fill('90');
  await dialog.getByLabel('Price per share').press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(`On ${today} you hold only 500 shares, so you cannot sell 600 shares.`);
  await app.screenshot('positions-oversell');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The security's detail: its transactions and both Alibaba listings side by side; delete with Undo.
  await alibaba.click();
  const detail = page.getByRole('region', { name: '9988.HK details' });
  await expect(detail.getByRole('heading', { name: 'All listings of Alibaba Group Holding' })).toBeVisible();
  await expect(detail.getByText('Add BABA to my securities')).toBeVisible();
  await app.screenshot('positions-detail');
  await detail.getByRole('button', { name: `Delete buy of ${today}` }).click();
  await expect(page.getByText('Transaction deleted.')).toBeVisible();
  await expect(detail.getByText('No transactions yet.')).toBeVisible();
  await app.screenshot('positions-undo');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(detail.getByRole('table', { name: 'Transactions' })).toContainText('500');
  await expect(alibaba).toContainText('HK$40,045.50');
});

test('with price history imported, holdings show value, gains and day change in the base currency', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Base currency').selectOption('HKD');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await nav.getByRole('button', { name: 'Holdings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add transaction' });
  for (const [query, symbol, name, quantity, price] of [
    ['Alibaba', '9988.HK', 'Alibaba Group Holding', '400', '98.5'],
    ['快手', '1024.HK', 'Kuaishou Technology', '1000', '48.2'],
  ] as const) {
    await page.getByRole('button', { name: 'Add transaction' }).first().click();
    await dialog.getByRole('combobox').fill(query);
    await expect(dialog.getByRole('option').first()).toContainText(symbol);
    await dialog.getByRole('combobox').press('Enter');
    await expect(dialog.getByText(`${name} · HKD`)).toBeVisible();
    await dialog.getByLabel('Date').fill('2025-01-02');
    await dialog.getByLabel('Quantity').fill(quantity);
    await dialog.getByLabel('Price per share').fill(price);
    await dialog.getByLabel('Price per share').press('Enter');
    await expect(dialog).toBeHidden();
  }

  await nav.getByRole('button', { name: 'Import' }).click();
  const files = ['yfinance-download-multiheader_9988.HK_2025-2026.csv', 'yfinance-download-flat_1024.HK_2025-2026.csv'];
  await page.getByTestId('price-file-input').setInputFiles(files.map((f) => join(FIXTURES, 'prices', f)));
  for (const f of files) {
    const card = page.getByRole('article', { name: f });
    await card.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(card.getByTestId('price-summary')).toContainText('added');
  }

  await nav.getByRole('button', { name: 'Holdings' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /9988\.HK/ })).not.toContainText('no price yet');
  await expect(table.getByRole('row', { name: /1024\.HK/ })).not.toContainText('no price yet');
  await expect(page.getByText(/exchange rate yet/)).toBeHidden();
  await expect(page.getByLabel('Totals')).not.toContainText('needs');
  await app.screenshot('positions-holdings-valued');
});
