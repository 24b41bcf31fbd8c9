import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { NewsEventDetail } from '@shared/api/news';
import { ensureSecurityFromCatalogue } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';
import { eventsForSecurity } from './store';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIX = `${FIXTURES_DIR}/news/`;
const ARTICLE = 'de-2026-01-11-alibaba-im-aufwind.txt';
const RSS = 'rss2_rthk-finance-en_2025-02.xml';
const NVDA_CSV = 'headlines_NVDA_date-headline.csv';

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

async function failure(method: MethodName, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

const fixture = (name: string): { fileName: string; contentBase64: string } => ({
  fileName: name,
  contentBase64: readFileSync(FIX + name).toString('base64'),
});
const inline = (fileName: string, text: string): { fileName: string; contentBase64: string } => ({
  fileName,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/** Adds catalogue listings; returns symbol → id. */
function addSecurities(...symbols: string[]): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const s of symbols) {
    const added = ensureSecurityFromCatalogue(backend.db, s);
    if (!added) throw new Error(`${s} is not in the catalogue`);
    ids[s] = added.id;
  }
  return ids;
}

const count = (table: string): number => (backend.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const linked = (d: NewsEventDetail): string[] => d.links.filter((l) => l.state === 'linked').map((l) => l.symbol).sort();
const claimsOf = (d: Pick<NewsEventDetail, 'claims'>): string[] => d.claims.map((c) => `${c.symbol} ${c.direction} ${c.qualifier} ${c.percent} ${c.horizon}`);

// The article's companies, plus Tencent, AMD and Microsoft, which it does not mention.
const WATCHLIST = ['9988.HK', 'BABA', '1024.HK', '9618.HK', 'JD', '0700.HK', 'AMD', 'MSFT'];

// The moves the article states: "In Hongkong kletterte das Papier in der Spitze um 4,8 %" (Alibaba, carried
// from the previous sentence; both listings), "Kuaishou Technology und JD.com Kursgewinne von jeweils mehr
// als 4 %" (not Alibaba: "Neben Alibaba"), "seit ihrem Hoch Anfang Oktober mehr als 20 % verloren" (Alibaba,
// a longer horizon).
const ARTICLE_CLAIMS = [
  '9988.HK up up-to 4.8 day',
  'BABA up up-to 4.8 day',
  '1024.HK up more-than 4 day',
  '9618.HK up more-than 4 day',
  'JD up more-than 4 day',
  '9988.HK down more-than 20 longer',
  'BABA down more-than 20 longer',
];

describe('importing the example article', () => {
  it('previews exactly Alibaba (both listings), Kuaishou and JD.com (both listings), with reasons and claims', async () => {
    addSecurities(...WATCHLIST);
    const preview = await call('news.previewImport', fixture(ARTICLE));
    expect(preview.format).toBe('article');
    expect(preview.csv).toBeNull();
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ items: 1, new: 1, alreadyStored: 0, errors: 0 });
    const [item] = preview.items;
    expect(item).toMatchObject({ date: '2026-01-11', headline: 'Alibaba im Aufwind', label: 'Anzeige', tags: ['sponsored'], language: 'de', existingId: null });
    expect(item?.links.map((l) => l.symbol).sort()).toEqual(['1024.HK', '9618.HK', '9988.HK', 'BABA', 'JD']);
    // Alibaba comes first: it is named in the headline.
    const baba = item?.links.find((l) => l.symbol === 'BABA');
    expect(baba?.reasons[0]).toMatchObject({ field: 'headline', text: 'Alibaba', index: 0, via: 'name' });
    const jd = item?.links.find((l) => l.symbol === '9618.HK');
    expect(jd?.reasons.map((r) => `${r.field}:${r.text}`)).toEqual(['body:JD.com']);
    expect(claimsOf(item ?? { claims: [] })).toEqual(ARTICLE_CLAIMS);
    expect(count('news_events')).toBe(0);
  });

  it('stores it once: a second import adds nothing', async () => {
    addSecurities(...WATCHLIST);
    const first = await call('news.import', fixture(ARTICLE));
    // 5 links (9988.HK, BABA, 1024.HK, 9618.HK, JD) and the 7 claims above.
    expect(first).toMatchObject({ added: 1, alreadyStored: 0, links: 5, claims: 7 });
    const second = await call('news.import', fixture(ARTICLE));
    expect(second).toMatchObject({ added: 0, alreadyStored: 1, links: 0, claims: 0, eventIds: [] });
    expect(count('news_events')).toBe(1);
    expect(count('event_links')).toBe(5);
    expect(count('event_claims')).toBe(7);

    const detail = await call('news.get', { id: first.eventIds[0] ?? 0 });
    expect(detail).toMatchObject({ date: '2026-01-11', time: null, label: 'Anzeige', source: 'Saved article' }); // the text names no publisher; never the file name
    expect(detail.body.startsWith('Die Aktien der Alibaba Group haben deutlich zugelegt')).toBe(true);
    expect(detail.body).not.toContain('Kommentare (0)');
    expect(linked(detail)).toEqual(['1024.HK', '9618.HK', '9988.HK', 'BABA', 'JD']);
    expect(claimsOf(detail)).toEqual(ARTICLE_CLAIMS);
    expect((await call('news.previewImport', fixture(ARTICLE))).counts).toEqual({ items: 1, new: 0, alreadyStored: 1, errors: 0 });
  });

  it('keeps a link the user removed, through re-import and relinking', async () => {
    const ids = addSecurities(...WATCHLIST);
    const { eventIds } = await call('news.import', fixture(ARTICLE));
    const id = eventIds[0] ?? 0;
    const afterRemove = await call('news.updateLinks', { id, remove: [ids.JD ?? 0] });
    expect(linked(afterRemove)).toEqual(['1024.HK', '9618.HK', '9988.HK', 'BABA']);
    expect(afterRemove.links.find((l) => l.symbol === 'JD')).toMatchObject({ origin: 'user', state: 'removed' });
    // Its claim goes with it: 7 − 1.
    expect(afterRemove.claims).toHaveLength(6);

    expect(await call('news.import', fixture(ARTICLE))).toMatchObject({ added: 0, alreadyStored: 1 });
    expect(await call('news.relink', {})).toEqual({ events: 1, linksAdded: 0, linksRemoved: 0 });
    const after = await call('news.get', { id });
    expect(linked(after)).toEqual(['1024.HK', '9618.HK', '9988.HK', 'BABA']);
    expect(after.links.find((l) => l.symbol === 'JD')?.state).toBe('removed');
    expect(claimsOf(after)).toEqual(ARTICLE_CLAIMS.filter((c) => !c.startsWith('JD ')));
  });

  it('keeps a link the user added, and relinks new securities without touching user choices', async () => {
    const ids = addSecurities(...WATCHLIST);
    const { eventIds } = await call('news.import', fixture(ARTICLE));
    const id = eventIds[0] ?? 0;
    await call('news.updateLinks', { id, add: [ids['0700.HK'] ?? 0], remove: [ids.BABA ?? 0] });
    // Nvidia joins the catalogue later ("Nvidias H200-Chips", "Nvidia bereits signalisiert").
    const nvda = addSecurities('NVDA').NVDA ?? 0;
    expect(await call('news.relink', {})).toEqual({ events: 1, linksAdded: 1, linksRemoved: 0 });
    const detail = await call('news.get', { id });
    expect(linked(detail)).toEqual(['0700.HK', '1024.HK', '9618.HK', '9988.HK', 'JD', 'NVDA']);
    expect(detail.links.find((l) => l.symbol === '0700.HK')).toMatchObject({ origin: 'user', state: 'linked', reasons: [] });
    expect(detail.links.find((l) => l.securityId === nvda)?.reasons.map((r) => r.text)).toEqual(['Nvidias', 'Nvidia']);
    expect(await call('news.import', fixture(ARTICLE))).toMatchObject({ added: 0 });
    expect(linked(await call('news.get', { id }))).toEqual(['0700.HK', '1024.HK', '9618.HK', '9988.HK', 'JD', 'NVDA']);
    expect((await call('news.get', { id })).links.find((l) => l.symbol === 'BABA')).toMatchObject({ origin: 'user', state: 'removed' });
  });

  it('gives charts the events of one security with that security’s claims', async () => {
    const ids = addSecurities(...WATCHLIST);
    await call('news.import', fixture(ARTICLE));
    const events = eventsForSecurity(backend.db, ids['1024.HK'] ?? 0);
    expect(events).toEqual([
      {
        id: expect.any(Number) as number,
        date: '2026-01-11',
        time: null,
        timeZone: null,
        headline: 'Alibaba im Aufwind',
        source: 'Saved article',
        tags: ['sponsored'],
        claims: [{ direction: 'up', percent: 4, qualifier: 'more-than', horizon: 'day', text: expect.stringContaining('jeweils mehr als 4 %') as string }],
      },
    ]);
    expect(eventsForSecurity(backend.db, ids['9988.HK'] ?? 0)[0]?.claims.map((c) => `${c.qualifier} ${c.percent}`)).toEqual(['up-to 4.8', 'more-than 20']);
    expect(eventsForSecurity(backend.db, ids['0700.HK'] ?? 0)).toEqual([]);
  });
});

