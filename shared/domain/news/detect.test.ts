import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectNewsFile, newsImportFailure } from './detect';
import { parseArticleText } from './article-text';
import { parseFeed } from './feed';
import { parseNewsJson } from './news-json';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIX = `${FIXTURES_DIR}/news/`;

describe('detectNewsFile', () => {
  it('picks the right parser for each fixture, from bytes', () => {
    const cases: [string, string, number][] = [
      ['rss2_rthk-finance-en_2025-02.xml', 'feed', 60],
      ['headlines_NVDA_date-headline.csv', 'csv', 99],
      ['de-2026-01-11-alibaba-im-aufwind.txt', 'article', 1],
    ];
    for (const [name, format, count] of cases) {
      const r = detectNewsFile(new Uint8Array(readFileSync(`${FIX}${name}`)), name);
      expect([r.format, r.items.length, r.errors.length]).toEqual([format, count, 0]);
    }
  });

  it('decodes UTF-8 bytes faithfully (umlauts, CJK)', () => {
    const r = detectNewsFile(new Uint8Array(readFileSync(`${FIX}de-2026-01-11-alibaba-im-aufwind.txt`)), 'a.txt');
    expect(r.items[0]?.body).toContain('Großbestellung in Aussicht');
  });

  it('sends JSON by content even with a .txt name', () => {
    expect(detectNewsFile('[{"title":"A","date":"2026-01-11"}]', 'dump.txt').format).toBe('json');
  });

  it('fails clearly on an empty file, garbage bytes and an unclosed XML tag', () => {
    expect(detectNewsFile('', 'empty.csv').errors[0]?.message).toBe('empty.csv is empty.');
    const garbage = new Uint8Array(512).map((_, i) => (i * 197 + 13) % 256);
    const g = detectNewsFile(garbage, 'noise.bin');
    expect(g.items).toEqual([]);
    expect(g.errors[0]?.message).toContain('not a text file');
    const x = detectNewsFile('<rss>\n<channel>\n<item>\n<title>A</title>\n', 'feed.xml');
    expect(x.errors[0]).toMatchObject({ line: 3, message: expect.stringContaining('<item> opened on line 3 is never closed') });
  });

  it('turns a file that yielded nothing into an AppError naming the file and line', () => {
    const r = detectNewsFile('<rss>\n<channel>\n<item>\n', 'feed.xml');
    const err = newsImportFailure(r, 'feed.xml');
    expect(err?.code).toBe('IMPORT_REJECTED');
    expect(err?.details).toMatchObject({ file: 'feed.xml', line: 3 });
    expect(newsImportFailure({ items: [], errors: [] }, 'x.csv')?.message).toBe('x.csv contains no news items.');
  });

  it('never throws on garbage text, whichever parser gets it', () => {
    // A fixed linear congruential sequence over characters that matter to the parsers.
    const alphabet = '<>/"\'=&;#[]!?-:,\n {}0123456789abcDATE%é阿';
    let seed = 7;
    for (let n = 0; n < 200; n += 1) {
      let s = '';
      for (let i = 0; i < 60; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += alphabet[seed % alphabet.length];
      }
      for (const r of [detectNewsFile(s, 'x.csv'), parseFeed(s), parseNewsJson(s), parseArticleText(s, 'x.txt'), detectNewsFile(`<rss>${s}`, 'x')]) {
        expect(Array.isArray(r.items) && Array.isArray(r.errors)).toBe(true);
        expect(r.items.length + r.errors.length).toBeGreaterThan(0);
      }
    }
  });
});
