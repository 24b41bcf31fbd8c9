import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';

const ALIBABA = 'yfinance-download-multiheader_9988.HK_2025-2026.csv';
const KUAISHOU = 'yfinance-download-flat_1024.HK_2025-2026.csv';
const path = (name: string): string => join(FIXTURES, 'prices', name);

test('import Alibaba and Kuaishou price files, re-import changes nothing, a broken file is refused', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Price history' })).toBeVisible();
  await app.screenshot('prices-empty');

  // both files at once through the file picker
  await page.getByTestId('price-file-input').setInputFiles([path(ALIBABA), path(KUAISHOU)]);
  const alibaba = page.getByRole('article', { name: ALIBABA });
  const kuaishou = page.getByRole('article', { name: KUAISHOU });
  // 284 rows (SOURCES.md), 2 Jan 2025 → 27 Feb 2026; no Adj Close column → auto-adjusted Close
  await expect(alibaba.getByTestId('price-format')).toHaveText(
    'yfinance download CSV · 284 rows · 2 Jan 2025 → 27 Feb 2026 · split- and dividend-adjusted Close',
  );
  await expect(kuaishou.getByTestId('price-format')).toContainText('303 rows');
  // the preview's first row is the file's line 3: 2025-01-02, close 81.12891387939453
  await expect(alibaba.locator('tbody tr').first()).toContainText('2 Jan 2025');
  await expect(alibaba.locator('tbody tr').first().locator('td.num').nth(4)).toHaveText('81.1289');

  // securities suggested from the files: created from the catalogue in one step
  await alibaba.getByRole('button', { name: /Create 9988\.HK — Alibaba/ }).click();
  await expect(alibaba.getByTestId('price-series')).toHaveText('9988.HK: No prices stored yet.');
  await kuaishou.getByRole('button', { name: /Create 1024\.HK — Kuaishou/ }).click();
  await alibaba.scrollIntoViewIfNeeded();
  await app.screenshot('prices-preview');

  await alibaba.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(alibaba.getByTestId('price-summary')).toHaveText('284 added · 0 updated · 0 unchanged · 0 rejected');
  await kuaishou.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(kuaishou.getByTestId('price-summary')).toHaveText('303 added · 0 updated · 0 unchanged · 0 rejected');
  await kuaishou.getByTestId('price-summary').scrollIntoViewIfNeeded();
  await expect(alibaba.getByTestId('price-series')).toHaveText(
    '9988.HK: 284 days stored · 2 Jan 2025 → 27 Feb 2026 · split- and dividend-adjusted Close',
  );
  await app.screenshot('prices-imported');

  // the same file again: nothing new
  await page.getByTestId('price-file-input').setInputFiles([path(ALIBABA)]);
  const again = page.getByRole('article', { name: ALIBABA }).last();
  await expect(again.getByTestId('price-series')).toContainText('284 days stored');
  await again.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(again.getByTestId('price-summary')).toHaveText('0 added · 0 updated · 284 unchanged · 0 rejected');

  // a damaged copy: a ragged row, a high below its low, and two different prices for one day
  const lines = readFileSync(path(ALIBABA), 'utf8').trimEnd().split('\n');
  lines[10] = '2025-01-16,1,2,3'; // line 11
  lines[20] = '2025-02-03,90,80,85,88,1000'; // line 21: Close,High,Low,Open → high 80 < low 85
  lines.splice(31, 0, lines[30]!.replace(/^([^,]+),([^,]+)/, '$1,99.5')); // line 31 and 32 share a date
  const broken = { name: '9988.HK damaged.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
  await page.getByTestId('price-file-input').setInputFiles([broken]);
  const damaged = page.getByRole('article', { name: '9988.HK damaged.csv' });
  await expect(damaged.getByText('4 rows cannot be imported')).toBeVisible();
  await expect(damaged.getByText(/Line 11\s*the row has 4 values where the header has 6/)).toBeVisible();
  await expect(damaged.getByText(/Line 21\s*the high 80 is below the low 85/)).toBeVisible();
  // suggested from the file name, already stored
  await expect(damaged.getByTestId('price-series')).toContainText('9988.HK: 284 days stored');
  await damaged.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(damaged.getByRole('alert')).toContainText('4 rows of "9988.HK damaged.csv" could not be read, so nothing was imported.');
  await expect(damaged.getByTestId('price-series')).toHaveText(
    '9988.HK: 284 days stored · 2 Jan 2025 → 27 Feb 2026 · split- and dividend-adjusted Close',
  );
  await damaged.getByRole('alert').scrollIntoViewIfNeeded();
  await app.screenshot('prices-rejected');
});

test('a German monthly export is read as monthly and imported into a security created from the search text', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  // the layout of Investing.com's German export ("Datum","Zuletzt",…) in its monthly view, newest first
  const text = [
    '"Datum","Zuletzt","Eröffn.","Hoch","Tief","Vol.","+/- %"',
    '"März 2020","2.786,90","3.640,91","3.827,66","2.302,84","1,05B","-16,30%"',
    '"Feb. 2020","3.329,49","3.640,91","3.867,28","3.314,64","820,50M","-8,55%"',
    '"Jan. 2020","3.640,91","3.772,56","3.808,94","3.629,92","710,20M","-2,78%"',
    '"Dez. 2019","3.745,15","3.703,20","3.776,40","3.654,65","540,90M","1,12%"',
  ].join('\n');
  const file = { name: 'Euro Stoxx 50 Historische Daten.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
  await page.getByTestId('price-file-input').setInputFiles([file]);
  const card = page.getByRole('article', { name: file.name });
  await expect(card.getByTestId('price-format')).toHaveText(
    'Investing.com CSV (decimal comma) · monthly, 4 months · 1 Dec 2019 → 1 Mar 2020 · Close, adjustment not stated (column “Zuletzt”)',
  );
  await card.getByLabel('Security').fill('Euro Stoxx 50');
  await card.getByRole('button', { name: /Create “Euro Stoxx 50”/ }).click();
  const form = card.getByRole('form', { name: 'New security' });
  await expect(form.getByLabel('Kind')).toHaveValue('index');
  await form.getByLabel('Symbol').fill('^STOXX50E');
  await form.getByRole('button', { name: 'Create and use' }).click();
  await expect(card.getByTestId('price-series')).toHaveText('^STOXX50E: No prices stored yet.');
  await card.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(card.getByTestId('price-summary')).toHaveText('4 added · 0 updated · 0 unchanged · 0 rejected');
  await expect(card.getByTestId('price-series')).toHaveText(
    '^STOXX50E: monthly, 4 months stored · 1 Dec 2019 → 1 Mar 2020 · Close, adjustment not stated (column “Zuletzt”)',
  );
  // imported: the card is a summary, with no button to import the same file again
  await expect(card.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await app.screenshot('prices-monthly-created');
});