describe('feeds and news lists', () => {
  it('imports the 60 items of the RTHK feed once, linking Alibaba where the text names it', async () => {
    addSecurities('9988.HK', 'BABA');
    const xml = readFileSync(FIX + RSS, 'utf8');
    // Independent count: items whose XML (title, description) contains "Alibaba".
    const mentioning = xml.split('<item>').slice(1).filter((item) => /alibaba/i.test(item)).length;
    const preview = await call('news.previewImport', fixture(RSS));
    expect(preview.format).toBe('feed');
    expect(preview.counts).toEqual({ items: 60, new: 60, alreadyStored: 0, errors: 0 });
    const result = await call('news.import', fixture(RSS));
    expect(result.added).toBe(60);
    expect(count('news_events')).toBe(60);
    const linkedToHk = (backend.db.prepare("SELECT COUNT(*) AS n FROM event_links l JOIN securities s ON s.id = l.security_id WHERE s.symbol = '9988.HK'").get() as { n: number }).n;
    expect(linkedToHk).toBe(mentioning);
    expect(mentioning).toBeGreaterThan(0);
    expect(await call('news.import', fixture(RSS))).toMatchObject({ added: 0, alreadyStored: 60 });
    // The feed's pubDates run from Sun, 09 Feb 2025 to Thu, 27 Feb 2025 (+0800).
    const list = await call('news.list', { limit: 500 });
    expect(list.total).toBe(60);
    expect(list.items[0]?.date).toBe('2025-02-27');
    expect(list.items.at(-1)?.date).toBe('2025-02-09');
    expect(list.items[0]?.timeZone).toBe('+08:00');
  });

  it('imports the 99 NVDA headlines, each linked to NVDA through the ticker in the file name', async () => {
    const { NVDA } = addSecurities('NVDA');
    const preview = await call('news.previewImport', fixture(NVDA_CSV));
    expect(preview.format).toBe('csv');
    expect(preview.csv?.columns).toEqual(['date', 'headline']);
    expect(preview.csv?.mapping).toMatchObject({ date: 0, headline: 1, impliedTickers: ['NVDA'] });
    expect(preview.counts.items).toBe(99);
    const result = await call('news.import', fixture(NVDA_CSV));
    expect(result.added + result.alreadyStored).toBe(99);
    expect(result.added).toBe(preview.counts.new);
    const list = await call('news.list', { securityId: NVDA, limit: 500 });
    expect(list.total).toBe(result.added);
    expect(list.items.every((i) => i.links.some((l) => l.symbol === 'NVDA'))).toBe(true);
    // The file runs from 2026-04-03 to 2026-04-16.
    expect(list.items[0]?.date).toBe('2026-04-16');
    expect(list.items.at(-1)?.date).toBe('2026-04-03');
    expect(await call('news.import', fixture(NVDA_CSV))).toMatchObject({ added: 0 });
  });

  it('asks for a mapping when the columns are not recognised, and imports with the one the user chose', async () => {
    const text = 'wann;was;wo\n11.01.2026;Alibaba im Aufwind;Bn\n12.01.2026;JD.com legt um 3 % zu;Bn\n';
    const preview = await call('news.previewImport', inline('liste.csv', text));
    expect(preview.format).toBe('csv');
    expect(preview.items).toEqual([]);
    expect(preview.errors[0]?.reason).toMatch(/does not look like a news list: no date and headline\/title column/);
    expect(preview.csv?.columns).toEqual(['wann', 'was', 'wo']);
    const mapping = { ...preview.csv!.mapping, date: 0, headline: 1, source: 2 };
    addSecurities('JD');
    const mapped = await call('news.previewImport', { ...inline('liste.csv', text), mapping });
    expect(mapped.items.map((i) => `${i.date} ${i.headline} ${i.source} ${i.links.map((l) => l.symbol).join(',')}`)).toEqual([
      '2026-01-11 Alibaba im Aufwind Bn ',
      '2026-01-12 JD.com legt um 3 % zu Bn JD',
    ]);
    expect(claimsOf(mapped.items[1] ?? { claims: [] })).toEqual(['JD up exact 3 day']);
    expect(await call('news.import', { ...inline('liste.csv', text), mapping })).toMatchObject({ added: 2 });
    expect((await failure('news.previewImport', { ...inline('liste.csv', text), mapping: { ...mapping, source: 7 } })).message).toMatch(/has 3 columns/);
  });
});

