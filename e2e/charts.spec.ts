import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';
import { apiCall, fileInput, importPriceFile } from './helpers/api';
import { showcaseSecurities } from './helpers/showcase';

const prices = (name: string): string => join(FIXTURES, 'prices', name);

/**
 * Alibaba (9988.HK) and Kuaishou (1024.HK) held, their 2025–2026 prices and the
 * Hang Seng as their benchmark, and the example article (Sunday 11 Jan 2026).
 * Hand calculation from the fixture files, base currency HKD:
 *   9988.HK close Fri 9 Jan 146.5 → Mon 12 Jan 154.3000031: +5.3242 %
 *   ^HSI 26,231.7890625 → 26,608.48046875: +1.4360 %, so abnormal +3.8882 %
 *   money: 1,000 shares × 146.5 × 0.0532423 = HK$7,800.00
 */
test('the price chart shows the Sunday article on Monday and what it did', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await apiCall(page, 'settings.update', { baseCurrency: 'HKD' });
  const { baba, kuaishou, hsi } = await showcaseSecurities(page);
  for (const s of [baba, kuaishou]) await apiCall(page, 'securities.setBenchmark', { id: s.id, benchmarkId: hsi.id });
  await apiCall(page, 'transactions.create', { securityId: baba.id, type: 'buy', date: '2026-01-02', quantity: 1000, price: 140, currency: 'HKD' });
  await apiCall(page, 'transactions.create', { securityId: kuaishou.id, type: 'buy', date: '2026-01-05', quantity: 200, price: 70, currency: 'HKD' });
  await apiCall(page, 'news.import', fileInput(join(FIXTURES, 'news', 'de-2026-01-11-alibaba-im-aufwind.txt')));
  await app.reload();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await expect(page.getByRole('heading', { name: 'Charts', level: 1 })).toBeVisible();
  await page.getByLabel('Security').selectOption({ label: '9988.HK — Alibaba Group Holding (held)' });
  await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '3M' }).click();

  const marker = page.locator('[data-testid="event-marker"][data-session="2026-01-12"]');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('aria-label', /News on Mon,? 12 Jan 2026: Alibaba im Aufwind \(anchored from Sun 11 Jan\)/);
  await marker.hover();
  const popover = page.getByRole('tooltip');
  await expect(popover).toContainText('Alibaba im Aufwind');
  await expect(popover).toContainText('anchored from Sun 11 Jan');
  await expect(page.getByTestId('trade-buy')).toHaveCount(1);
  await app.screenshot('charts-price');

  // Hovering the line beside the flag shows that session's exact bar.
  const flag = (await marker.boundingBox())!;
  await page.mouse.move(flag.x + flag.width / 2 + 3, flag.y + flag.height + 80);
  const tooltip = page.locator('.chart-hover .chart-tooltip');
  await expect(tooltip).toContainText('Mon, 12 Jan 2026');
  await expect(tooltip).toContainText('HK$154.30');
  await expect(tooltip).toContainText('+5.32%');
  await expect(tooltip.getByTestId('tooltip-open')).toHaveCount(0);

  const row = page.getByTestId('impact-row').filter({ hasText: 'Alibaba im Aufwind' });
  await expect(row.getByTestId('anchored-badge')).toHaveText('anchored from Sun 11 Jan');
  await expect(row.getByTestId('day-return')).toHaveText('+5.32%');
  await expect(row.getByTestId('abnormal-return')).toHaveText(/^\+3\.89\s*pp$/);
  await expect(row.getByTestId('money-impact')).toHaveText('HK$7,800.00');
  await expect(row.getByTestId('claim')).toContainText('up to +4.8%');
  await expect(row.getByTestId('claim')).toContainText('measured +5.53%');
  await page.getByTestId('impact-table').scrollIntoViewIfNeeded();
  await app.screenshot('charts-impact-table');

  // The event panel (also embedded by the News screen): every linked security around the event.
  await row.getByRole('button', { name: /Show all securities around/ }).click();
  const panel = page.getByRole('region', { name: 'Price impact' });
  await expect(panel.getByRole('figure', { name: '9988.HK around the event' })).toContainText('+5.32%');
  // The article names Kuaishou too: 1024.HK 74.6999969 → 80.25 = +7.43 %.
  await expect(panel.getByRole('figure', { name: '1024.HK around the event' })).toContainText('+7.43%');
  await panel.scrollIntoViewIfNeeded();
  await app.screenshot('charts-event-panel');

  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('.recharts-legend-item')).toHaveCount(2);
  await expect(page.locator('[data-testid="event-marker"][data-session="2026-01-12"]').first()).toBeVisible();
  await app.screenshot('charts-compare');

  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Portfolio' }).click();
  await expect(page.getByRole('region', { name: 'Holdings' }).getByText('9988.HK')).toBeVisible();
  await expect(page.getByText('Market value', { exact: true }).first()).toBeVisible();
  await app.screenshot('charts-portfolio');

  await marker.count();
  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Price' }).click();
  // log scale: the same line, flag and hover on a ratio axis with round ticks
  await page.getByLabel('Log scale').check();
  await expect(page.getByTestId('price-line')).toBeVisible();
  expect(await page.locator('.chart-axis-y text').count()).toBeGreaterThanOrEqual(3);
  await page.locator('[data-testid="event-marker"][data-session="2026-01-12"]').hover();
  await expect(page.getByRole('tooltip')).toContainText('Alibaba im Aufwind');
  await app.screenshot('charts-price-log');
  // candlesticks from the file's open/high/low, flags and hover as on the line
  await page.getByLabel('Draw as').selectOption('candles');
  await expect(page.getByTestId('price-bars-up')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('price-line')).toHaveCount(0);
  await page.locator('[data-testid="event-marker"][data-session="2026-01-12"]').hover();
  await expect(page.getByRole('tooltip')).toContainText('Alibaba im Aufwind');
  // Beside the flag, the candle's tooltip gives its open, high and low with the close. The
  // file's row for 2026-01-12: Open 146.8999939, High 154.6000061, Low 146.0, Close 154.3000031.
  const candleFlag = (await marker.boundingBox())!;
  await page.mouse.move(candleFlag.x + candleFlag.width / 2 + 3, candleFlag.y + candleFlag.height + 80);
  await expect(tooltip).toContainText('Mon, 12 Jan 2026');
  await expect(tooltip.getByTestId('tooltip-open')).toHaveText('OpenHK$146.90');
  await expect(tooltip.getByTestId('tooltip-high')).toHaveText('HighHK$154.60');
  await expect(tooltip.getByTestId('tooltip-low')).toHaveText('LowHK$146.00');
  await expect(tooltip).toContainText('HK$154.30');
  await app.screenshot('charts-price-candles');
  await page.getByLabel('Draw as').selectOption('ohlc');
  await expect(page.getByTestId('price-bars-down')).toHaveAttribute('d', /^M/);
  await app.screenshot('charts-price-ohlc');
  await page.locator('[data-testid="event-marker"][data-session="2026-01-12"]').click();
  await expect(page).toHaveURL(/#\/news\?event=\d+/);
});

