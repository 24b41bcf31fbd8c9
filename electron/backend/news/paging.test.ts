import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput } from '@shared/api/contract';
import { ensureSecurityFromCatalogue } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';
import { insertEvent, LIST_ORDER, writeAutoLinks } from './store';

let backend: ReturnType<typeof tempBackend>;
/** Event number (1–7, in insertion order) → its id. */
let ids: number[];
let baba: number;

/**
 * Seven events, inserted in this order (ids ascend with it):
 *   1  2026-01-05 10:00  BABA     "Alibaba wins a contract award"
 *   2  2026-01-05 —      Tencent  "Tencent reports results"
 *   3  2026-01-06 09:00  Tencent  "Tencent wins a contract award"
 *   4  2026-01-05 10:00  BABA     "Alibaba reports results"        (same day and time as 1: the id decides)
 *   5  2026-01-04 16:00  BABA     "Alibaba gets a contract award"
 *   6  2026-01-05 15:30  Tencent  "Tencent gets a contract award"
 *   7  2026-01-06 —      BABA     "Alibaba reports results again"
 * Newest day first, within a day timed events latest first, then untimed, the higher id first on a tie:
 *   06: 3 (09:00), 7 (no time) · 05: 6 (15:30), 4 (10:00, id 4 > 1), 1 (10:00), 2 (no time) · 04: 5
 */
const ALL = [3, 7, 6, 4, 1, 2, 5];
/** The BABA events (1, 4, 5, 7) in that order. */
const BABA = [7, 4, 1, 5];
/** "contract award": both words in the headline (1, 3, 5, 6). */
const CONTRACT_AWARD = [3, 6, 1, 5];
/** Both filters: 1 and 5. */
const BABA_CONTRACT_AWARD = [1, 5];

beforeEach(() => {
  backend = tempBackend();
  const { db } = backend;
  baba = ensureSecurityFromCatalogue(db, 'BABA')?.id ?? 0;
  const tencent = ensureSecurityFromCatalogue(db, '0700.HK')?.id ?? 0;
  const events: [string, string | null, number, string][] = [
    ['2026-01-05', '10:00', baba, 'Alibaba wins a contract award'],
    ['2026-01-05', null, tencent, 'Tencent reports results'],
    ['2026-01-06', '09:00', tencent, 'Tencent wins a contract award'],
    ['2026-01-05', '10:00', baba, 'Alibaba reports results'],
    ['2026-01-04', '16:00', baba, 'Alibaba gets a contract award'],
    ['2026-01-05', '15:30', tencent, 'Tencent gets a contract award'],
    ['2026-01-06', null, baba, 'Alibaba reports results again'],
  ];
  ids = events.map(([date, time, securityId, headline], n) => {
    const id = insertEvent(
      db,
      { date, time, timeZone: time ? 'Asia/Hong_Kong' : null, headline, summary: '', body: '', source: 'Notes', url: null, language: 'en', label: null, tags: [], tickers: [] },
      `paging:${n + 1}`,
    );
    writeAutoLinks(db, id, [{ securityId, issuerId: null, reasons: [] }]);
    return id;
  });
});
afterEach(() => backend.dispose());

type Filter = Omit<MethodInput<'news.list'>, 'limit' | 'offset'>;

async function page(filter: Filter, limit: number, offset: number): Promise<{ numbers: number[]; total: number }> {
  const result = await backend.dispatch('news.list', { ...filter, limit, offset, facets: false });
  if (!result.ok) throw new Error(result.error.message);
  const list = result.value as MethodOutput<'news.list'>;
  return { numbers: list.items.map((i) => ids.indexOf(i.id) + 1), total: list.total };
}

/** Every page of `limit` events from offset 0 until a short page: the events joined, and the total each page gave. */
async function everyPage(filter: Filter, limit: number): Promise<{ joined: number[]; totals: number[] }> {
  const joined: number[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const { numbers, total } = await page(filter, limit, offset);
    joined.push(...numbers);
    totals.push(total);
    if (numbers.length < limit) return { joined, totals };
  }
}

describe('News list pages', () => {
  it.each([
    ['no filter', {}, ALL],
    ['one security', { securityId: -1 }, BABA],
    ['text search', { search: 'contract award' }, CONTRACT_AWARD],
    ['security and text search', { securityId: -1, search: 'contract award' }, BABA_CONTRACT_AWARD],
  ])('%s: pages of 1, 2 and 3 join to the whole list in order, none twice, with the total on each', async (_name, raw, expected) => {
    const filter: Filter = 'securityId' in raw ? { ...raw, securityId: baba } : raw;
    for (const limit of [1, 2, 3]) {
      const { joined, totals } = await everyPage(filter, limit);
      expect(joined).toEqual(expected);
      // ceil(n / limit) pages, plus the empty page when n divides evenly; each says the filter's total.
      expect(totals).toEqual(Array(Math.floor(expected.length / limit) + 1).fill(expected.length));
    }
  });

  it('a page in the middle or past the end of a filter', async () => {
    // ALL = 3 7 6 4 1 2 5: offset 2, limit 3 → 6 4 1.
    expect(await page({}, 3, 2)).toEqual({ numbers: [6, 4, 1], total: 7 });
    // BABA = 7 4 1 5: offset 3 → 5 alone; offset 4 is past the end.
    expect(await page({ securityId: baba }, 2, 3)).toEqual({ numbers: [5], total: 4 });
    expect(await page({ securityId: baba }, 2, 4)).toEqual({ numbers: [], total: 4 });
  });

  it('a page is read from the list-order index, not by sorting every event', () => {
    const plan = (backend.db.prepare(`EXPLAIN QUERY PLAN SELECT e.* FROM news_events e ORDER BY ${LIST_ORDER} LIMIT 100 OFFSET 19900`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toContain('news_events_list_order');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
