import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { NewsImportResult, NewsPreview } from '@shared/api/news';
import { createBackend } from '@backend/backend';
import { useBuiltNewsWorker } from '@backend/news/import-thread';
import { ensureSecurityFromCatalogue } from '../electron/backend/securities/store';
import { fixturePath } from '../test-support/fixtures';
import { recordFigure } from './figures';

/**
 * News bench (issue 14 §6, issue 19): preview of a 1 MB saved page, the Guardian
 * article from Readability's test pages (1,160,848 bytes), through the whole
 * news.previewImport call (decode, Readability over linkedom, metadata,
 * linking against a watchlist, claims), median of 5 after a warm-up; then a
 * generated 20,000-item feed previewed and imported in the news worker, with the
 * longest stall of the calling (main) process and the process's peak memory.
 */
const RUNS = 5;
const TARGET_MS = 300;
const FEED_ITEMS = 20_000;
const TARGET_FEED_MS = 2_000;
const STALL_TARGET_MS = 100;
const MEMORY_TARGET_MB = 400;
const HERE = dirname(fileURLToPath(import.meta.url));
const BUILT_WORKER = join(HERE, '..', 'out', 'main', 'news-import-worker.js');

/** An RSS feed of `n` items naming the watchlist's companies in turn (Alibaba, Apple, HKEX codes…), 2 KB-ish each. */
function generatedFeed(n: number): string {
  const names = ['Alibaba', 'Apple', 'Microsoft', 'Amazon', 'Meta', 'Tencent', 'Nvidia', 'HKEX: 9988'];
  const items: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const who = names[i % names.length] ?? 'Alibaba';
    const day = String(1 + (i % 28)).padStart(2, '0');
    items.push(
      `<item><title>${who} shares move ${i}</title><link>https://example.com/n/${i}</link><pubDate>${day} Feb 2025 09:${String(i % 60).padStart(2, '0')}:00 +0800</pubDate>` +
        `<description><![CDATA[<p>${who} rose ${(i % 90) / 10 + 1} percent in Hong Kong trading, while the Hang Seng index was little changed.</p><p>Analysts said the move followed results.</p>]]></description></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed</title>${items.join('')}</channel></rss>`;
}

/** Runs `work` while a 5 ms interval ticks: the longest gap between ticks (and to the end) is the stall; rss is sampled on each tick. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; stallMs: number; peakRssMb: number }> {
  const started = performance.now();
  let last = started;
  let stallMs = 0;
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await work();
    const end = performance.now();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { result, ms: end - started, stallMs: Math.max(stallMs, end - last), peakRssMb: peakRss / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchNews(): Promise<void> {
  if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER} is missing: run \`npx electron-vite build\` first`);
  useBuiltNewsWorker(BUILT_WORKER);
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-bench-news-'));
  // Not test mode: the app does not check outputs against their schemas, and neither does the bench.
  const backend = createBackend({ dataDir, mode: 'browser', appVersion: 'bench' });
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

    // 20,000 feed items previewed and linked in the news worker, then imported; the main process keeps answering meanwhile.
    const feed = generatedFeed(FEED_ITEMS);
    const feedInput = { fileName: 'bench-feed.xml', contentBase64: Buffer.from(feed, 'utf8').toString('base64') };
    const startRssMb = process.memoryUsage.rss() / 2 ** 20;
    const preview = await watched(() => backend.dispatch('news.previewImport', feedInput));
    if (!preview.result.ok) throw new Error(`news.previewImport (feed) failed: ${preview.result.error.message}`);
    const value = preview.result.value as NewsPreview;
    const linkedItems = value.items.filter((i) => i.links.length > 0).length;
    if (value.items.length !== FEED_ITEMS || linkedItems !== FEED_ITEMS) throw new Error(`the feed preview has ${value.items.length} items, ${linkedItems} linked; expected ${FEED_ITEMS}`);
    // Browser mode's server then encodes the answer as JSON on the main thread (IPC clones it instead): that is a stall too.
    const encodeStart = performance.now();
    const answerMb = JSON.stringify(preview.result).length / 1e6;
    const encodeMs = performance.now() - encodeStart;
    const imported = await watched(() => backend.dispatch('news.import', feedInput));
    if (!imported.result.ok) throw new Error(`news.import (feed) failed: ${imported.result.error.message}`);
    const added = (imported.result.value as NewsImportResult).added;
    if (added !== FEED_ITEMS) throw new Error(`the feed import added ${added} events; expected ${FEED_ITEMS}`);
    const stall = Math.round(Math.max(preview.stallMs, imported.stallMs));
    const peakMb = Math.round(Math.max(preview.peakRssMb, imported.peakRssMb));
    // The bench process carries the other benches' code (Playwright, the chart bundle) the app's backend does not: what the
    // feed costs the backend is the growth over the process's memory before it.
    const grownMb = Math.round(peakMb - startRssMb);
    console.log(
      `news: ${FEED_ITEMS.toLocaleString('en')} feed items (${(feed.length / 1e6).toFixed(1)} MB) previewed and linked: ${preview.ms.toFixed(0)} ms, ${linkedItems} items linked (target < ${TARGET_FEED_MS} ms); ` +
        `imported: ${imported.ms.toFixed(0)} ms; longest main-process stall ${Math.round(preview.stallMs)} / ${Math.round(imported.stallMs)} ms; ` +
        `the preview's answer as JSON (browser mode): ${answerMb.toFixed(1)} MB in ${encodeMs.toFixed(0)} ms; ` +
        `memory (rss, main + worker threads) ${startRssMb.toFixed(0)} MB before, peak ${peakMb} MB: the feed added ${grownMb} MB`,
    );
    recordFigure({ bench: 'news', name: `${FEED_ITEMS.toLocaleString('en')} feed items previewed and linked`, value: `${preview.ms.toFixed(0)} ms`, target: `< ${TARGET_FEED_MS} ms`, pass: preview.ms < TARGET_FEED_MS });
    recordFigure({ bench: 'news', name: `${FEED_ITEMS.toLocaleString('en')} feed items imported`, value: `${imported.ms.toFixed(0)} ms`, target: '', pass: null });
    recordFigure({ bench: 'news', name: 'longest main-process stall (feed preview + import)', value: `${stall} ms`, target: `< ${STALL_TARGET_MS} ms`, pass: stall < STALL_TARGET_MS });
    recordFigure({ bench: 'news', name: 'backend memory added by the feed (peak rss growth)', value: `${grownMb} MB`, target: `< ${MEMORY_TARGET_MB} MB`, pass: grownMb < MEMORY_TARGET_MB });
    recordFigure({ bench: 'news', name: 'bench process memory peak (rss)', value: `${peakMb} MB`, target: '', pass: null });
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
