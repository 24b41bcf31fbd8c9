import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, importPriceFile } from './helpers/api';

/**
 * Issue 15: Holdings mixed valuation dates without saying so. The sample's 9988.HK prices end on
 * Fri 27 Feb 2026 while 1024.HK's run to Thu 26 Mar 2026, the valuation date. The table shows a
 * row's price date only where it differs, marks the 27-day-old price stale, and says which sessions
 * the Day column compares: 26 Mar against 25 Mar, and 9988.HK over its own 26 → 27 Feb.
 *
 * Day change by hand (closes from the fixture files):
 *   9988.HK 1,000 × (142.8999939 − 143.0)         = −100.01 HKD   (27 Feb against 26 Feb)
 *   1024.HK   200 × (45.5999985 − 53.0499992)     = −1,490.00 HKD (26 Mar against 25 Mar)
 *   total −1,590.01 HKD, two different days added, which the card's note says.
 */
async function seed(page: Page): Promise<void> {
  await apiCall(page, 'settings.update', { baseCurrency: 'HKD' });
  const create = (symbol: string) => apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: symbol });
  const baba = await create('9988.HK');
  const kuaishou = await create('1024.HK');
  const prices = (name: string): string => join(FIXTURES, 'prices', name);
  await importPriceFile(page, baba.id, prices('yfinance-download-multiheader_9988.HK_2025-2026.csv'));
  await importPriceFile(page, kuaishou.id, prices('yfinance-download-flat_1024.HK_2025-2026.csv'));
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'buy', date: '2026-01-02', quantity: 1000, price: 140, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: kuaishou.id, type: 'buy', date: '2026-01-05', quantity: 200, price: 70, currency: 'HKD' });
}

const LANGUAGES = [
  {
    language: 'en',
    locale: 'en-GB',
    title: 'Holdings',
    stale: ['27 Feb 2026', 'stale'],
    sessions: '26 Feb → 27 Feb',
    note: 'Day change: the close of 26 Mar 2026 against 25 Mar 2026; 9988.HK over its own last two sessions, 26 Feb → 27 Feb 2026.',
    totalNote: 'adds each position’s own last two sessions',
    total: /−HK\$1,590\.01|-HK\$1,590\.01/,
  },
  {
    language: 'de',
    locale: 'de-DE',
    title: 'Depot',
    stale: ['27. Feb. 2026', 'veraltet'],
    sessions: '26. Feb. → 27. Feb.',
    note: 'Tagesänderung: Schlusskurs vom 26. März 2026 gegenüber dem vom 25. März 2026; 9988.HK über die eigenen letzten zwei Handelstage, 26. Feb. → 27. Feb. 2026.',
    totalNote: 'summiert die eigenen letzten zwei Handelstage jeder Position',
    total: /-1\.590,01\sHK\$/,
  },
] as const;

test('Holdings shows each price date where it differs, marks a stale price and names the sessions of the day change', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await seed(page);
  for (const l of LANGUAGES) {
    await apiCall(page, 'settings.update', { language: l.language, locale: l.locale });
    for (const theme of ['light', 'dark'] as const) {
      await apiCall(page, 'settings.update', { theme });
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await app.reload();
        await expect(page.getByRole('heading', { name: l.title, level: 1 })).toBeVisible();
        const baba = page.getByRole('row', { name: /9988\.HK/ });
        const kuaishou = page.getByRole('row', { name: /1024\.HK/ });
        // the stale date under 9988.HK's price; 1024.HK is priced on the valuation date, so no date under it
        await expect(baba.locator('.stale-price')).toHaveText(l.stale.join(''));
        await expect(baba.locator('.stale-mark')).toBeVisible();
        await expect(kuaishou.locator('.stale-price, .cell-sub', { hasText: /2026/ })).toHaveCount(0);
        await expect(page.locator('.valuation-note')).toContainText(l.note);
        await expect(page.getByLabel(l.language === 'en' ? 'Totals' : 'Summen')).toContainText(l.totalNote);
        await expect(page.getByLabel(l.language === 'en' ? 'Totals' : 'Summen')).toContainText(l.total);
        if (width === 1440) {
          // the Day column is shown at this width: 9988.HK's own sessions under its change
          await expect(baba.locator('.day-sessions')).toHaveText(l.sessions);
          await expect(kuaishou.locator('.day-sessions')).toHaveCount(0);
        }
        // the dates and notes must not push the table wider than its card
        const wrap = page.locator('main .table-wrap').first();
        const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
        expect(scrollWidth, `${l.language} ${width} ${theme}: table ${scrollWidth} px in ${clientWidth} px`).toBeLessThanOrEqual(clientWidth + 1);
        await app.screenshot(`holdings-dates-${l.language}-${width}-${theme}-top`);
        // the window scrolls inside the content area, so the table gets its own picture
        await page.locator('.valuation-note').scrollIntoViewIfNeeded();
        await app.screenshot(`holdings-dates-${l.language}-${width}-${theme}-table`);
      }
    }
  }
});