describe('bad files are rejected whole, with a reason, and nothing is stored', () => {
  it.each([
    ['empty.txt', '', /empty\.txt is empty/],
    ['blank.xml', '   \n\n', /blank\.xml is empty/],
    ['unclosed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Half', /.+/],
    ['garbage.json', '{"articles": [1, 2', /not valid JSON/],
  ])('%s', async (fileName, text, message) => {
    addSecurities('9988.HK');
    const preview = await call('news.previewImport', inline(fileName, text));
    expect(preview.items).toEqual([]);
    expect(preview.errors.length).toBeGreaterThan(0);
    const error = await failure('news.import', inline(fileName, text));
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ file: fileName });
    expect(count('news_events')).toBe(0);
  });

  it('binary data', async () => {
    const bytes = Buffer.alloc(2048);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 256;
    const error = await failure('news.import', { fileName: 'photo.jpg', contentBase64: bytes.toString('base64') });
    expect(error).toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/not a text file/) as string });
    expect(count('news_events')).toBe(0);
  });

  it('a list with one unreadable row stores nothing unless the user skips that row', async () => {
    const text = 'date,headline\n2026-01-12,Kuaishou gains\nnot a day,Broken row\n';
    const error = await failure('news.import', inline('list.csv', text));
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toBe("Nothing was imported from list.csv: Line 3: 'not a day' is not a date.");
    expect(error.details).toMatchObject({ errors: [{ file: 'list.csv', line: 3, field: 'date' }] });
    expect(count('news_events')).toBe(0);
    expect(await call('news.import', { ...inline('list.csv', text), skipInvalid: true })).toMatchObject({ added: 1, skippedInvalid: 1 });
  });
});

