import { test, expect } from './fixtures';
import { apiCall } from './helpers/api';

/**
 * A hand-computable portfolio in EUR, entered through the app's API: a Broker account with a
 * cash ledger; 10,000 deposited and 100 TEST bought at 50 on Mon 5 Jan 2026; TEST closes 50, 55,
 * 55, 60 (5–8 Jan); a 100 dividend and a 1,000 deposit on Wed 7 Jan. Values at each close
 * (cash + 100 × close): 10,000; 10,500; 11,600 (cash 6,100 + 5,500); 12,100.
 *
 * TTWROR (Max: from the close of Sun 4 Jan, nothing held):
 *   r(5 Jan) = 10,000 / (0 + 10,000) − 1 = 0
 *   r(6 Jan) = 10,500 / 10,000 − 1 = +5 %
 *   r(7 Jan) = 11,600 / (10,500 + 1,000) − 1 = +0.8696 %   (the deposit works from the start of its day)
 *   r(8 Jan) = 12,100 / 11,600 − 1 = +4.3103 %
 *   ∏ − 1 = 1.05 × 12,100 / 11,500 − 1 = 1.104783 − 1 = +10.48 %
 * IRR: −10,000 on 5 Jan, −1,000 on 7 Jan, +12,100 on 8 Jan. With x = (1 + IRR)^(1/365), the daily
 *   growth, −10,000·x³ − 1,000·x + 12,100 = 0 → x = 1.034330, and the period's money-weighted
 *   return over the 3 days money was at work is x³ − 1 = +10.66 % (checked: 10,000 × 1.106567
 *   + 1,000 × 1.034330 = 11,065.67 + 1,034.33 = 12,100.00).
 * Gain: price 100 × (60 − 50) = 1,000 + dividends 100 = 1,100 = 12,100 − 11,000 put in.
 * Benchmark BENCH (EUR) closes 100 on Fri 2 Jan, 100, 102, 101, 104: +4.00 % over the same days,
 *   so the excess return is 10.48 − 4.00 = +6.48 pp.
 */
const csv = (rows: [string, number][]): { fileName: string; contentBase64: string } => ({
  fileName: 'prices.csv',
  contentBase64: Buffer.from(`Date,Close\n${rows.map(([d, c]) => `${d},${c}`).join('\n')}\n`).toString('base64'),
});

