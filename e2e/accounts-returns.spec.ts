import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, importPriceFile } from './helpers/api';

async function dark(page: Page, on: boolean): Promise<void> {
  await page.evaluate((d) => document.documentElement.setAttribute('data-theme', d ? 'dark' : 'light'), on);
}

/**
 * The issue-12 story. Base EUR (the default). 9988.HK closes are the real ones of the fixture (6 Jan 150.80,
 * 9 Jan 146.50); the HKD→EUR rate is set by hand to a constant 0.125 (8 HKD per euro) so every figure can
 * be followed; the broker exchanged at 7.94.
 *
 *  5 Jan  deposit €20,000.00; exchange €18,000.00 → HK$142,920.00 (7.94 paid)      EUR cash 2,000.00
 *  6 Jan  buy 1,000 9988.HK at HK$142.90 = HK$142,900.00                           HKD cash 20.00
 *  9 Jan  dividend HK$1,000.00 gross, HK$100.00 withheld                            HKD cash 920.00
 *
 * Income: gross 1,000 × 0.125 = €125.00, tax 100 × 0.125 = €12.50, net €112.50.
 * Value on 9 Jan: 1,000 × 146.50 × 0.125 = 18,312.50 + €2,000 + 920 × 0.125 = 115.00 → 20,427.50.
 * One deposit and nothing else crossing the account's edge, so TTWROR = 20,427.50 / 20,000 − 1 = 2.1375 %,
 * and the IRR over the same flows (−20,000 on 5 Jan, +20,427.50 on 9 Jan) is the same 2.1375 % for the period.
 */