test('a new user can try the charts with a sample portfolio and remove it again', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await expect(page.getByText('No price history yet')).toBeVisible();
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  await expect(page.getByTestId('sample-badge')).toBeVisible();
  await expect(page.getByLabel('Security')).toContainText('DEMO-ALPHA');
  await expect(page.getByTestId('event-marker').first()).toBeVisible();
  await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Max' }).click();
  await app.screenshot('charts-demo-price');
  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Portfolio' }).click();
  await expect(page.getByRole('region', { name: 'Allocation' })).toBeVisible();
  await app.screenshot('charts-demo-portfolio');
  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('.recharts-legend-item').first()).toBeVisible();
  await app.screenshot('charts-demo-compare');

  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await expect(page.getByText('No price history yet')).toBeVisible();
  await expect(page.getByTestId('sample-badge')).toHaveCount(0);
});

test('Compare draws at most 8 lines and says so: a 9th is refused, not swapped for the oldest', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  // 5 sample securities and 4 real ones: 9 with prices to pick from.
  await apiCall(page, 'demo.load', {});
  const files: Record<string, string> = {
    BABA: 'yfinance-download-flat_BABA_2025-2026.csv',
    JD: 'yfinance-download-flat_JD_2025-2026.csv',
    NVDA: 'yfinance-download-multiheader_NVDA_2025-2026.csv',
    '1024.HK': 'yfinance-download-flat_1024.HK_2025-2026.csv',
  };
  for (const [symbol, file] of Object.entries(files)) {
    const { id } = await apiCall<{ id: number }>(page, 'securities.create', { catalogueSymbol: symbol });
    await importPriceFile(page, id, prices(file));
  }
  await app.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('.recharts-legend-item').first()).toBeVisible();

  const chips = page.getByRole('group', { name: 'Securities to compare' }).getByRole('button');
  const pressed = chips.and(page.locator('[aria-pressed="true"]'));
  const total = await chips.count();
  expect(total).toBe(9);
  for (let i = 0; i < total && (await pressed.count()) < 8; i++) {
    const chip = chips.nth(i);
    if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
  }
  await expect(pressed).toHaveCount(8);
  const limit = page.getByRole('status').filter({ hasText: '8 lines is the most one chart compares clearly. Remove one to add another.' });
  await expect(limit).toBeVisible();
  const chosen = await pressed.allTextContents();
  const ninth = chips.and(page.locator('[aria-pressed="false"]')).first();
  await expect(ninth).toHaveAttribute('aria-disabled', 'true');
  // A user can still click it (Playwright would wait for an aria-disabled button to be enabled).
  await ninth.click({ force: true });
  await expect(ninth).toHaveAttribute('aria-pressed', 'false');
  await expect(pressed).toHaveText(chosen);
  await expect(page.locator('.recharts-legend-item')).toHaveCount(8);
  await app.screenshot('charts-compare-limit-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('charts-compare-limit-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  // Removing one makes room again.
  await pressed.first().click();
  await expect(limit).toHaveCount(0);
  await expect(ninth).not.toHaveAttribute('aria-disabled', 'true');
});
