import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed';
import { FIXTURES_DIR } from '../../../test-support/fixtures';
import { shown } from '../../../test-support/shown';

const RSS = `${FIXTURES_DIR}/news/rss2_rthk-finance-en_2025-02.xml`;

describe('parseFeed on the RTHK RSS 2.0 feed', () => {
  const { items, errors } = parseFeed(readFileSync(RSS, 'utf8'));

  it('reads all 60 items without errors', () => {
    expect(errors).toEqual([]);
    expect(items).toHaveLength(60);
  });

  it('reads the first item: trimmed values, RFC-822 date with its +0800 zone, guid link', () => {
    const first = items[0];
    expect(first).toMatchObject({
      headline: 'Local stocks drop at open',
      date: '2025-02-27',
      time: '09:53',
      timeZone: '+08:00',
      url: 'https://news.rthk.hk/rthk/en/component/k2/1793437-20250227.htm',
      source: 'rthk - Finance',
      line: 39,
      itemIndex: 0,
    });
  });

  it('turns the CDATA HTML into paragraphs without the image caption or the footer', () => {
    const body = items[0]?.body ?? '';
    expect(body.split('\n\n')).toEqual([
      'Hong Kong stocks on Thursday opened lower, after Wall Street stocks were mixed at the end of a choppy session on Wednesday as US President Donald Trump signaled plans for tariffs on the European Union.',
      "The American Chamber of Commerce in South China (AmCham South China) released on Wednesday its 2025 Special Report on the State of Business in South China, which highlighted that the world's second-largest economy continues to be an attractive investment destination.",
      'The Hang Seng Index fell 4.2 points, or 0.02 percent, to open at 23,783. (Agencies)',
    ]);
    expect(items.some((i) => /原始網址|電子郵件|© rthk/.test(i.body))).toBe(false);
  });

  it('detects English from the content although the channel declares zh-HK', () => {
    expect(new Set(items.map((i) => i.language))).toEqual(new Set(['en']));
  });

  it('reads the last item (9 Feb, a Sunday)', () => {
    expect(items[59]).toMatchObject({ headline: "China's CPI at five-month high", date: '2025-02-09', time: '12:01', itemIndex: 59 });
  });
});

describe('parseFeed on Atom and broken input', () => {
  it('reads an Atom 1.0 entry', () => {
    const atom = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Beispiel</title>
  <entry>
    <title type="html">JD.com &amp;amp; Co</title>
    <link rel="alternate" href="https://example.com/jd"/>
    <id>urn:x</id>
    <updated>2026-01-12T10:00:00Z</updated>
    <published>2026-01-12T09:30:00+01:00</published>
    <summary type="html">&lt;p&gt;Die Aktie von JD.com stieg um 3 %.&lt;/p&gt;</summary>
    <category term="china"/>
  </entry>
</feed>`;
    const { items, errors } = parseFeed(atom);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ headline: 'JD.com & Co', date: '2026-01-12', time: '09:30', timeZone: '+01:00', url: 'https://example.com/jd', body: 'Die Aktie von JD.com stieg um 3 %.', language: 'de', source: 'Beispiel', tags: ['china'], line: 4 });
  });

  it('names the line of an element that is never closed', () => {
    const xml = '<rss version="2.0">\n<channel>\n<item>\n<title>A</title>\n<pubDate>Thu, 27 Feb 2025 09:53:00 +0800</pubDate>\n</channel>\n</rss>';
    const { items, errors } = parseFeed(xml);
    expect(items).toEqual([]);
    expect(errors[0]?.line).toBe(6);
    expect(errors[0]?.message).toBe('The feed is not readable XML: The closing tag </channel> on line 6 does not match <item> opened on line 3.');
    // The German reader gets the sentence and the parser's detail in German; tag names stay as written.
    expect(shown('de', errors[0] ?? {})).toBe('Der Feed ist kein lesbares XML: Das schließende Tag </channel> in Zeile 6 passt nicht zu <item>, geöffnet in Zeile 3.');
  });

  it('words the other XML syntax errors in English and German', () => {
    const cases = [
      ['<rss>\n<!-- open', 'The comment starting on line 2 is never closed.', 'Nicht geschlossen: Kommentar ab Zeile 2.'],
      ['<!DOCTYPE rss [<!ENTITY a "b">]><rss/>', 'The file declares its own XML entities, which are not accepted for safety.', 'Die Datei deklariert eigene XML-Entitäten; diese werden aus Sicherheitsgründen nicht angenommen.'],
      ['<rss/>\n<rss/>', 'A second top-level element <rss> starts on line 2.', 'In Zeile 2 beginnt ein zweites oberstes Element <rss>.'],
      ['just text', 'There is text outside the top-level element.', 'Außerhalb des obersten Elements steht Text.'],
    ];
    for (const [xml = '', english, german] of cases) {
      const error = parseFeed(xml).errors[0] ?? { message: 'none', key: undefined };
      expect([error.message, shown('de', error)]).toEqual([`The feed is not readable XML: ${english}`, `Der Feed ist kein lesbares XML: ${german}`]);
    }
  });

  it('reports an item without a date, with its line, and keeps the others', () => {
    const xml = '<rss><channel>\n<item><title>No date</title></item>\n<item><title>Dated</title><pubDate>Fri, 21 Feb 2025 17:59:00 +0800</pubDate></item>\n</channel></rss>';
    const { items, errors } = parseFeed(xml);
    expect(items.map((i) => i.headline)).toEqual(['Dated']);
    expect(errors).toMatchObject([{ line: 2, itemIndex: 0, field: 'date', message: 'Feed item 1 (line 2) has no publication date.', key: 'errors:newsParse.feedNoDate', params: { item: 1, line: 2 } }]);
  });

  it('refuses entity declarations and non-feed roots', () => {
    expect(parseFeed('<!DOCTYPE x [<!ENTITY a "aaaa">]><rss/>').errors[0]?.message).toContain('entities');
    expect(parseFeed('<html><body/></html>').errors[0]?.message).toContain('neither an RSS nor an Atom feed');
  });
});

describe('parseFeed authors', () => {
  it('reads dc:creator, the name in an RSS author address, and Atom author names; none when the item names nobody', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
      <item><title>One</title><pubDate>Mon, 03 Feb 2025 09:00:00 +0800</pubDate><dc:creator>Jane Doe</dc:creator></item>
      <item><title>Two</title><pubDate>Mon, 03 Feb 2025 10:00:00 +0800</pubDate><author>desk@example.com (Max Muster)</author></item>
      <item><title>Three</title><pubDate>Mon, 03 Feb 2025 11:00:00 +0800</pubDate></item>
    </channel></rss>`;
    expect(parseFeed(rss).items.map((i) => i.author)).toEqual(['Jane Doe', 'Max Muster', null]);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title>Four</title><published>2025-02-03T09:00:00+08:00</published><author><name>Li Wei</name></author><author><name>Ann Lee</name></author></entry>
    </feed>`;
    expect(parseFeed(atom).items.map((i) => i.author)).toEqual(['Li Wei, Ann Lee']);
  });
});
