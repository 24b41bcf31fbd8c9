import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { ApiError } from '@shared/domain/common/errors';
import { ensureSecurityFromCatalogue } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';
import { readSavedPage } from './page-reader';
import { FIXTURES_DIR } from '../../../test-support/fixtures';
import { onePagePdf } from '../../../test-support/pdf';
import { shown } from '../../../test-support/shown';
import { readNewsFile } from './read-news-file';

const PAGES = `${FIXTURES_DIR}/news/html/`;
const TODAY = '2026-12-05';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(TODAY);
});
afterEach(() => backend.dispose());

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}
async function failure(method: MethodName, input: unknown): Promise<ApiError> {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}
const file = (fileName: string, bytes: Uint8Array | Buffer | string): { fileName: string; contentBase64: string } => ({
  fileName,
  contentBase64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64'),
});
const page = (name: string): { fileName: string; contentBase64: string } => file(`${name}.html`, readFileSync(`${PAGES}${name}.html`));
const WATCHLIST = ['AAPL', 'MSFT', 'AMZN', 'META', '9988.HK', 'BABA'];
const watch = (): void => {
  for (const s of WATCHLIST) ensureSecurityFromCatalogue(backend.db, s);
};
const linkedSymbols = (item: { links: { symbol: string; state: string }[] }): string[] => item.links.filter((l) => l.state === 'linked').map((l) => l.symbol).sort();

