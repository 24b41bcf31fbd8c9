import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures';

const ALIBABA = 'yfinance-download-multiheader_9988.HK_2025-2026.csv';

test('a price file crosses once: one raw upload, then preview and import name its id', async ({ app }) => {
  const { page } = app;
  const bytes = readFileSync(join(FIXTURES, 'prices', ALIBABA));
  const calls: { method: string; bytes: number }[] = [];
  const stages: { sizeBytes: number; fileName: string }[] = [];
  await page.route('**/api/stage', async (route) => {
    const response = await route.fetch();
    stages.push(((await response.json()) as { value: { sizeBytes: number; fileName: string } }).value);
    await route.fulfill({ response });
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() !== 'POST') return;
    if (url.pathname.startsWith('/api/call/prices.')) calls.push({ method: url.pathname.slice('/api/call/'.length), bytes: request.postDataBuffer()?.length ?? 0 });
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('price-file-input').setInputFiles([join(FIXTURES, 'prices', ALIBABA)]);
  const card = page.getByRole('article', { name: ALIBABA });
  await expect(card.getByTestId('price-format')).toContainText('284 rows');
  await card.getByRole('button', { name: /Create 9988\.HK — Alibaba/ }).click();
  await card.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(card.getByTestId('price-summary')).toHaveText('284 added · 0 updated · 0 unchanged · 0 rejected');

  // One upload, of the file's own bytes: 24,551 as on disk (as base64 it would be 4 × ⌈24,551 / 3⌉ = 32,736).
  expect(stages).toHaveLength(1);
  expect(stages[0]).toMatchObject({ fileName: ALIBABA, sizeBytes: 24_551 });
  // Preview and import name the staged id; no call carries the file (the file is larger than 20 KB, these calls stay under 2 KB).
  expect(bytes.length).toBe(24_551);
  expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(['prices.preview', 'prices.import']));
  for (const call of calls) expect(call.bytes, call.method).toBeLessThan(2_000);
});
