import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiCall } from './helpers/api';
import { addCatalogueSecurities } from './helpers/securities';

/**
 * A large feed through the news import (issue 14/19): the preview and the import run in the
 * backend's news worker and report their progress, which the panel shows as a bar; the preview
 * names each item's author where the feed does.
 */

const ITEMS = 20_000;

/** An RSS feed of `n` items; every other one names Alibaba, every item has a dc:creator. */
function feed(n: number): Buffer {
  const items: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const who = i % 2 === 0 ? 'Alibaba' : 'The market';
    const day = String(1 + (i % 28)).padStart(2, '0');
    items.push(
      `<item><title>${who} update n${i}</title><link>https://example.com/n/${i}</link><pubDate>${day} Feb 2025 09:30:00 +0800</pubDate>` +
        `<dc:creator>${i % 3 === 0 ? 'Li Wei' : 'Anna Schmidt'}</dc:creator><description>${who} was in the news.</description></item>`,
    );
  }
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Large feed</title>${items.join('')}</channel></rss>`, 'utf8');
}

async function shots(app: { page: Page; screenshot(name: string): Promise<void> }, name: string): Promise<void> {
  await app.screenshot(`${name}-light`);
  await app.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot(`${name}-dark`);
  await app.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

test('a 20,000-item feed: progress while it is read and imported, authors in the preview', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await addCatalogueSecurities(app, ['9988.HK']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'News', exact: true });
  await panel.getByTestId('news-file-input').setInputFiles({ name: 'large-feed.xml', mimeType: 'application/rss+xml', buffer: feed(ITEMS) });
  // The bar appears as soon as the file is picked and stays until the preview is shown.
  const bar = panel.getByRole('progressbar', { name: 'Progress of the news file' });
  await expect(bar).toBeVisible();

  const preview = panel.getByLabel('Preview of large-feed.xml');
  await expect(preview).toBeVisible({ timeout: 120_000 });
  await expect(preview.getByText('20,000 items · 20,000 new · 0 already stored')).toBeVisible();
  // Item 0: Alibaba, Li Wei (0 % 3 = 0); item 1: no company, Anna Schmidt.
  const first = preview.getByRole('row', { name: /Alibaba update n0\b/ });
  await expect(first.getByTestId('news-preview-author')).toHaveText('Li Wei');
  await expect(first.locator('.news-chip')).toHaveText(['9988.HK']);
  const second = preview.getByRole('row', { name: /The market update n1\b/ });
  await expect(second.getByTestId('news-preview-author')).toHaveText('Anna Schmidt');
  await expect(second.locator('.news-chip')).toHaveCount(0);
  await shots(app, 'news-large-feed-preview');

  await preview.getByRole('button', { name: 'Import 20,000 events' }).click();
  await expect(panel.getByText('large-feed.xml: 20,000 added, 0 already stored')).toBeVisible({ timeout: 120_000 });
  // 10,000 items name Alibaba (the even ones), each one link.
  const list = await apiCall<{ total: number }>(page, 'news.list', { limit: 1 });
  expect(list.total).toBe(ITEMS);
});

test('the progress bar and the author column in German', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await apiCall(page, 'settings.update', { language: 'de' });
  await app.reload();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Nachrichten', exact: true });
  await panel.getByTestId('news-file-input').setInputFiles({ name: 'large-feed.xml', mimeType: 'application/rss+xml', buffer: feed(ITEMS) });
  await expect(panel.getByRole('progressbar', { name: 'Fortschritt der Nachrichtendatei' })).toBeVisible();
  await shots(app, 'de-news-large-feed-progress');
  const preview = panel.getByLabel('Vorschau von large-feed.xml');
  await expect(preview.getByRole('columnheader', { name: 'Autor' })).toBeVisible({ timeout: 120_000 });
  await expect(preview.getByRole('row', { name: /The market update n1\b/ }).getByTestId('news-preview-author')).toHaveText('Anna Schmidt');
  await shots(app, 'de-news-large-feed-preview');
});
