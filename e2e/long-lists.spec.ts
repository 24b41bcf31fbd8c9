import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, importPriceFile } from './helpers/api';

/**
 * Long lists stay light: the News list and the transaction import preview keep
 * only the rows on screen in the page (TanStack Virtual), yet every row is
 * reachable by scrolling and by the keyboard.
 */

/** A news list of `n` items, one a day going back from 2025-12-31, newest first in the app. */
function newsCsv(n: number): string {
  const lines = ['date,headline,source'];
  const day = Date.UTC(2025, 11, 31);
  for (let i = 0; i < n; i++) lines.push(`${new Date(day - i * 86_400_000).toISOString().slice(0, 10)},Market note number ${i + 1},Bench Wire`);
  return lines.join('\n') + '\n';
}

/** A generic transactions CSV of `n` buys of one symbol. */
function transactionsCsv(n: number): string {
  const lines = ['date,type,symbol,instrumentType,quantity,unit_price,currency,fee,amount,comment,fxRate,subtype'];
  for (let i = 0; i < n; i++) lines.push(`2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},BUY,AAPL,EQUITY,${1 + (i % 9)},${(100 + i / 100).toFixed(2)},USD,4.95,,,,`);
  return lines.join('\n') + '\n';
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

test('the News list reaches its 1,250th event by scrolling, with only the rows on screen in the page', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  // 1,250 events: more than the old 500-event ceiling, and 13 pages of 100.
  await apiCall(page, 'news.import', { fileName: 'notes.csv', contentBase64: base64(newsCsv(1250)) });
  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await app.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'News' }).click();
    const list = page.getByRole('region', { name: 'News events' });
    await expect(list).toContainText('1,250 events');
    await expect(list.locator('.news-item').first()).toContainText('Market note number 1');
    const rendered = await list.locator('li').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    await app.screenshot(`news-list-virtual-${theme}`);
  }

  // The oldest event: 1,250 days before 31 Dec 2025 is its date (index 1,249 → 2022-07-31).
  const scroller = page.locator('.news-items');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = page.locator('[data-last-event="true"]');
  await expect(last).toContainText('Market note number 1250');
  await expect(last.locator('time')).toHaveAttribute('datetime', '2022-07-31');
  await expect(last).toHaveAttribute('aria-posinset', '1250');
  await expect(last).toHaveAttribute('aria-setsize', '1250');
  // The jump lands on the end: the oldest event's row is flush with the list's bottom (rows measured
  // taller than their estimate used to push the end away as they came into view).
  await expect
    .poll(async () => {
      const [row, box] = await Promise.all([last.boundingBox(), scroller.boundingBox()]);
      return row && box ? Math.round(box.y + box.height - (row.y + row.height)) : null;
    })
    .toBe(0);

  // Keyboard: from the top, ArrowDown opens the next event.
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.locator('.news-item', { hasText: 'Market note number 1' }).first().click();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.news-item[aria-current="true"]')).toContainText('Market note number 2');
  await expect(page.getByRole('heading', { name: 'Market note number 2' })).toBeVisible();
});