// The metadata Readability's own test suite expects for each page (test-fixtures/SOURCES.md).
const EXPECTED = [
  ['bbc-1', "Obama admits US gun laws are his 'biggest frustration'", 'BBC News', '2015-07-24T05:36:09+01:00', 'en'],
  ['guardian-1', "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy", 'the Guardian', '2019-01-03T07:00:02.000Z', 'en'],
  ['heise', '1Password für Mac generiert Einmal-Passwörter', 'Mac & i', null, 'de'],
  ['cnet', "Zuckerberg offers peek at Facebook's acquisition strategies", 'CNET', null, 'en'],
  ['seattletimes-1', 'Alaskan halibut, caught by a century-old Seattle boat, provides a glimpse of Amazon’s strategy with Whole Foods', 'The Seattle Times', '2019-04-28 06:01:07', 'en-US'],
  ['qq', 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网', null, null, null],
  ['aclu', 'Facebook Is Tracking Me Even Though I’m Not on Facebook', 'American Civil Liberties Union', '2018-04-05T06:00', 'en'],
] as const;

describe('saved web pages', () => {
  it.each(EXPECTED)('%s: title, site name, publication time and language as Readability’s suite expects', (name, title, siteName, published, lang) => {
    const read = readSavedPage(readFileSync(`${PAGES}${name}.html`, 'utf8'));
    expect(read.headline).toBe(title);
    expect(read.siteName).toBe(siteName);
    expect(read.language).toBe(lang);
    // Where Readability finds a time, ours is the same; two pages state theirs only in other tags (below).
    if (published !== null) expect(read.publishedText).toBe(published);
  });

  it('names the author where the page does, for the preview', { timeout: 60_000 }, async () => {
    // Readability's expected bylines (SOURCES.md); the Seattle Times puts its dates where the byline goes, and QQ names nobody.
    const authors: [string, string | null][] = [
      ['guardian-1', 'Eleanor Ainge Roy'],
      ['cnet', 'Steven Musil'],
      ['aclu', 'Daniel Kahn Gillmor'],
      ['seattletimes-1', null],
      ['qq', null],
    ];
    for (const [name, author] of authors) {
      const preview = await call('news.previewImport', page(name));
      expect([name, preview.items[0]?.author]).toEqual([name, author]);
    }
  });

  it('takes the time from other tags when the usual ones are missing', () => {
    // heise: <meta name="date" content="2015-04-08T12:46:00"> (no zone); CNET: itemprop=datePublished content="2017-01-18T23:00:00-0800".
    expect(readSavedPage(readFileSync(`${PAGES}heise.html`, 'utf8')).published).toEqual({ date: '2015-04-08', time: '12:46', timeZone: null });
    expect(readSavedPage(readFileSync(`${PAGES}cnet.html`, 'utf8')).published).toEqual({ date: '2017-01-18', time: '23:00', timeZone: '-08:00' });
  });

  it('previews the BBC page: date with its zone, publisher, original address, article body only', async () => {
    const preview = await call('news.previewImport', page('bbc-1'));
    expect(preview.format).toBe('page');
    expect(preview.items).toHaveLength(1);
    expect(preview.items[0]).toMatchObject({
      date: '2015-07-24',
      time: '05:36',
      timeZone: '+01:00',
      source: 'BBC News',
      url: 'http://www.bbc.com/news/world-us-canada-33646704',
      language: 'en',
      dateUnknown: false,
    });
    const detail = await call('news.import', page('bbc-1'));
    const stored = await call('news.get', { id: detail.eventIds[0] ?? 0 });
    expect(stored.body).toContain('Obama');
    // The page's navigation and "more stories" lists are not part of the article.
    expect(stored.body).not.toMatch(/Skip to content|Share this page/);
  });

  it('links what the article names, not what the page around it names', async () => {
    watch();
    // CNET's page names Apple, Microsoft and Amazon only in navigation and related-story boxes; the story is about Facebook.
    const cnet = await call('news.previewImport', page('cnet'));
    expect(linkedSymbols(cnet.items[0] ?? { links: [] })).toEqual(['META']);
    expect(cnet.items[0]?.links[0]?.reasons[0]).toMatchObject({ via: 'name', term: 'Facebook' });
    const seattle = await call('news.previewImport', page('seattletimes-1'));
    expect(linkedSymbols(seattle.items[0] ?? { links: [] })).toEqual(['AMZN']);
    // BBC: Apple and Facebook appear only in share buttons and footers.
    expect(linkedSymbols((await call('news.previewImport', page('bbc-1'))).items[0] ?? { links: [] })).toEqual([]);
  });

  it('marks a page without any date as date unknown, dated today, and refuses to import it until a date is set', async () => {
    const preview = await call('news.previewImport', page('qq'));
    expect(preview.items[0]).toMatchObject({ date: TODAY, dateUnknown: true, language: 'zh', source: 'Saved article' });
    expect((await failure('news.import', page('qq'))).message).toMatch(/^Set the date of “DeepMind新电脑.*” before importing: qq\.html does not say when it was published\.$/);
    const done = await call('news.import', { ...page('qq'), dates: [{ itemIndex: 0, date: '2016-10-13' }] });
    expect((await call('news.get', { id: done.eventIds[0] ?? 0 })).date).toBe('2016-10-13');
  });

  it('reads a single-file page (.mhtml, quoted-printable) like the page itself', async () => {
    const html = readFileSync(`${PAGES}heise.html`, 'utf8');
    // Quoted-printable: '=' becomes '=3D', bytes above 127 become =XX, lines are cut at 76 with a soft break '='.
    const bytes = Buffer.from(html, 'utf8');
    let qp = '';
    let lineLength = 0;
    for (const b of bytes) {
      const piece = b === 0x0a ? '\r\n' : b === 0x3d || b > 126 || (b < 32 && b !== 9) ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
      if (piece === '\r\n') lineLength = 0;
      else if (lineLength + piece.length > 75) {
        qp += '=\r\n';
        lineLength = 0;
      }
      qp += piece;
      if (piece !== '\r\n') lineLength += piece.length;
    }
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.heise.de/mac-and-i/meldung/1Password-2596987.html',
      'Subject: 1Password =?utf-8?Q?f=C3=BCr?= Mac',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.heise.de/mac-and-i/meldung/1Password-2596987.html',
      '',
      qp,
      '------MultipartBoundary--abc----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc------',
      '',
    ].join('\r\n');
    const preview = await call('news.previewImport', file('heise.mhtml', Buffer.from(mhtml, 'latin1')));
    expect(preview.format).toBe('page');
    expect(preview.items[0]).toMatchObject({ headline: '1Password für Mac generiert Einmal-Passwörter', date: '2015-04-08', time: '12:46', source: 'Mac & i', language: 'de' });
  });

  // Not a speed limit: the news worker starts under tsx and loads PDF.js, which takes seconds on a busy machine.
  it('reads a PDF’s text layer: first line headline, dateline date, claims and bare HKEX codes', { timeout: 60_000 }, async () => {
    watch();
    const pdf = onePagePdf(['Alibaba shares soar on cloud growth', 'Hong Kong, 9 January 2026', 'Alibaba (HKEX: 9988) soared more than 14 percent on Friday.']);
    const preview = await call('news.previewImport', file('alibaba.pdf', pdf));
    expect(preview.format).toBe('pdf');
    expect(preview.items[0]).toMatchObject({ headline: 'Alibaba shares soar on cloud growth', date: '2026-01-09', dateUnknown: false, source: 'Saved article' });
    expect(linkedSymbols(preview.items[0] ?? { links: [] })).toEqual(['9988.HK', 'BABA']);
    expect(preview.items[0]?.claims.map((c) => `${c.symbol} ${c.direction} ${c.qualifier} ${c.percent}`).sort()).toEqual(['9988.HK up more-than 14', 'BABA up more-than 14']);
  });

  it('refuses a scanned PDF with a message that says it has no text', { timeout: 60_000 }, async () => {
    const scan = file('scan.pdf', onePagePdf([]));
    expect((await call('news.previewImport', scan)).errors.map((e) => e.reason)).toEqual([
      'scan.pdf has no text to read (1 page of images only, as a scan is). Save the article from the browser as a web page or PDF with text, or paste its text.',
    ]);
    const error = await failure('news.import', scan);
    expect(error.message).toBe('scan.pdf has no text to read (1 page of images only, as a scan is). Save the article from the browser as a web page or PDF with text, or paste its text.');
    // A German reader gets the same refusal, the page count through the library's plural.
    const [problem] = (await call('news.previewImport', scan)).errors;
    expect(shown('de', problem ?? {})).toBe(
      'scan.pdf enthält keinen lesbaren Text (1 Seite nur aus Bildern, wie bei einem Scan). Speichern Sie den Artikel im Browser als Webseite oder als PDF mit Text, oder fügen Sie seinen Text ein.',
    );
    expect(shown('de', { key: error.key, params: error.params })).toBe(shown('de', problem ?? {}));
  });

  it('says in English and German why a damaged PDF, a broken single-file page and an empty link cannot be read', { timeout: 60_000 }, async () => {
    const options = { today: TODAY };
    const damaged = await readNewsFile(new TextEncoder().encode('%PDF-1.7\nthis is no PDF body'), 'cut.pdf', options);
    const page = await readNewsFile(new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>x</p>'), 'page.mhtml', options);
    const link = await readNewsFile(new TextEncoder().encode('[InternetShortcut]\r\nURL=file:///C:/a.txt\r\n'), 'a.url', options);
    const problems = [damaged, page, link].map((r) => r.errors[0] ?? { message: 'none', key: undefined });
    expect(problems.map((p) => [p.message, shown('de', p)])).toEqual([
      ['cut.pdf could not be read (it is damaged or not a PDF).', 'cut.pdf ließ sich nicht lesen (die Datei ist beschädigt oder kein PDF).'],
      [
        'page.mhtml could not be read: it is not a single-file web page (no multipart Content-Type with a boundary in its headers).',
        'page.mhtml ließ sich nicht lesen: Die Datei ist keine Webseite in einer Datei (ihr Kopf nennt keinen multipart-Content-Type mit Boundary).',
      ],
      ["a.url is a link without a web address (no 'URL=https://…' line).", 'a.url ist ein Link ohne Webadresse (keine Zeile „URL=https://…“).'],
    ]);
  });
});

describe('links, pasted text and encodings', () => {
  it('offers a dropped link dated today as date unknown, and imports it with the date the user set', async () => {
    const link = file('Alibaba soars after earnings.url', '[InternetShortcut]\r\nURL=https://www.example.com/markets/alibaba-soars\r\n');
    const preview = await call('news.previewImport', { ...link, origin: 'link' });
    expect(preview.format).toBe('link');
    expect(preview.items[0]).toMatchObject({ headline: 'Alibaba soars after earnings', url: 'https://www.example.com/markets/alibaba-soars', date: TODAY, dateUnknown: true, source: 'example.com' });
    expect((await failure('news.import', { ...link, origin: 'link' })).code).toBe('VALIDATION');
    const done = await call('news.import', { ...link, origin: 'link', dates: [{ itemIndex: 0, date: '2026-01-09', time: '17:59', timeZone: 'Asia/Hong_Kong' }] });
    expect(await call('news.get', { id: done.eventIds[0] ?? 0 })).toMatchObject({ date: '2026-01-09', time: '17:59', timeZone: 'Asia/Hong_Kong' });
  });

  it('reads pasted article text: headline first line, publisher from the dateline, undated until set', async () => {
    watch();
    const text = 'Alibaba jumps on AI chip hopes\nHONG KONG (Reuters) - Alibaba rose 4.8% in Hong Kong trading.\n';
    const preview = await call('news.previewImport', { ...file('Pasted article.txt', text), origin: 'paste' });
    expect(preview.items[0]).toMatchObject({ headline: 'Alibaba jumps on AI chip hopes', source: 'Reuters', dateUnknown: true, date: TODAY });
    expect(linkedSymbols(preview.items[0] ?? { links: [] })).toEqual(['9988.HK', 'BABA']);
  });

  it('reads pasted HTML as a page', async () => {
    const html = "<meta charset='utf-8'><h1>Microsoft beats estimates</h1><p>Published January 9, 2026.</p><p>Microsoft reported revenue above estimates, and its shares rose 3% after hours in New York.</p>";
    const preview = await call('news.previewImport', { ...file('Pasted article.html', html), origin: 'paste' });
    expect(preview.format).toBe('page');
    expect(preview.items[0]).toMatchObject({ headline: 'Microsoft beats estimates', date: '2026-01-09', dateUnknown: false, source: 'Saved article' });
  });

  it('decodes UTF-16 and Windows-1252 news files as the price import does', async () => {
    const article = '---\ntitle: Börsenbericht: Alibaba legt zu\ndate: 2026-01-09\n---\nDie Aktie stieg um 3 %.\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]);
    expect((await call('news.previewImport', file('bericht.txt', utf16))).items[0]?.headline).toBe('Börsenbericht: Alibaba legt zu');
    const cp1252 = Buffer.from(article, 'latin1'); // 'ö' is 0xF6 in Windows-1252, invalid as UTF-8
    expect((await call('news.previewImport', file('bericht.txt', cp1252))).items[0]?.headline).toBe('Börsenbericht: Alibaba legt zu');
  });
});

describe('stored link reasons', () => {
  it('drops a bare note stored where reasons belong (older sample data), so no "Why: “undefined”" is shown', async () => {
    const ids = { AAPL: ensureSecurityFromCatalogue(backend.db, 'AAPL')?.id ?? 0 };
    const created = await call('news.create', { date: '2026-01-09', headline: 'A story about nothing in particular' });
    backend.db.prepare("INSERT INTO event_links (event_id, security_id, origin, state, reasons) VALUES (?, ?, 'user', 'linked', '[\"sample data\"]')").run(created.id, ids.AAPL);
    const detail = await call('news.get', { id: created.id });
    expect(detail.links.map((l) => [l.symbol, l.reasons])).toEqual([['AAPL', []]]);
  });
});