test('a new user: EUR account, deposit, exchange to HKD, buy Alibaba, dividend with tax; cash, income and returns', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();

  // Setup only: the Alibaba listing with its price history, and the HKD→EUR rate at 0.125.
  const baba = await apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: '9988.HK' });
  await importPriceFile(page, baba.id, join(FIXTURES, 'prices', 'yfinance-download-multiheader_9988.HK_2025-2026.csv'));
  const fx = await apiCall<{ id: number }>(page, 'securities.create', {
    custom: { symbol: 'HKDEUR=X', name: 'HKD/EUR', exchange: 'FX', currency: 'EUR', kind: 'fx' },
  });
  const rates = ['Date,Close', ...['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'].map((d) => `${d},0.125`)].join('\n');
  const rateFile = { fileName: 'HKDEUR=X.csv', contentBase64: Buffer.from(rates).toString('base64') };
  const preview = await apiCall<{ mapping: unknown }>(page, 'prices.preview', rateFile);
  await apiCall(page, 'prices.import', { ...rateFile, securityId: fx.id, mapping: preview.mapping, acceptValidRowsOnly: false });

  // The account, through the Accounts dialog.
  await page.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'New account' }).click();
  await dialog.getByLabel('Name').fill('Broker');
  await dialog.getByLabel('Institution').fill('Interactive Brokers');
  await expect(dialog.getByLabel('Currency')).toHaveValue('EUR');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByRole('cell', { name: 'Interactive Brokers' })).toBeVisible();
  await app.screenshot('accounts-dialog-light');
  await dark(page, true);
  await app.screenshot('accounts-dialog-dark');
  await dark(page, false);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Two accounts now (the default one and Broker): the switcher offers All accounts and each.
  const switcher = page.getByLabel('Account');
  await expect(switcher.locator('option')).toHaveCount(3);
  await switcher.selectOption({ label: 'Broker · Interactive Brokers (EUR)' });
  await expect(switcher).toHaveValue(/\d+/);
  const brokerId = Number(await switcher.inputValue());

  // Deposit €20,000.00 into Broker.
  await page.getByRole('button', { name: 'Add cash…' }).click();
  const cash = page.getByRole('dialog', { name: 'Add cash line' });
  await cash.getByLabel('Date').fill('05/01/2026');
  await cash.getByLabel('Amount', { exact: true }).fill('20000');
  await cash.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cash).toBeHidden();
  const balances = page.getByRole('region', { name: 'Cash balances' });
  await expect(balances.getByRole('row', { name: /Broker EUR/ })).toContainText('€20,000.00');

  // The exchange: first mistyped as €25,000 out, which the live check flags before saving (20,000 − 25,000 = −5,000).
  await page.getByRole('button', { name: 'Add cash…' }).click();
  await cash.getByLabel('Type').selectOption('exchange');
  await cash.getByLabel('Date').fill('05/01/2026');
  await cash.getByLabel('Amount out').fill('25000');
  await cash.getByLabel('Amount in').fill('142920');
  await cash.getByLabel('Currency in').fill('HKD');
  const cashWarning = cash.getByRole('status');
  await expect(cashWarning).toContainText('Broker EUR: This leaves -€5,000.00 in the account on 5 Jan 2026');
  await expect(cash.getByRole('button', { name: 'Save anyway' })).toBeVisible();
  await app.screenshot('cash-form-warning-light');
  await dark(page, true);
  await app.screenshot('cash-form-warning-dark');
  await dark(page, false);
  // Corrected to €18,000: 142,920 / 18,000 = 7.94 paid, and no warning.
  await cash.getByLabel('Amount out').fill('18000');
  await expect(cash.getByText('Rate paid: 1 EUR = 7.9400 HKD')).toBeVisible();
  await expect(cashWarning).toBeHidden();
  await cash.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cash).toBeHidden();
  await expect(balances.getByRole('row', { name: /Broker EUR/ })).toContainText('€2,000.00');
  await expect(balances.getByRole('row', { name: /Broker HKD/ })).toContainText('HK$142,920.00');

  // The buy. 1,001 shares would cost HK$143,042.90: 142,920 − 143,042.90 = −122.90, flagged live; 1,000 fit.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  const tx = page.getByRole('dialog', { name: 'Add transaction' });
  await tx.getByRole('combobox', { name: 'Security' }).fill('Alibaba');
  await expect(tx.getByRole('option').first()).toContainText('9988.HK');
  await tx.getByRole('combobox', { name: 'Security' }).press('Enter');
  await tx.getByLabel('Date').fill('06/01/2026');
  await tx.getByLabel('Quantity').fill('1001');
  await tx.getByLabel('Price per share').fill('142.90');
  await expect(tx.getByRole('status')).toContainText('Broker HKD: This leaves -HK$122.90 in the account on 6 Jan 2026');
  await expect(tx.getByRole('button', { name: 'Save anyway' })).toBeVisible();
  await app.screenshot('transaction-form-warning-light');
  await dark(page, true);
  await app.screenshot('transaction-form-warning-dark');
  await dark(page, false);
  await tx.getByLabel('Quantity').fill('1000');
  await expect(tx.getByRole('status')).toBeHidden();
  await tx.getByRole('button', { name: 'Add transaction' }).click();
  await expect(tx).toBeHidden();
  await expect(balances.getByRole('row', { name: /Broker HKD/ })).toContainText('HK$20.00');

  // The dividend: HK$1,000.00 gross with HK$100.00 withheld at source.
  await page.getByRole('button', { name: 'Add transaction' }).click();
  await tx.getByRole('combobox', { name: 'Security' }).fill('9988');
  await expect(tx.getByRole('option').first()).toContainText('9988.HK');
  await tx.getByRole('combobox', { name: 'Security' }).press('Enter');
  await expect(tx.getByLabel('Currency')).toHaveValue('HKD');
  await tx.getByRole('button', { name: 'Dividend' }).click();
  await tx.getByLabel('Date').fill('09/01/2026');
  await tx.getByLabel('Shares (optional)').fill('1000');
  await tx.getByLabel('Amount received (total)').fill('1000');
  await tx.getByLabel('Tax withheld').fill('100');
  await tx.getByRole('button', { name: 'Add transaction' }).click();
  await expect(tx).toBeHidden();

  // Cash on screen, exact: EUR 2,000.00; HKD 142,920 − 142,900 + 1,000 − 100 = 920.00.
  await expect(balances.getByRole('row', { name: /Broker EUR/ })).toContainText('€2,000.00');
  await expect(balances.getByRole('row', { name: /Broker HKD/ })).toContainText('HK$920.00');
  await app.screenshot('holdings-cash-light');
  await dark(page, true);
  await app.screenshot('holdings-cash-dark');
  await dark(page, false);

  // Income: €125.00 gross, €12.50 withheld, €112.50 net, in January 2026, from 9988.HK, in Broker.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Income' }).click();
  await expect(page.getByRole('heading', { name: 'Income', level: 1 })).toBeVisible();
  const totals = page.getByLabel('Income totals');
  await expect(totals).toContainText('Gross income€125.00');
  await expect(totals).toContainText('Tax withheld-€12.50');
  await expect(totals).toContainText('Net income€112.50');
  await expect(page.getByRole('img', { name: /Income bars: Jan 2026 €112\.50 net/ })).toBeVisible();
  const perMonth = page.getByRole('region', { name: 'Income per month' });
  await expect(perMonth.getByRole('row', { name: /Jan 2026/ })).toContainText('€125.00€0.00€125.00-€12.50€112.50');
  const perSecurity = page.getByRole('region', { name: 'Income per security' });
  await expect(perSecurity.getByRole('row', { name: /9988\.HK/ })).toContainText('€125.00-€12.50€112.50');
  const perAccount = page.getByRole('region', { name: 'Income per account' });
  await expect(perAccount.getByRole('row', { name: /Broker/ })).toContainText('€125.00-€12.50€112.50');
  await app.screenshot('income-light');
  await dark(page, true);
  await app.screenshot('income-dark');
  await page.getByRole('button', { name: 'Years' }).click();
  await expect(page.getByRole('region', { name: 'Income per year' }).getByRole('row', { name: /^2026/ })).toContainText('€112.50');
  await app.screenshot('income-years-dark');
  await dark(page, false);

  // TTWROR and IRR (the Holdings return columns are another change): 2.1375 % both, over 5–9 Jan.
  const summary = await apiCall<{
    rows: { periods: { timeWeighted: { kind: string; value?: number }; moneyWeighted: { kind: string; value?: number } }[] }[];
  }>(page, 'returns.summary', { scopes: [{ kind: 'account', accountId: brokerId }, { kind: 'portfolio' }], periods: ['Max'], asOf: '2026-01-09' });
  for (const row of summary.rows) {
    const max = row.periods[0];
    expect(max?.timeWeighted.kind).toBe('ok');
    expect(max?.timeWeighted.value).toBeCloseTo(0.021375, 9);
    expect(max?.moneyWeighted.kind).toBe('ok');
    expect(max?.moneyWeighted.value).toBeCloseTo(0.021375, 6);
  }
});

