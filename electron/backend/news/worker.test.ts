import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { EventPayload } from '@shared/api/events';
import { ensureSecurityFromCatalogue } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';

/**
 * news.previewImport and news.import run in the news import worker (import-thread.ts): a
 * 20,000-item feed is read, linked and stored there, its items come back in chunks, progress
 * arrives as `import.progress` events, and the main process keeps answering other calls.
 */

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

const count = (table: string): number => (backend.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Items cycle through five stories. Ids are written 'n123' so that no item number reads as a
 * Hong Kong stock code (a bare '9988' would link Alibaba's listing).
 *   i % 5 = 0  Alibaba            → 9988.HK and BABA (a name links every listing of its issuer)
 *   i % 5 = 1  Apple              → AAPL
 *   i % 5 = 2  'HKEX: 9988'       → 9988.HK and BABA (the catalogue gives Alibaba the name '9988')
 *   i % 5 = 3  no company         → nothing
 *   i % 5 = 4  Microsoft, Amazon  → MSFT and AMZN
 * Links per five items: 2 + 1 + 2 + 0 + 2 = 7; 20,000 items are 4,000 rounds: 28,000 links, and
 * 4 of every 5 items (16,000) have at least one.
 */
const STORIES = [
  ['Alibaba results', 'Alibaba reported its quarter.'],
  ['Apple event', 'Apple showed a phone.'],
  ['HKEX: 9988 trading note', 'Trading was calm.'],
  ['Markets calm', 'The index was little changed.'],
  ['Microsoft and Amazon', 'Both reported their quarter.'],
] as const;
const ITEMS = 20_000;

function feed(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const [headline, body] = STORIES[i % 5] ?? STORIES[0];
    const day = String(1 + (i % 28)).padStart(2, '0');
    items.push(
      `<item><title>${headline} n${i}</title><link>https://example.com/n/${i}</link><pubDate>${day} Feb 2025 09:30:00 +0800</pubDate><description>${body}</description></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Worker feed</title>${items.join('')}</channel></rss>`;
}

function progressOf(jobId: string): EventPayload<'import.progress'>[] {
  const seen: EventPayload<'import.progress'>[] = [];
  backend.subscribe((event, payload) => {
    if (event === 'import.progress' && (payload as EventPayload<'import.progress'>).jobId === jobId) seen.push(payload as EventPayload<'import.progress'>);
  });
  return seen;
}

// Not a speed limit: the worker starts under tsx and reads 20,000 items on a shared machine; vitest's 5 s default is too short for that.
const LONG = { timeout: 180_000 };

describe('news preview and import in the worker', () => {
  it('previews and imports a 20,000-item feed: counts, links of hand-checked items, progress', LONG, async () => {
    for (const s of ['9988.HK', 'BABA', 'AAPL', 'MSFT', 'AMZN']) ensureSecurityFromCatalogue(backend.db, s);
    const file = { fileName: 'worker-feed.xml', contentBase64: Buffer.from(feed(ITEMS), 'utf8').toString('base64') };
    const previewProgress = progressOf('preview-1');
    const preview = await call('news.previewImport', { ...file, jobId: 'preview-1' });
    expect(preview.format).toBe('feed');
    expect(preview.counts).toEqual({ items: ITEMS, new: ITEMS, alreadyStored: 0, errors: 0 });
    // The chunks arrive in file order.
    expect(preview.items.map((i) => i.itemIndex)).toEqual(Array.from({ length: ITEMS }, (_, i) => i));
    const symbols = (i: number): string[] => (preview.items[i]?.links ?? []).map((l) => l.symbol).sort();
    expect(symbols(0)).toEqual(['9988.HK', 'BABA']);
    expect(preview.items[0]?.links[0]?.reasons[0]).toMatchObject({ field: 'headline', text: 'Alibaba', index: 0, via: 'name' });
    expect(symbols(1)).toEqual(['AAPL']);
    expect(symbols(2)).toEqual(['9988.HK', 'BABA']);
    expect(preview.items[2]?.links[0]?.reasons[0]).toMatchObject({ field: 'headline', text: 'HKEX: 9988', index: 0, via: 'name', term: '9988' });
    expect(symbols(3)).toEqual([]);
    // 19,999 % 5 = 4; its headline is 'Microsoft and Amazon n19999'.
    expect(preview.items[19_999]?.headline).toBe('Microsoft and Amazon n19999');
    expect(symbols(19_999)).toEqual(['AMZN', 'MSFT']);
    expect(preview.items.reduce((n, i) => n + i.links.length, 0)).toBe(28_000);
    expect(preview.items.filter((i) => i.links.length > 0)).toHaveLength(16_000);
    // Reading, then linking 500 items at a time (40 chunks), then done.
    expect(previewProgress[0]).toMatchObject({ phase: 'reading' });
    const linking = previewProgress.filter((p) => p.phase === 'linking');
    expect(linking.map((p) => p.done)).toEqual(Array.from({ length: 41 }, (_, k) => k * 500));
    expect(linking.every((p) => p.total === ITEMS)).toBe(true);
    expect(previewProgress.at(-1)).toMatchObject({ phase: 'done', done: ITEMS, total: ITEMS });
    expect(count('news_events')).toBe(0);

    const importProgress = progressOf('import-1');
    const result = await call('news.import', { ...file, jobId: 'import-1' });
    expect(result).toMatchObject({ added: ITEMS, alreadyStored: 0, skippedInvalid: 0, links: 28_000 });
    expect(result.eventIds).toHaveLength(ITEMS);
    expect(count('news_events')).toBe(ITEMS);
    expect(count('event_links')).toBe(28_000);
    expect(importProgress.filter((p) => p.phase === 'saving').at(-1)).toEqual({ jobId: 'import-1', phase: 'saving', done: ITEMS, total: ITEMS });
    // Stored as previewed.
    const third = await call('news.get', { id: result.eventIds[2] ?? 0 });
    expect(third.headline).toBe('HKEX: 9988 trading note n2');
    expect(third.links.map((l) => l.symbol).sort()).toEqual(['9988.HK', 'BABA']);
    const fourth = await call('news.get', { id: result.eventIds[3] ?? 0 });
    expect(fourth.links).toEqual([]);
    // A second import of the same file adds nothing.
    expect(await call('news.import', file)).toMatchObject({ added: 0, alreadyStored: ITEMS });
  });

  it('answers a Holdings request sent while a 20,000-item import is being saved before the import ends', LONG, async () => {
    const alibaba = ensureSecurityFromCatalogue(backend.db, '9988.HK');
    if (!alibaba) throw new Error('9988.HK is not in the catalogue');
    await call('transactions.create', { securityId: alibaba.id, type: 'buy', date: '2024-01-02', quantity: 100, price: 80, currency: 'HKD' });
    const file = { fileName: 'worker-feed.xml', contentBase64: Buffer.from(feed(ITEMS), 'utf8').toString('base64') };

    const finished: string[] = [];
    let saving: () => void = () => undefined;
    const savingStarted = new Promise<void>((resolve) => {
      saving = resolve;
    });
    backend.subscribe((event, payload) => {
      const p = payload as EventPayload<'import.progress'>;
      if (event === 'import.progress' && p.jobId === 'import-2' && p.phase === 'saving') saving();
    });
    const imported = call('news.import', { ...file, jobId: 'import-2' }).then((r) => {
      finished.push('import');
      return r;
    });
    await savingStarted;
    const holdings = await call('holdings.list', {});
    finished.push('holdings');
    expect(holdings.holdings.map((h) => [h.symbol, h.quantity])).toEqual([['9988.HK', 100]]);
    expect((await imported).added).toBe(ITEMS);
    expect(finished).toEqual(['holdings', 'import']);
  });

  it('imports what the confirmed file holds: a preview of other bytes under the same name is not reused', LONG, async () => {
    const first = { fileName: 'feed.xml', contentBase64: Buffer.from(feed(10), 'utf8').toString('base64') };
    // Same name, 12 items: the import must read these bytes, not the 10 items kept from the preview.
    const second = { fileName: 'feed.xml', contentBase64: Buffer.from(feed(12), 'utf8').toString('base64') };
    expect((await call('news.previewImport', first)).counts.items).toBe(10);
    expect(await call('news.import', second)).toMatchObject({ added: 12, alreadyStored: 0 });
    // And a preview followed by the import of the same bytes (the kept reading) stores exactly what was previewed.
    const third = { fileName: 'feed.xml', contentBase64: Buffer.from(feed(15), 'utf8').toString('base64') };
    expect((await call('news.previewImport', third)).counts).toEqual({ items: 15, new: 3, alreadyStored: 12, errors: 0 });
    expect(await call('news.import', third)).toMatchObject({ added: 3, alreadyStored: 12 });
    expect(count('news_events')).toBe(15);
  });

  it('shows stored items in a new preview as they are stored, with the links the user removed', LONG, async () => {
    const ids: Record<string, number> = {};
    for (const s of ['9988.HK', 'BABA', 'AAPL']) ids[s] = ensureSecurityFromCatalogue(backend.db, s)?.id ?? 0;
    const file = { fileName: 'feed.xml', contentBase64: Buffer.from(feed(5), 'utf8').toString('base64') };
    const { eventIds } = await call('news.import', file);
    // Item 0 names Alibaba (both listings); the user removes BABA from it.
    await call('news.updateLinks', { id: eventIds[0] ?? 0, remove: [ids.BABA ?? 0] });
    const again = await call('news.previewImport', file);
    expect(again.counts).toEqual({ items: 5, new: 0, alreadyStored: 5, errors: 0 });
    expect(again.items.map((i) => i.existingId)).toEqual(eventIds);
    expect(again.items[0]?.links.map((l) => [l.symbol, l.state])).toEqual([
      ['9988.HK', 'linked'],
      ['BABA', 'removed'],
    ]);
    expect(again.items[1]?.links.map((l) => l.symbol)).toEqual(['AAPL']);
    expect(again.items[3]?.links).toEqual([]);
  });
});
