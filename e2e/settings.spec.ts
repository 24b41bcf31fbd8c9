import { test, expect } from './fixtures';

test('a new user sees what to do first on every screen', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Holdings', level: 1 })).toBeVisible();
  await expect(page.getByText('Start by adding what you own')).toBeVisible();
  await app.screenshot('holdings-empty');
  for (const [nav, heading] of [
    ['Charts', 'Charts'],
    ['News', 'News'],
    ['Import', 'Import'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: nav }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await app.screenshot(`${nav.toLowerCase()}-empty`);
  }
});

test('a changed setting is stored and survives a reload', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
  await expect(page.getByTestId('data-dir')).toHaveText(app.dataDir);

  await page.getByLabel('Base currency').selectOption('HKD');
  await page.getByLabel('Appearance').selectOption('dark');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('settings-dark');

  await app.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Base currency')).toHaveValue('HKD');
  await expect(page.getByLabel('Appearance')).toHaveValue('dark');
});

test('the UI cannot reach Node or Electron', async ({ app }) => {
  const reach = await app.page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridgeKeys: Object.keys((globalThis as { tickerline?: object }).tickerline ?? {}).sort(),
  }));
  expect(reach.require).toBe('undefined');
  expect(reach.process).toBe('undefined');
  if (test.info().project.name === 'electron') expect(reach.bridgeKeys).toEqual(['call', 'on']);
});