/**
 * Shares moved between accounts keep their cost. Broker buys 10 ALV.DE at €100 + €10 fees (€101 a share) and
 * 10 at €120; moving 15 to Pension takes the 10 at €101 and 5 at €120: €1,610 in Pension, €600 left in Broker,
 * and all accounts together still hold 20 costing €2,210.
 */
test('moves shares to another account with their cost', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  const alv = await apiCall<{ id: number }>(page, 'securities.create', {
    custom: { symbol: 'ALV.DE', name: 'Allianz', exchange: 'XETRA', currency: 'EUR', kind: 'stock' },
  });
  const broker = await apiCall<{ id: number }>(page, 'accounts.create', { name: 'Broker', currency: 'EUR', tracksCash: false });
  await apiCall(page, 'accounts.create', { name: 'Pension', currency: 'EUR', kind: 'pension', tracksCash: false });
  await apiCall(page, 'transactions.create', { accountId: broker.id, securityId: alv.id, type: 'buy', date: '2025-01-02', quantity: 10, price: 100, fees: 10, currency: 'EUR' });
  await apiCall(page, 'transactions.create', { accountId: broker.id, securityId: alv.id, type: 'buy', date: '2025-02-03', quantity: 10, price: 120, currency: 'EUR' });
  await app.reload();

  await page.getByLabel('Account').selectOption({ label: 'Broker (EUR)' });
  await page.getByRole('button', { name: 'Transfer shares…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer shares' });
  await expect(dialog.getByLabel('Security')).toContainText('ALV.DE — Allianz · 20 held');
  await dialog.getByLabel('To account').selectOption({ label: 'Pension (EUR)' });
  await dialog.getByLabel('Date').fill('03/03/2025');
  // More than Broker holds: refused, naming the account.
  await dialog.getByLabel('Shares').fill('25');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('On 2025-03-03 the account Broker holds only 20 shares of ALV.DE, so it cannot transfer 25 shares.');
  await app.screenshot('transfer-form-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('transfer-form-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await dialog.getByLabel('Shares').fill('15');
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /ALV\.DE/ }).first();
  await expect(row).toContainText('€600.00'); // Broker: 5 × €120
  await page.getByLabel('Account').selectOption({ label: 'Pension (EUR)' });
  await expect(row).toContainText('€1,610.00'); // Pension: 10 × €101 + 5 × €120
  await page.getByLabel('Account').selectOption({ label: 'All accounts' });
  await expect(row).toContainText('€2,210.00'); // as before the move
  await app.screenshot('holdings-after-transfer-light');
});