describe('manual entry, editing and browsing', () => {
  it('links a hand-entered event, refuses a duplicate, edits and deletes it', async () => {
    const ids = addSecurities('9988.HK', 'BABA', '0700.HK');
    const created = await call('news.create', {
      date: '2026-02-03',
      time: '09:30',
      timeZone: 'Asia/Hong_Kong',
      headline: 'Tencent fell 3% after results',
      body: 'Shares of Tencent fell 3% in Hong Kong.',
      source: 'Notes',
      url: 'https://example.com/tencent?utm_source=x',
    });
    expect(created).toMatchObject({ date: '2026-02-03', time: '09:30', timeZone: 'Asia/Hong_Kong', language: 'en', tags: [] });
    expect(linked(created)).toEqual(['0700.HK']);
    // Headline and body state the same move; it is kept once.
    expect(claimsOf(created)).toEqual(['0700.HK down exact 3 day']);

    // Same url without the tracking parameter: the same story.
    const dup = await failure('news.create', { date: '2026-02-04', headline: 'Other', url: 'http://example.com/tencent' });
    expect(dup.code).toBe('CONFLICT');

    const edited = await call('news.update', { id: created.id, patch: { headline: 'Alibaba and Tencent fell', body: '', label: 'Anzeige' } });
    expect(linked(edited)).toEqual(['0700.HK', '9988.HK', 'BABA']);
    expect(edited.tags).toEqual(['sponsored']);
    expect(edited.claims).toEqual([]);

    const list = await call('news.list', { tag: 'sponsored', securityId: ids.BABA, from: '2026-02-01', to: '2026-02-28', source: 'Notes', search: 'tencent' });
    expect(list.items.map((i) => i.id)).toEqual([created.id]);
    expect(list.facets).toEqual({
      sources: ['Notes'],
      tags: ['sponsored'],
      securities: [
        { securityId: ids['0700.HK'], symbol: '0700.HK', name: 'Tencent Holdings' },
        { securityId: ids['9988.HK'], symbol: '9988.HK', name: 'Alibaba Group Holding' },
        { securityId: ids.BABA, symbol: 'BABA', name: 'Alibaba Group Holding ADR' },
      ],
    });
    expect((await call('news.list', { to: '2026-02-02' })).total).toBe(0);
    expect((await call('news.list', { search: '100%_' })).total).toBe(0);

    expect(await call('news.delete', { id: created.id })).toEqual({ deleted: true });
    expect(count('event_links')).toBe(0);
    expect((await failure('news.get', { id: created.id })).code).toBe('NOT_FOUND');
  });
});
