import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary, PricePreview } from '@shared/api/prices';
import type { CallResult } from '@shared/api/transport';
import { insertSecurity } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';

/**
 * prices.import and prices.preview run in a worker thread: while they parse (and the
 * import merges and writes) a large file, the process's event loop (in the app: window,
 * menus, IPC) keeps running. This asserts behaviour, not speed: a 10 ms interval must
 * keep ticking.
 */

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

function ok<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const HEADER = 'Date,Open,High,Low,Close,Volume\n';
const ROWS = 200_000;
const DAY_MS = 86_400_000;

/**
 * ROWS rows, one per calendar day from 1900-01-01; every value of day i is 100 + (i mod 1000) / 100.
 * Last day: +146,097 days (one 400-year cycle) is 2300-01-01; +36,524 (2300s, 24 leap years)
 * is 2400-01-01; +17,167 (2400 … 2446, 12 leap years) is 2447-01-01; the remaining 211 days
 * end on 2447-07-31.
 */
function bigFileBase64(): string {
  const parts: Buffer[] = [Buffer.from(HEADER)];
  let chunk = '';
  for (let i = 0, t = Date.UTC(1900, 0, 1); i < ROWS; i++, t += DAY_MS) {
    const v = (100 + (i % 1000) / 100).toFixed(2);
    chunk += `${new Date(t).toISOString().slice(0, 10)},${v},${v},${v},${v},${1000 + i}\n`;
    if (chunk.length > 1 << 20) {
      parts.push(Buffer.from(chunk));
      chunk = '';
    }
  }
  parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('base64');
}

/**
 * Runs `work` while a 10 ms interval ticks; returns its result, the ticks and the longest
 * gap between them. The gap from the last tick to the end of the work counts too: work
 * that blocks the loop and then settles at once would otherwise leave no tick to see it.
 */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; maxGap: number }> {
  let maxGap = 0;
  let ticks = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 10);
  try {
    last = performance.now();
    const result = await work();
    maxGap = Math.max(maxGap, performance.now() - last);
    return { result, ticks, maxGap };
  } finally {
    clearInterval(timer);
  }
}

describe('a large import leaves the event loop free', () => {
  it('a 10 ms interval keeps ticking (every gap < 100 ms) while 200,000 rows are parsed, merged and saved', { timeout: 60_000 }, async () => {
    const id = insertSecurity(backend.db, {
      symbol: 'BIG',
      name: 'Big series',
      exchange: 'OTC',
      currency: 'USD',
      kind: 'stock',
      isin: null,
      issuerId: null,
      sharesPerUnit: 1,
      aliases: [],
    }).id;
    const small = Buffer.from(`${HEADER}1899-12-31,99,99,99,99,1\n`).toString('base64');
    const { mapping } = ok<PricePreview>(await backend.dispatch('prices.preview', { fileName: 'big.csv', contentBase64: small }));
    // The first import starts the import thread (from source, tsx compiles it: a cost the built app does not have).
    ok(await backend.dispatch('prices.import', { fileName: 'small.csv', contentBase64: small, securityId: id, mapping, acceptValidRowsOnly: false }));
    const contentBase64 = bigFileBase64();

    const { result, ticks, maxGap } = await whileTicking(() =>
      backend.dispatch('prices.import', { fileName: 'big.csv', contentBase64, securityId: id, mapping, acceptValidRowsOnly: true }),
    );

    const summary = ok<ImportSummary>(result);
    expect(summary).toMatchObject({ added: 200_000, updated: 0, unchanged: 0, rejectedCount: 0 });
    expect(summary.series).toMatchObject({ count: 200_001, firstDate: '1899-12-31', lastDate: '2447-07-31' });
    expect(ticks).toBeGreaterThan(0);
    expect(maxGap).toBeLessThan(100);
  });
});

describe('a large preview leaves the event loop free', () => {
  it('a 10 ms interval keeps ticking (every gap < 100 ms) while 200,000 rows are decoded, detected and parsed', { timeout: 60_000 }, async () => {
    // The first preview starts the worker thread (from source, tsx compiles it: a cost the built app does not have).
    const small = Buffer.from(`${HEADER}1899-12-31,99,99,99,99,1\n`).toString('base64');
    const first = ok<PricePreview>(await backend.dispatch('prices.preview', { fileName: 'small.csv', contentBase64: small }));
    expect(first.stats).toMatchObject({ dataRows: 1, valid: 1, firstDate: '1899-12-31', lastDate: '1899-12-31' });
    const contentBase64 = bigFileBase64();

    const { result, ticks, maxGap } = await whileTicking(() => backend.dispatch('prices.preview', { fileName: 'big.csv', contentBase64 }));

    const p = ok<PricePreview>(result);
    // Header 32 bytes; each row 40 bytes plus its volume's digits: 9,000 of 4, 90,000 of 5, 101,000 of 6.
    expect(p.sizeBytes).toBe(32 + 200_000 * 40 + 9_000 * 4 + 90_000 * 5 + 101_000 * 6); // 9,092,032
    expect(p.stats).toMatchObject({ dataRows: 200_000, valid: 200_000, rejected: 0, exactDuplicates: 0, firstDate: '1900-01-01', lastDate: '2447-07-31' });
    expect(p.rows).toHaveLength(20);
    // Row 20 is day 19 (1900-01-20, line 21): every value 100 + 19/100, volume 1000 + 19.
    expect(p.rows[19]).toEqual({ line: 21, date: '1900-01-20', time: null, open: 100.19, high: 100.19, low: 100.19, close: 100.19, adjClose: null, volume: 1019 });
    expect(p.rejected).toEqual([]);
    expect(p.intraday).toBeNull();
    expect(ticks).toBeGreaterThan(0);
    expect(maxGap).toBeLessThan(100);
  });
});