test('returns of a small portfolio: TTWROR, IRR and the gain split on Holdings, the TTWROR line against a benchmark', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();

  const account = await apiCall<{ id: number }>(page, 'accounts.create', { name: 'Broker', currency: 'EUR', tracksCash: true });
  const security = await apiCall<{ id: number }>(page, 'securities.create', {
    custom: { symbol: 'TEST', name: 'Test Company', exchange: 'XETRA', currency: 'EUR', kind: 'stock' },
  });
  const bench = await apiCall<{ id: number }>(page, 'securities.create', {
    custom: { symbol: 'BENCH', name: 'Bench Index', exchange: 'XETRA', currency: 'EUR', kind: 'index' },
  });
  const late = await apiCall<{ id: number }>(page, 'securities.create', {
    custom: { symbol: 'LATE', name: 'Late Index', exchange: 'XETRA', currency: 'EUR', kind: 'index' },
  });
  for (const [id, rows] of [
    [security.id, [['2026-01-05', 50], ['2026-01-06', 55], ['2026-01-07', 55], ['2026-01-08', 60]]],
    [bench.id, [['2026-01-02', 100], ['2026-01-05', 100], ['2026-01-06', 102], ['2026-01-07', 101], ['2026-01-08', 104]]],
    [late.id, [['2026-01-06', 200], ['2026-01-07', 204], ['2026-01-08', 210]]],
  ] as [number, [string, number][]][]) {
    const file = csv(rows);
    const preview = await apiCall<{ mapping: unknown }>(page, 'prices.preview', file);
    await apiCall(page, 'prices.import', { ...file, securityId: id, mapping: preview.mapping, acceptValidRowsOnly: true });
  }
  const cash = { accountId: account.id, currency: 'EUR' };
  await apiCall(page, 'cash.create', { ...cash, type: 'deposit', date: '2026-01-05', amount: '10000' });
  await apiCall(page, 'transactions.create', { accountId: account.id, securityId: security.id, type: 'buy', date: '2026-01-05', quantity: 100, price: 50, currency: 'EUR' });
  await apiCall(page, 'transactions.create', { accountId: account.id, securityId: security.id, type: 'dividend', date: '2026-01-07', price: 100, currency: 'EUR' });
  await apiCall(page, 'cash.create', { ...cash, type: 'deposit', date: '2026-01-07', amount: '1000' });
  await apiCall(page, 'news.create', { date: '2026-01-06', headline: 'Test Company shares rose 10% after results', source: 'Notes' });
  await app.reload();

  const returns = page.getByRole('region', { name: 'Returns' });
  await returns.getByRole('button', { name: 'Max' }).click();
  await expect(returns.getByLabel('Time-weighted return')).toContainText('+10.48%');
  await expect(returns.getByLabel('Money-weighted return')).toContainText('+10.66%');
  const split = returns.getByRole('table', { name: 'Gain split' });
  await expect(split.getByRole('row', { name: /Price gain/ })).toContainText('€1,000.00');
  await expect(split.getByRole('row', { name: /Dividends/ })).toContainText('€100.00');
  await expect(split.getByRole('row', { name: /Gain in period/ })).toContainText('€1,100.00');
  // TEST alone: 5,000 put in; values 5,000, 5,500, 5,500 (+100 dividend out), 6,000: 1.10 × 5,600/5,500 × 6,000/5,500 − 1 = +22.18 %.
  await expect(page.getByRole('row', { name: /TEST/ })).toContainText('+22.18%');

  // Cash beside the shares: 10,000 − 5,000 + 100 + 1,000 = 6,100; shares 100 × 60 = 6,000; together the 12,100 measured.
  await expect(page.locator('.stat', { hasText: 'Market value' })).toContainText('plus €6,100.00 cash: €12,100.00 in all');

  await app.screenshot('returns-holdings-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('returns-holdings-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

  // The popover names the period's own days: from the close of Sun 4 Jan to the close of Thu 8 Jan.
  await returns.getByRole('button', { name: 'How is this computed?' }).click();
  const how = page.getByRole('dialog', { name: 'How returns are computed' });
  await expect(how).toContainText('from the close of 4 Jan 2026 to the close of 8 Jan 2026');
  await app.screenshot('returns-how-computed-light');
  await page.keyboard.press('Escape');
  await expect(how).toBeHidden();

  // Portfolio tab, Max: the same +10.48 % as the line's end; BENCH 100 → 104 = +4.00 %, excess +6.48 pp.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
  await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Portfolio' }).click();
  await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Max' }).click();
  // Change in range, Max: from nothing (the close of 4 Jan, as the TTWROR above) to 8 Jan (12,100), net of the
  // 10,000 + 1,000 deposited on 5 and 7 Jan: 12,100 − 0 − 11,000 = 1,100, the gain on Holdings;
  // TTWROR 1.05 × 12,100 / 11,500 − 1 = +10.48 % (5 Jan's r was 0).
  const change = page.locator('.stat', { hasText: 'Change in range' });
  await expect(change).toContainText('€1,100.00');
  await expect(change).toContainText('+10.48% TTWROR');
  await expect(change).toContainText('net of €11,000.00 put in');
  const performance = page.getByRole('region', { name: 'Time-weighted return' });
  await expect(performance).toContainText('+10.48%');
  // The news of a held security on the TTWROR line, on its day (6 Jan, when the line reaches +5 %).
  const flag = performance.getByTestId('event-marker');
  await expect(flag).toHaveCount(1);
  await expect(flag).toHaveAttribute('data-session', '2026-01-06');
  await expect(flag).toHaveAttribute('aria-label', /Test Company shares rose 10% after results/);
  await performance.getByLabel('Benchmark').selectOption({ label: 'BENCH — Bench Index' });
  const against = performance.getByLabel('Against the benchmark');
  await expect(against).toContainText('+4.00%');
  await expect(against).toContainText('+6.48 pp');
  await expect(page.getByRole('region', { name: 'Rolling 1-year return' })).toContainText('needs more than a year of history');
  await app.screenshot('returns-portfolio-light');
  await performance.scrollIntoViewIfNeeded();
  await app.screenshot('returns-portfolio-performance-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('returns-portfolio-performance-dark');

  // A benchmark whose prices begin after the period's start (LATE: 200, 204, 210 on 6–8 Jan): its line starts on
  // 6 Jan, level with the portfolio's, and the comparison runs from there on 2 observations: portfolio
  // 11,600 / 11,500 × 12,100 / 11,600 − 1 = 12,100 / 11,500 − 1 = +5.22 %, LATE 210 / 200 − 1 = +5.00 %, excess +0.22 pp.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await performance.getByLabel('Benchmark', { exact: true }).selectOption({ label: 'LATE — Late Index' });
  await expect(performance.getByRole('note')).toContainText("LATE's prices begin on 6 Jan 2026");
  await expect(against).toContainText('+5.00%');
  await expect(against).toContainText('+0.22 pp');
  await expect(against.locator('div', { hasText: 'Observations' })).toContainText('2 days');
  await expect(performance.locator('.recharts-line path.recharts-curve')).toHaveCount(2);
  await expect(page.locator('.stat', { hasText: 'Market value' })).toContainText('plus €6,100.00 cash: €12,100.00 in all');
  await performance.scrollIntoViewIfNeeded();
  await app.screenshot('returns-benchmark-from-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('returns-benchmark-from-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

  // Holdings, a custom range 7–8 Jan: measured from the close of 6 Jan (10,500). r(7 Jan) = 11,600 / (10,500 + 1,000),
  // r(8 Jan) = 12,100 / 11,600: together 12,100 / 11,500 − 1 = +5.22 %. Gain 12,100 − 10,500 − 1,000 put in = 600:
  // price 100 × (60 − 55) = 500 and the 100 dividend.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Holdings' }).click();
  await returns.getByRole('button', { name: 'Custom' }).click();
  const from = returns.getByLabel('From');
  await from.fill('07/01/2026');
  await from.press('Enter');
  await expect(returns).toContainText('6 Jan 2026 – 8 Jan 2026');
  await expect(returns.getByLabel('Time-weighted return')).toContainText('+5.22%');
  await expect(split.getByRole('row', { name: /Price gain/ })).toContainText('€500.00');
  await expect(split.getByRole('row', { name: /Gain in period/ })).toContainText('€600.00');
  await expect(page.getByRole('columnheader', { name: /Return in range/ })).toBeVisible();
  await app.screenshot('returns-custom-range-light');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await app.screenshot('returns-custom-range-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  // A range that ends before it starts asks nothing and says why.
  await from.fill('09/01/2026');
  await from.press('Enter');
  await expect(returns.getByRole('alert')).toContainText('The range must start on or before its end.');
  await expect(returns.getByLabel('Time-weighted return')).toContainText('+5.22%');
});