test('a 10,000-line transaction preview keeps its columns aligned and only the lines on screen in the page', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await app.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
    const panel = page.getByRole('region', { name: 'Transactions' });
    await panel.getByLabel('Transactions file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(transactionsCsv(10_000)) });
    const preview = panel.getByRole('table', { name: 'Import preview' });
    // Reading 10,000 lines takes the backend a while on a busy machine; the wait is not what this test measures (npm run bench -- ui does).
    // The preview carries the first 1,000 lines (and every line with a problem); the counts cover all 10,000.
    await expect(preview).toHaveAttribute('aria-rowcount', '1001', { timeout: 60_000 });
    await expect(panel).toContainText('The table shows the first 1,000 of 10,000 lines');
    await expect(preview.locator('tbody tr[data-index="0"]')).toContainText('AAPL');
    const rendered = await preview.locator('tbody tr[data-index]').count();
    expect(rendered).toBeLessThan(60);
    await panel.locator('.import-preview').scrollIntoViewIfNeeded();
    await app.screenshot(`import-transactions-virtual-${theme}`);

    // The last line previewed (line 1,001 of the file: the header is line 1) is reachable, its columns under their headers.
    await panel.locator('.import-preview').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const lastRow = preview.locator('tbody tr[data-index="999"]');
    await expect(lastRow.locator('td').nth(1)).toHaveText('1,001');
    await expect(lastRow).toBeInViewport();
    const header = await preview.locator('thead th').nth(5).boundingBox();
    const cell = await lastRow.locator('td').nth(5).boundingBox();
    expect(Math.abs((header?.x ?? 0) + (header?.width ?? 0) - ((cell?.x ?? 0) + (cell?.width ?? 0)))).toBeLessThan(1);
    await app.screenshot(`import-transactions-virtual-end-${theme}`);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('a batch of price files: one click creates the suggested securities, one imports them all', async ({ app }) => {
  const { page } = app;
  const prices = (name: string): string => join(FIXTURES, 'prices', name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await page
    .getByTestId('price-file-input')
    .setInputFiles([prices('yfinance-download-multiheader_9988.HK_2025-2026.csv'), prices('yfinance-download-flat_1024.HK_2025-2026.csv')]);
  await expect(page.getByRole('article', { name: /1024\.HK/ }).getByTestId('price-format')).toContainText('303 rows');
  await page.getByRole('button', { name: 'Create all suggested securities (2)' }).click();
  await expect(page.getByRole('article', { name: /9988\.HK/ }).getByTestId('price-series')).toHaveText('9988.HK: No prices stored yet.');
  await expect(page.getByRole('article', { name: /1024\.HK/ }).getByTestId('price-series')).toHaveText('1024.HK: No prices stored yet.');
  await page.getByRole('button', { name: 'Import all (2)' }).click();
  // 284 and 303 rows (SOURCES.md), none stored before.
  await expect(page.getByRole('article', { name: /9988\.HK/ }).getByTestId('price-summary')).toHaveText('284 added · 0 updated · 0 unchanged · 0 rejected');
  await expect(page.getByRole('article', { name: /1024\.HK/ }).getByTestId('price-summary')).toHaveText('303 added · 0 updated · 0 unchanged · 0 rejected');
  await expect(page.getByRole('button', { name: /Import all/ })).toBeHidden();
});

test('a security with 80 news keeps its impact table aligned, scrolling in its own box with only the rows on screen', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await apiCall(page, 'settings.update', { baseCurrency: 'HKD' });
  const baba = await apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: '9988.HK' });
  await importPriceFile(page, baba.id, join(FIXTURES, 'prices', 'yfinance-download-multiheader_9988.HK_2025-2026.csv'));
  // 80 news on weekdays from 6 Jan 2025, each naming Alibaba, so each is linked to 9988.HK.
  const lines = ['date,headline,source'];
  for (let i = 0, day = Date.UTC(2025, 0, 6); lines.length <= 80; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    lines.push(`${new Date(day).toISOString().slice(0, 10)},Alibaba update ${++i},Bench Wire`);
  }
  await apiCall(page, 'news.import', { fileName: 'alibaba.csv', contentBase64: base64(lines.join('\n') + '\n') });
  for (const theme of ['light', 'dark'] as const) {
    await apiCall(page, 'settings.update', { theme });
    await app.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
    await page.getByLabel('Security').selectOption({ label: '9988.HK — Alibaba Group Holding' });
    await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Max' }).click();
    const table = page.getByTestId('impact-table');
    await expect(table).toHaveAttribute('aria-rowcount', '81');
    expect(await page.getByTestId('impact-row').count()).toBeLessThan(40);
    // Newest first: 80 weekdays from Mon 6 Jan 2025 are 16 full weeks, so update 80 is Fri 25 Apr 2025.
    await expect(page.getByTestId('impact-row').first()).toContainText('Alibaba update 80');
    await expect(page.getByTestId('impact-row').first()).toContainText('25 Apr 2025');
    await table.scrollIntoViewIfNeeded();
    await app.screenshot(`impact-table-virtual-${theme}`);
    await page.locator('.impact-wrap-long').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.locator('[data-testid="impact-row"][data-index="79"]')).toContainText('Alibaba update 1');
    await app.screenshot(`impact-table-virtual-end-${theme}`);
  }
});
