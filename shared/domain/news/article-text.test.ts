import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './article-text';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURE = `${FIXTURES_DIR}/news/de-2026-01-11-alibaba-im-aufwind.txt`;
const NAME = 'de-2026-01-11-alibaba-im-aufwind.txt';

describe('parseArticleText on the German advertorial', () => {
  const { items, errors } = parseArticleText(readFileSync(FIXTURE, 'utf8'), NAME);
  const item = items[0];

  it('reads header, headline, label and language', () => {
    expect(errors).toEqual([]);
    expect(items).toHaveLength(1);
    expect(item?.date).toBe('2026-01-11');
    expect(item?.time).toBeNull();
    expect(item?.label).toBe('Anzeige');
    expect(item?.tags).toEqual(['sponsored']);
    expect(item?.headline).toBe('Alibaba im Aufwind');
    expect(item?.language).toBe('de');
    // ' date …' is line 1, the headline line 2.
    expect(item?.line).toBe(2);
  });

  it('keeps paragraphs and subheadings but drops the author line and comment footer', () => {
    const body = item?.body ?? '';
    expect(body.startsWith('Die Aktien der Alibaba Group haben deutlich zugelegt')).toBe(true);
    expect(body).toContain('\nBranchenweiter Optimismus\n');
    expect(body).toContain('Großbestellung in Aussicht');
    expect(body.endsWith('aggressiv auszubauen.')).toBe(true);
    expect(body).not.toContain('Redaktion');
    expect(body).not.toContain('Kommentare');
    expect(body).not.toContain('Alibaba im Aufwind');
  });

  it('summarises with the lead sentences', () => {
    // Sentences of paragraph 1 are 154, 98 and 136 characters: 154 + 1 + 98 = 253 fits in 280,
    // adding the third (253 + 1 + 136 = 390) does not.
    expect(item?.summary).toBe(
      'Die Aktien der Alibaba Group haben deutlich zugelegt, beflügelt von Berichten, wonach der Tech-Gigant bald Zugriff auf Nvidias H200-Chips erhalten könnte. ' +
        'In Hongkong kletterte das Papier in der Spitze um 4,8 % – der stärkste Anstieg seit Ende November.',
    );
  });
});

describe('parseArticleText on other layouts', () => {
  it('reads Markdown front matter and a # headline', () => {
    const md = ['---', 'title: "Chips: Kuaishou legt zu"', 'date: 2026-01-12T09:30:00+08:00', 'source: Example', 'url: https://example.com/a', '---', '', 'Kuaishou stieg um 3 %.'].join('\n');
    const item = parseArticleText(md, 'note.md').items[0];
    expect(item).toMatchObject({ headline: 'Chips: Kuaishou legt zu', date: '2026-01-12', time: '09:30', timeZone: '+08:00', source: 'Example', url: 'https://example.com/a', body: 'Kuaishou stieg um 3 %.', line: 8 });
  });

  it('finds German and English datelines, then falls back to the file name', () => {
    expect(parseArticleText('# Titel\nHongkong, 11. Januar 2026 – Die Aktie stieg.', 'x.md').items[0]?.date).toBe('2026-01-11');
    expect(parseArticleText('Title\nHONG KONG, January 9, 2026 - Shares rose.', 'x.txt').items[0]?.date).toBe('2026-01-09');
    expect(parseArticleText('Title\nShares rose.', 'news-20250227.txt').items[0]?.date).toBe('2025-02-27');
  });

  it('reports a missing date with its line and an empty file', () => {
    expect(parseArticleText('\nTitle\nShares rose.', 'x.txt')).toMatchObject({ items: [], errors: [{ line: 2, itemIndex: 0, field: 'date', message: expect.stringContaining('No publication date') }] });
    expect(parseArticleText('  \n\n', 'x.txt').errors[0]?.message).toBe('x.txt is empty.');
  });
});
