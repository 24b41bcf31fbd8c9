import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Issue 18 §5: a large transaction file shows the import's progress bar while it is read and checked,
 * and again while it is saved; then the preview with its cash lines. The server runs in test mode with
 * a pause after each progress report (TICKERLINE_TEST_IMPORT_PAUSE_MS, import-job.ts), so the bar stays
 * on screen long enough to be seen and photographed whatever the machine's speed.
 */
process.env.TICKERLINE_TEST_IMPORT_PAUSE_MS = '1000';

const LINES = 20_000;
const HEADER =
  'Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Withholding tax,Currency (Withholding tax),Notes,ID,Currency conversion fee,Currency (Currency conversion fee)';
const SECURITIES = [
  { isin: 'DE0007164600', ticker: 'SAP', name: 'SAP SE' },
  { isin: 'DE0008404005', ticker: 'ALV', name: 'Allianz SE' },
  { isin: 'NL0010273215', ticker: 'ASML', name: 'ASML Holding' },
];

/**
 * A Trading 212 history of LINES lines, an hour apart from 2 Jan 2020: every tenth line a €500 deposit, every
 * fiftieth from the sixth a €100 withdrawal, the rest buys of 2 shares at €100.
 */
function trading212History(): string {
  const out = [HEADER];
  const start = Date.UTC(2020, 0, 2, 9, 0, 0);
  for (let i = 0; i < LINES; i++) {
    const when = new Date(start + i * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    if (i % 10 === 0) {
      out.push(`Deposit,${when},,,,,,,,,,500.00,"EUR",,,"Bank transfer",dep-${i},,`);
    } else if (i % 50 === 5) {
      out.push(`Withdrawal,${when},,,,,,,,,,-100.00,"EUR",,,"Sent to bank",wd-${i},,`);
    } else {
      const s = SECURITIES[i % SECURITIES.length] as (typeof SECURITIES)[number];
      out.push(`Market buy,${when},${s.isin},${s.ticker},"${s.name}",2.0000000000,100.00,EUR,1.00000,,"EUR",200.00,"EUR",,,,B${i},,`);
    }
  }
  return `${out.join('\n')}\n`;
}

test('a 20,000-line Trading 212 history shows its progress while read, checked and saved, and adds nothing the second time', async ({ app }) => {
  // Three reads of 20,000 lines (preview, import, the same file again) on a machine that may be busy.
  test.setTimeout(180_000);
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Transactions' });
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'trading212-history.csv', mimeType: 'text/csv', buffer: Buffer.from(trading212History(), 'utf8') });

  const bar = panel.getByRole('progressbar', { name: 'Progress of the transaction file' });
  await expect(bar).toBeVisible();
  // Part of the file read: the bar has moved and says how far.
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  await expect(bar).toContainText(/Reading the file… \d+%|Checking the lines against your portfolio…/);
  await shootBoth(page, app.screenshot, 'import-progress-reading');

  // 20,000 lines: 2,000 deposits (every tenth), 400 withdrawals (every fiftieth) and 20,000 − 2,400 = 17,600 buys.
  await expect(panel.getByLabel('How the file was read')).toContainText('Trading 212 history, English, 20,000 lines: 17,600 trades, 2,400 cash lines', { timeout: 60_000 });
  await expect(bar).toBeHidden();
  // The first lines of the preview: line 2 is a deposit (a cash line), line 3 a buy of 2 ALV at €100, line 7 a withdrawal.
  await expect(panel.getByLabel('Import line 2', { exact: true })).toBeVisible();
  await expect(panel.locator('tr.row-cash').first()).toContainText('500.00');
  await expect(panel.locator('tr.row-cash').nth(1)).toContainText('withdrawal');
  await panel.getByRole('table', { name: 'Import preview' }).scrollIntoViewIfNeeded();
  await shootBoth(page, app.screenshot, 'import-progress-preview');

  await panel.getByRole('button', { name: 'Import 20,000 lines' }).click();
  await expect(bar).toBeVisible();
  await expect(panel.getByText('Imported 17,600 transactions from trading212-history.csv')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('2,400 cash lines went into the cash ledger.')).toBeVisible();

  // The same file again adds nothing: every line is already imported (trades by broker id and fields, cash by id).
  await panel.getByLabel('Transactions file').setInputFiles({ name: 'trading212-history.csv', mimeType: 'text/csv', buffer: Buffer.from(trading212History(), 'utf8') });
  await expect(panel.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled({ timeout: 60_000 });
  await expect(panel.getByRole('table', { name: 'Import preview' }).getByText('already imported').first()).toBeVisible();
  // The chips say so for both kinds of line: 17,600 trades already imported, and the 2,400 cash lines stored too.
  const summary = panel.getByLabel('Import summary');
  await expect(summary).toContainText('0 new');
  await expect(summary).toContainText('17,600 already imported');
  await expect(summary).toContainText('2,400 cash lines, all already stored');
  await panel.getByRole('table', { name: 'Import preview' }).scrollIntoViewIfNeeded();
  await shootBoth(page, app.screenshot, 'import-progress-reimport');
});

async function shootBoth(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await shot(`${name}-${theme}`);
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}
