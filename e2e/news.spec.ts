import { join } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';
import { addCatalogueSecurities } from './helpers/securities';

const ARTICLE = join(FIXTURES, 'news', 'de-2026-01-11-alibaba-im-aufwind.txt');

test('import an article, see its links and claims, remove a link that stays removed on re-import', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await addCatalogueSecurities(app, ['9988.HK', '1024.HK', '9618.HK']);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Import: preview first, nothing stored yet.
  await nav.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'News', exact: true });
  await panel.getByTestId('news-file-input').setInputFiles(ARTICLE);
  const preview = panel.getByLabel('Preview of de-2026-01-11-alibaba-im-aufwind.txt');
  await expect(preview).toBeVisible();
  await expect(preview.getByText('1 item · 1 new · 0 already stored')).toBeVisible();
  const row = preview.getByRole('row', { name: /Alibaba im Aufwind/ });
  for (const symbol of ['9988.HK', '1024.HK', '9618.HK']) await expect(row.getByText(symbol, { exact: true })).toBeVisible();
  await expect(row.getByText('New', { exact: true })).toBeVisible();
  await app.screenshot('news-import-preview');

  await preview.getByRole('button', { name: 'Import 1 event' }).click();
  await expect(panel.getByText('de-2026-01-11-alibaba-im-aufwind.txt: 1 added, 0 already stored')).toBeVisible();

  // The event, its three companies and what the article claims about them.
  await panel.getByRole('button', { name: 'Show in News' }).click();
  await expect(page.getByRole('heading', { name: 'News', level: 1 })).toBeVisible();
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { name: 'Alibaba im Aufwind' })).toBeVisible();
  await expect(detail.getByText('Anzeige · sponsored')).toBeVisible();
  for (const symbol of ['9988.HK', '1024.HK', '9618.HK']) await expect(detail.getByTestId(`link-${symbol}`)).toBeVisible();
  await expect(detail.getByTestId('link-9988.HK')).toContainText('Why: “Alibaba” in the headline');
  const claims = detail.locator('.news-claim');
  await expect(claims.filter({ hasText: 'Alibaba' }).filter({ hasText: /claimed: up to \+4\.8\s?%/ })).toHaveCount(1);
  await expect(claims.filter({ has: page.locator('.news-claim-who', { hasText: 'Kuaishou Technology, JD.com' }) }).filter({ hasText: /claimed: more than \+4\s?%/ })).toHaveCount(1);
  const list = page.getByRole('region', { name: 'News events' });
  await expect(list.getByRole('button', { name: /Alibaba im Aufwind/ })).toContainText('1024.HK');
  await app.screenshot('news-detail');

  // Remove JD.com: it moves to "Removed by you" and its claim goes with it.
  await detail.getByRole('button', { name: 'Remove link to 9618.HK' }).click();
  await expect(detail.getByRole('button', { name: 'Link 9618.HK again' })).toBeVisible();
  await expect(claims.filter({ hasText: 'Kuaishou Technology' }).filter({ hasText: /more than \+4\s?%/ })).toHaveCount(1);
  await expect(detail.locator('.news-claim-who', { hasText: 'JD.com' })).toHaveCount(0);
  await expect(list.getByRole('button', { name: /Alibaba im Aufwind/ })).not.toContainText('9618.HK');
  await app.screenshot('news-list');

  // Importing the same article again adds nothing and keeps the removal.
  await nav.getByRole('button', { name: 'Import' }).click();
  await panel.getByTestId('news-file-input').setInputFiles(ARTICLE);
  await expect(preview.getByText('1 item · 0 new · 1 already stored')).toBeVisible();
  await expect(preview.getByRole('row', { name: /Alibaba im Aufwind/ }).getByText('Already stored')).toBeVisible();
  await preview.getByRole('button', { name: 'Import (nothing new)' }).click();
  await expect(panel.getByText('de-2026-01-11-alibaba-im-aufwind.txt: 0 added, 1 already stored')).toBeVisible();

  await nav.getByRole('button', { name: 'News' }).click();
  await expect(detail.getByRole('heading', { name: 'Alibaba im Aufwind' })).toBeVisible();
  await expect(detail.getByTestId('link-9988.HK')).toBeVisible();
  await expect(detail.getByTestId('link-1024.HK')).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Link 9618.HK again' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Remove link to 9618.HK' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'News events' }).getByText('1 event')).toBeVisible();
});

test('a news event typed in by hand is linked and can be found with the filters', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await addCatalogueSecurities(app, ['0700.HK']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'News' }).click();
  await expect(page.getByText('No news events yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add news event' }).click();
  await page.getByLabel('Date').fill('2026-02-03');
  await page.getByLabel('Headline').fill('Tencent fell 3% after results');
  await page.getByLabel('Source', { exact: true }).fill('Notes');
  await page.getByRole('button', { name: 'Add event' }).click();
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { name: 'Tencent fell 3% after results' })).toBeVisible();
  await expect(detail.getByTestId('link-0700.HK')).toContainText('“Tencent” in the headline');
  await expect(detail.locator('.news-claim')).toContainText(/claimed: -3\s?%/);
  await page.getByLabel('Search').fill('nothing like this');
  await expect(page.getByText('No events match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByRole('region', { name: 'News events' }).getByText('1 event')).toBeVisible();
  await app.screenshot('news-manual');
});
