import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ensureSecurityFromCatalogue } from '../electron/backend/securities/store';
import { tempBackend } from '../electron/backend/testing/temp-backend';
import { fixturePath } from '../test-support/fixtures';
import { recordFigure } from './figures';

/**
 * News pages bench (issue 14 §6): preview of a 1 MB saved page, the Guardian
 * article from Readability's test pages (1,160,848 bytes), through the whole
 * news.previewImport call (decode, Readability over linkedom, metadata,
 * linking against a watchlist, claims). Median of 5 after a warm-up.
 */
const RUNS = 5;
const TARGET_MS = 300;

export async function benchNews(): Promise<void> {
  const backend = tempBackend();
  try {
    for (const s of ['AAPL', 'MSFT', 'AMZN', 'META', '9988.HK', 'BABA', '0700.HK', 'NVDA']) ensureSecurityFromCatalogue(backend.db, s);
    const bytes = readFileSync(fixturePath('news', 'html', 'guardian-1.html'));
    const input = { fileName: 'guardian-1.html', contentBase64: bytes.toString('base64') };
    const once = async (): Promise<number> => {
      const start = performance.now();
      const result = await backend.dispatch('news.previewImport', input);
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(`news.previewImport failed: ${result.error.message}`);
      return ms;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await once());
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)] ?? NaN;
    console.log(`news: preview of a ${(bytes.length / 1e6).toFixed(2)} MB saved page: median ${median.toFixed(0)} ms (target < ${TARGET_MS} ms)`);
    recordFigure({ bench: 'news', name: `preview of a ${(bytes.length / 1e6).toFixed(2)} MB saved page`, value: `${median.toFixed(0)} ms`, target: `< ${TARGET_MS} ms`, pass: median < TARGET_MS });
  } finally {
    backend.dispose();
  }
}
