import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Test setup through the app's own API (browser mode's HTTP route, or the
 * desktop bridge), with the session cookie the page logged in with. For setting up data only;
 * what is asserted goes through the UI.
 */
export async function apiCall<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const bridge = (globalThis as { tickerline?: { call(m: string, i: unknown): Promise<unknown> } }).tickerline;
      if (bridge) return bridge.call(method, input);
      const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return response.json() as Promise<unknown>;
    },
    { method, input },
  );
  const r = result as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${method} failed: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

export function fileInput(path: string): { fileName: string; contentBase64: string } {
  return { fileName: basename(path), contentBase64: readFileSync(path).toString('base64') };
}

/** Imports a price file for a security with the mapping the app detects itself. */
export async function importPriceFile(page: Page, securityId: number, path: string): Promise<void> {
  const file = fileInput(path);
  const preview = await apiCall<{ mapping: unknown }>(page, 'prices.preview', file);
  await apiCall(page, 'prices.import', { ...file, securityId, mapping: preview.mapping, acceptValidRowsOnly: true });
}
