import { describe, expect, it } from 'vitest';
import { publisherInText } from './article-text';
import { linkSecurities } from './link';
import { decodeBase64, decodeQuotedPrintable, looksLikeMhtml, readMhtml } from './mhtml';
import { articleFromJsonLd, hostOf, pageMeta, type PageSignals } from './page-meta';
import { ALIBABA_HK, ALIBABA_US, DISTRACTORS } from './test-candidates';
import { shown } from '../../../test-support/shown';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string): string => {
  // UTF-8 bytes read back as text, to compare decoded byte arrays with readable strings.
  return new TextDecoder().decode(ascii(s));
};

describe('bare Hong Kong stock codes', () => {
  const linked = (body: string): number[] =>
    linkSecurities({ headline: 'Markets', body }, [ALIBABA_HK, ALIBABA_US, ...DISTRACTORS])
      .map((l) => l.securityId)
      .sort((a, b) => a - b);

  it.each([
    ['9988 rose today.'],
    ['Shares of 09988 rose.'],
    ['HKEX: 9988 rose.'],
    ['(9988.HK) rose.'],
    ['港股 9988 上涨'],
  ])('links 9988.HK for %s', (body) => {
    expect(linked(body)).toContain(ALIBABA_HK.securityId);
  });

  it.each([['It has 9,988 staff.'], ['Order 19988 shipped.'], ['Up 9988% is absurd.'], ['HK$9988 was paid.'], ['Version 9988.5 is out.']])('does not link %s', (body) => {
    expect(linked(body)).not.toContain(ALIBABA_HK.securityId);
  });

  it('needs an exchange prefix for a code written with fewer than four digits', () => {
    const tencent = 10; // 0700.HK among the distractors
    expect(linked('Stock code 700 is famous.')).not.toContain(tencent);
    expect(linked('HKEX: 700 gained.')).toContain(tencent);
    expect(linked('Shares of 00700 gained.')).toContain(tencent);
  });
});

describe('MHTML', () => {
  it('decodes quoted-printable: hex bytes, soft line breaks, a lone "="', () => {
    // 'f=C3=BCr' is 'für' in UTF-8; '=\r\n' joins lines; 'a=b' keeps its '=' (not hex).
    expect(utf8(String.fromCharCode(...decodeQuotedPrintable('f=C3=BCr=\r\n Mac a=zb')))).toBe('für Mac a=zb');
  });

  it('decodes base64 across line breaks', () => {
    // 'SGVsbG8s' = 'Hello,', 'IFdvcmxk' = ' World'.
    expect(String.fromCharCode(...decodeBase64('SGVsbG8s\r\nIFdvcmxk'))).toBe('Hello, World');
  });

  it('finds the first HTML part and its charset and location, skipping other parts', () => {
    const message = [
      'MIME-Version: 1.0',
      'Snapshot-Content-Location: https://example.com/a',
      'Subject: A',
      'Content-Type: multipart/related; boundary="XYZ"; type="text/html"',
      '',
      '--XYZ',
      'Content-Type: text/css',
      '',
      'p{}',
      '--XYZ',
      'Content-Type: text/html; charset="GBK"',
      'Content-Transfer-Encoding: base64',
      '',
      'PHA+aGk8L3A+', // '<p>hi</p>'
      '--XYZ--',
    ].join('\r\n');
    expect(looksLikeMhtml(ascii(message))).toBe(true);
    const read = readMhtml(ascii(message));
    if (!read.ok) throw new Error(read.why.message);
    expect(String.fromCharCode(...read.page.html)).toBe('<p>hi</p>');
    expect(read.page).toMatchObject({ charset: 'gbk', location: 'https://example.com/a', subject: 'A' });
  });

  it('says why a file is not a single-file page', () => {
    const refused = readMhtml(ascii('Hello\r\n\r\nworld'));
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.why.message).toBe('it is not a single-file web page (no multipart Content-Type with a boundary in its headers)');
    expect(shown('de', refused.why)).toBe('Die Datei ist keine Webseite in einer Datei (ihr Kopf nennt keinen multipart-Content-Type mit Boundary)');
    expect(looksLikeMhtml(ascii('<html></html>'))).toBe(false);
  });
});

describe('page metadata', () => {
  const signals = (over: Partial<PageSignals>): PageSignals => ({
    reader: { title: null, byline: null, siteName: null, publishedTime: null, lang: null, excerpt: null },
    metas: {},
    jsonLd: [],
    times: [],
    canonical: null,
    documentTitle: '',
    firstHeading: '',
    ...over,
  });

  it('prefers the NewsArticle in a JSON-LD @graph, with its zone', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        { '@type': 'NewsArticle', headline: 'Alibaba soars', datePublished: '2025-02-21T17:59:00+08:00', publisher: { '@type': 'Organization', name: 'SCMP' }, author: [{ name: 'A' }, { name: 'B' }] },
      ],
    });
    const meta = pageMeta(signals({ jsonLd: ['{broken', ld], metas: { 'article:published_time': '2025-02-22T01:00:00Z' }, documentTitle: 'Alibaba soars | SCMP' }));
    expect(meta).toMatchObject({
      published: { date: '2025-02-21', time: '17:59', timeZone: '+08:00' },
      publishedText: '2025-02-21T17:59:00+08:00',
      siteName: 'SCMP',
      author: 'A, B',
    });
    expect(articleFromJsonLd([ld])?.headline).toBe('Alibaba soars');
  });

  it('falls back to meta tags, then <time>, then nothing', () => {
    expect(pageMeta(signals({ metas: { pubdate: '2024-05-02' } })).published).toEqual({ date: '2024-05-02', time: null, timeZone: null });
    expect(pageMeta(signals({ times: ['garbage', '2024-05-03T10:00:00-04:00'] })).published).toEqual({ date: '2024-05-03', time: '10:00', timeZone: '-04:00' });
    expect(pageMeta(signals({})).published).toBeNull();
  });

  it('takes the address from canonical, then og:url, never a relative one', () => {
    expect(pageMeta(signals({ canonical: '/relative', metas: { 'og:url': 'https://www.example.com/x' } })).url).toBe('https://www.example.com/x');
    expect(hostOf('https://www.theguardian.com/world/x')).toBe('theguardian.com');
  });
});

describe('the publisher a pasted text names', () => {
  it('reads a Source line, an agency dateline or a copyright line', () => {
    expect(publisherInText(['Headline', 'Quelle: Handelsblatt'])).toBe('Handelsblatt');
    expect(publisherInText(['HONG KONG (Reuters) - Alibaba rose.'])).toBe('Reuters');
    expect(publisherInText(['Body', '© 2026 Caixin Global. All rights reserved.'])).toBe('Caixin Global');
    expect(publisherInText(['Bn-Redaktion/js', 'Kommentare (0)'])).toBeNull();
  });
});
