import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, expect, test } from './fixtures';
import { apiCall, importPriceFile } from './helpers/api';
import { addCatalogueSecurities } from './helpers/securities';

const PAGE = join(FIXTURES, 'news', 'html', 'cnet.html');

/** What the browser hands the window when a link is dragged out of the address bar or a page. */
async function dropLink(page: Page, url: string, title: string): Promise<void> {
  await page.evaluate(
    ({ url, title }) => {
      const data = new DataTransfer();
      data.setData('text/uri-list', url);
      data.setData('text/plain', url);
      data.setData('text/html', `<a href="${url}">${title}</a>`);
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { url, title },
  );
}

/** Ctrl+V with text on the clipboard, as the page receives it. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function shots(app: { page: Page; screenshot(name: string): Promise<void> }, name: string): Promise<void> {
  await app.screenshot(`${name}-light`);
  await app.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot(`${name}-dark`);
  await app.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

test('a saved web page: headline, date, source and links in the preview, then imported', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await addCatalogueSecurities(app, ['META', 'AAPL', 'MSFT', 'AMZN']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'News', exact: true });
  await panel.getByTestId('news-file-input').setInputFiles(PAGE);
  const preview = panel.getByLabel('Preview of cnet.html');
  await expect(preview).toBeVisible();
  await expect(preview.getByText('Web page', { exact: true })).toBeVisible();
  const row = preview.getByRole('row', { name: /Zuckerberg offers peek at Facebook's acquisition strategies/ });
  await expect(row.getByText(/18 Jan 2017, 23:00 \(-08:00\)|1\/18\/2017, 23:00 \(-08:00\)/)).toBeVisible();
  await expect(row.getByTestId('news-preview-source')).toContainText('CNET · https://www.cnet.com/news/zuckerberg-offers-peek-at-facebooks-acquisition-strategies/');
  // Facebook is the story; Apple, Microsoft and Amazon appear only in the page's navigation and related boxes.
  await expect(row.locator('.news-chip')).toHaveText(['META']);
  // The byline Readability's suite expects for this page (test-fixtures/SOURCES.md).
  await expect(preview.getByRole('columnheader', { name: 'Author' })).toBeVisible();
  await expect(row.getByTestId('news-preview-author')).toHaveText('Steven Musil');
  await shots(app, 'news-page-preview');

  await preview.getByRole('button', { name: 'Import 1 event' }).click();
  await expect(panel.getByText('cnet.html: 1 added, 0 already stored')).toBeVisible();
  await panel.getByRole('button', { name: 'Show in News' }).click();
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { name: "Zuckerberg offers peek at Facebook's acquisition strategies" })).toBeVisible();
  await expect(detail.getByTestId('link-META')).toContainText('Why: “Facebook”');
  await shots(app, 'news-page-detail');
});

test('pasted article text is previewed and imported', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await addCatalogueSecurities(app, ['9988.HK']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'News' }).click();
  await expect(page.getByRole('button', { name: 'Paste article' })).toBeVisible();
  await pasteText(page, 'Alibaba soars on cloud growth\nHONG KONG (Reuters) - 21 February 2025. Alibaba (HKEX: 9988) soared more than 14 percent on Friday.\n');
  const panel = page.getByRole('region', { name: 'News', exact: true });
  const preview = panel.getByLabel('Preview of Pasted article.txt');
  await expect(preview).toBeVisible();
  const row = preview.getByRole('row', { name: /Alibaba soars on cloud growth/ });
  await expect(row.getByTestId('news-preview-source')).toHaveText('Reuters');
  await expect(row.locator('.news-chip')).toHaveText(['9988.HK']);
  await expect(row).toContainText('more than +14');
  await shots(app, 'news-paste-preview');
  await preview.getByRole('button', { name: 'Import 1 event' }).click();
  await expect(panel.getByText('Pasted article.txt: 1 added, 0 already stored')).toBeVisible();
});

test('a dropped link asks for its date, then shows on the chart', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  const baba = await apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: '9988.HK' });
  await importPriceFile(page, baba.id, join(FIXTURES, 'prices', 'yfinance-download-multiheader_9988.HK_2025-2026.csv'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'News' }).click();

  await dropLink(page, 'https://www.example.com/markets/alibaba-results', 'Alibaba shares soar after quarterly results');
  const panel = page.getByRole('region', { name: 'News', exact: true });
  const preview = panel.getByLabel('Preview of Alibaba shares soar after quarterly results.url');
  await expect(preview).toBeVisible();
  await expect(preview.getByText('date unknown — set it')).toBeVisible();
  await expect(preview.getByTestId('news-preview-source')).toHaveText('example.com · https://www.example.com/markets/alibaba-results');
  const importButton = preview.getByRole('button', { name: 'Import 1 event' });
  await expect(importButton).toBeDisabled();
  await shots(app, 'news-link-preview');
  await preview.getByTestId('news-set-date').fill('2025-02-21');
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(panel.getByText('Alibaba shares soar after quarterly results.url: 1 added, 0 already stored')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await page.getByLabel('Security').selectOption({ label: '9988.HK — Alibaba Group Holding' });
  await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Max' }).click();
  const marker = page.locator('[data-testid="event-marker"][data-session="2025-02-21"]');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('aria-label', /Alibaba shares soar after quarterly results/);
  await shots(app, 'news-link-chart');
});
