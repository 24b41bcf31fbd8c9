import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './article-text';
import { extractClaims, type PriceClaim } from './claims';
import { parseFeed } from './feed';
import { linkSecurities, type LinkCandidate } from './link';
import { ALIBABA_HK, ALIBABA_US, DISTRACTORS, JD_HK, JD_US, KUAISHOU, NVIDIA } from './test-candidates';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIX = `${FIXTURES_DIR}/news/`;
const article = parseArticleText(readFileSync(`${FIX}de-2026-01-11-alibaba-im-aufwind.txt`, 'utf8'), 'article.txt').items[0];
if (!article) throw new Error('fixture article did not parse');

const brief = (c: PriceClaim): string => `${c.securityId} ${c.direction} ${c.qualifier} ${c.percent} ${c.horizon}`;

describe('extractClaims on the example article', () => {
  const candidates = [ALIBABA_HK, ALIBABA_US, KUAISHOU, JD_US, JD_HK, NVIDIA, ...DISTRACTORS];
  const claims = extractClaims(article.body, linkSecurities(article, candidates));

  it('finds exactly the four stated moves, for every listing of each issuer', () => {
    expect(claims.map(brief)).toEqual([
      // "In Hongkong kletterte das Papier in der Spitze um 4,8 %" — no name; subject of the previous sentence (Alibaba).
      '1 up up-to 4.8 day',
      '2 up up-to 4.8 day',
      // "Neben Alibaba … wie Kuaishou Technology und JD.com Kursgewinne von jeweils mehr als 4 %" — not Alibaba ("Neben").
      '3 up more-than 4 day',
      '4 up more-than 4 day',
      '5 up more-than 4 day',
      // "Die Aktie hatte seit ihrem Hoch Anfang Oktober mehr als 20 % verloren" — Alibaba from "Alibaba gilt als …".
      '1 down more-than 20 longer',
      '2 down more-than 20 longer',
    ]);
  });

  it('quotes the clause and points at the number', () => {
    const first = claims[0];
    expect(first?.text).toBe('In Hongkong kletterte das Papier in der Spitze um 4,8 %');
    expect(article.body.slice(first?.index ?? 0, (first?.index ?? 0) + 3)).toBe('4,8');
    expect(article.body.slice(claims[6]?.index ?? 0).startsWith('20 % verloren')).toBe(true);
  });

  it('claims nothing for Nvidia, which is named but never given a percentage', () => {
    expect(claims.some((c) => c.securityId === NVIDIA.securityId)).toBe(false);
  });
});

describe('extractClaims phrasing', () => {
  const X: LinkCandidate = { securityId: 7, symbol: 'XYZ', issuerId: 'xyz', names: ['Xylo Corp', 'Xylo'] };
  const one = (sentence: string): string[] => extractClaims(sentence, linkSecurities({ headline: '', body: sentence }, [X])).map(brief);

  it.each([
    ['Xylo fell 3%.', '7 down exact 3 day'],
    ['Xylo rose as much as 5.2% in early trade.', '7 up up-to 5.2 day'],
    ['Xylo gained more than 4 percent.', '7 up more-than 4 day'],
    ['Die Xylo-Aktie verlor 2,5 %.', '7 down exact 2.5 day'],
    ['Xylo dropped 1.5 per cent.', '7 down exact 1.5 day'],
    ['Xylo slid 0.8%.', '7 down exact 0.8 day'],
    ['Xylo schloss mit einem Minus von 3 %.', '7 down exact 3 day'],
    ['Aktien von Xylo stiegen um bis zu 4,8 Prozent.', '7 up up-to 4.8 day'],
    ['Papiere von Xylo legten um mehr als 4 Prozent zu.', '7 up more-than 4 day'],
    ['Xylo climbed about 2 percent.', '7 up about 2 day'],
    ['Xylo has gained 35% this year.', '7 up exact 35 longer'],
    ['Xylo stieg um 1,2 % (+0,4 % seit Jahresbeginn).', '7 up exact 1.2 day'],
  ])('%s', (sentence, expected) => {
    expect(one(sentence)[0]).toBe(expected);
  });

  it('ignores percentages that are not moves and sentences about nobody linked', () => {
    expect(one('Xylo expects 25 percent tariffs on imports.')).toEqual([]);
    expect(one('Xylo owns 10 % of the venture.')).toEqual([]);
    expect(one('Xylo reported results. \nOther stocks fell 3 %.')).toEqual([]);
  });

  it('reads "fell 4.2 points, or 0.02 percent" as a fall', () => {
    expect(one('Xylo fell 4.2 points, or 0.02 percent, to open at 23,783.')).toEqual(['7 down exact 0.02 day']);
  });
});

describe('extractClaims on the RTHK feed', () => {
  it('finds "Shares in Alibaba soared more than 14 percent on Friday"', () => {
    const { items } = parseFeed(readFileSync(`${FIX}rss2_rthk-finance-en_2025-02.xml`, 'utf8'));
    const item = items[19];
    expect(item?.headline).toBe('Hong Kong stocks surge to three-year high');
    const claims = extractClaims(item?.body ?? '', linkSecurities(item ?? { headline: '', body: '' }, [ALIBABA_HK]));
    expect(claims.map(brief)).toContain('1 up more-than 14 day');
  });

  it('keeps each move with its own company in lists of movers', () => {
    const { items } = parseFeed(readFileSync(`${FIX}rss2_rthk-finance-en_2025-02.xml`, 'utf8'));
    const claimsOf = (index: number, c: LinkCandidate[]): string[] => {
      const item = items[index] ?? { headline: '', body: '' };
      return extractClaims(item.body, linkSecurities(item, c)).map(brief);
    };
    // "Nvidia fell 2.8 percent, while Tesla tumbled 8.4 percent." — the 8.4 is Tesla's.
    expect(claimsOf(7, [NVIDIA])).toEqual(['6 down exact 2.8 day']);
    // "Tesla jumped 5.9 percent, Nvidia climbed 3.2 percent and Apple rose 2 percent, …"
    expect(claimsOf(45, [NVIDIA])).toEqual(['6 up exact 3.2 day']);
    // "Apple gained 2.2 percent following a report that it partnered with Alibaba …" then "Alibaba rose 1.3 percent."
    expect(claimsOf(51, [ALIBABA_HK])).toEqual(['1 up exact 1.3 day']);
  });
});
