import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from './article-text';
import { parseNewsCsv, detectNewsCsvMapping } from './news-csv';
import { parseFeed } from './feed';
import { linkSecurities, type LinkCandidate } from './link';
import { ALIBABA_HK, ALIBABA_US, DISTRACTORS, JD_HK, JD_US, KUAISHOU, NVIDIA } from './test-candidates';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIX = `${FIXTURES_DIR}/news/`;
const article = parseArticleText(readFileSync(`${FIX}de-2026-01-11-alibaba-im-aufwind.txt`, 'utf8'), 'de-2026-01-11-alibaba-im-aufwind.txt').items[0];
if (!article) throw new Error('fixture article did not parse');

const ids = (links: { securityId: number }[]): number[] => links.map((l) => l.securityId).sort((a, b) => a - b);

describe('linkSecurities on the example article', () => {
  it('links exactly Alibaba (both listings), Kuaishou and JD.com (both listings) without an Nvidia candidate', () => {
    const links = linkSecurities(article, [ALIBABA_HK, ALIBABA_US, KUAISHOU, JD_US, JD_HK, ...DISTRACTORS]);
    expect(ids(links)).toEqual([1, 2, 3, 4, 5]);
  });

  it('adds Nvidia when it is a candidate, through both "Nvidias" (genitive) and "Nvidia"', () => {
    const links = linkSecurities(article, [ALIBABA_HK, ALIBABA_US, KUAISHOU, JD_US, JD_HK, NVIDIA, ...DISTRACTORS]);
    expect(ids(links)).toEqual([1, 2, 3, 4, 5, 6]);
    const nvidia = links.find((l) => l.securityId === 6);
    expect(nvidia?.reasons.map((r) => r.text)).toEqual(['Nvidias', 'Nvidia']);
  });

  it('gives BABA the reasons found through the issuer name, headline first', () => {
    const links = linkSecurities(article, [ALIBABA_HK, ALIBABA_US]);
    const baba = links.find((l) => l.securityId === 2);
    // 'Alibaba' occurs once in the headline and 5 times in the body: "Alibaba Group" (counted once, the longer name) + 4.
    expect(baba?.reasons[0]).toEqual({ field: 'headline', text: 'Alibaba', index: 0, via: 'name', term: 'Alibaba' });
    expect(baba?.reasons.filter((r) => r.field === 'body')).toHaveLength(5);
    expect(baba?.reasons[1]).toMatchObject({ field: 'body', text: 'Alibaba Group', index: 15 });
    expect(links[0]?.reasons).toEqual(baba?.reasons);
  });

  it('reports Kuaishou Technology once, as the longer name', () => {
    const kuaishou = linkSecurities(article, [KUAISHOU]);
    expect(kuaishou[0]?.reasons.map((r) => r.text)).toEqual(['Kuaishou Technology']);
  });
});

describe('linkSecurities matching rules', () => {
  const link = (headline: string, candidates: LinkCandidate[], body = ''): number[] => ids(linkSecurities({ headline, body }, candidates));

  it('folds case, accents and full width', () => {
    expect(link('ＪＤ．ＣＯＭ results', [JD_US])).toEqual([4]);
    expect(link('alibaba shares', [ALIBABA_HK])).toEqual([1]);
    expect(link('Union Bancaire Privee', [{ securityId: 30, symbol: 'UBP', issuerId: null, names: ['Union Bancaire Privée'] }])).toEqual([30]);
  });

  it('respects Latin word boundaries but not CJK ones', () => {
    expect(link('Jdx and Jdcom', [JD_US])).toEqual([]);
    expect(link('阿里巴巴股价上涨', [ALIBABA_HK])).toEqual([1]);
    expect(link('Nvidiax', [NVIDIA])).toEqual([]);
  });

  it('matches bare tickers only as upper-case words, and common-word tickers only with $ or an exchange prefix', () => {
    expect(link('BABA jumps', [ALIBABA_US])).toEqual([2]);
    expect(link('baba jumps', [ALIBABA_US])).toEqual([]);
    expect(link('Why AMD stock fell', DISTRACTORS)).toEqual([18]);
    expect(link('ON track: IT spending and AI ALL over', DISTRACTORS)).toEqual([]);
    expect(link('Buy $ON and NASDAQ: AI now', DISTRACTORS)).toEqual([11, 12]);
    expect(link('US-Sanktionen', [{ securityId: 31, symbol: 'USS', issuerId: null, names: [] }])).toEqual([]);
  });

  it('does not trust bare tickers in shouted headlines', () => {
    expect(link('MARKETS RALLY AS BABA SOARS', [ALIBABA_US])).toEqual([]);
    expect(link('MARKETS RALLY AS $BABA SOARS', [ALIBABA_US])).toEqual([2]);
  });

  it('links every listing of the issuer on a name, but only the listing on a ticker', () => {
    expect(link('Alibaba results', [ALIBABA_HK, ALIBABA_US])).toEqual([1, 2]);
    expect(link('BABA results', [ALIBABA_HK, ALIBABA_US])).toEqual([2]);
    expect(link('9988.hk results', [ALIBABA_HK, ALIBABA_US])).toEqual([1]);
  });
});

describe('linkSecurities on the fixture lists', () => {
  it('links every NVDA headline to NVDA through the file-name ticker', () => {
    const file = 'headlines_NVDA_date-headline.csv';
    const text = readFileSync(`${FIX}${file}`, 'utf8');
    const { items } = parseNewsCsv(text, detectNewsCsvMapping(text, file));
    expect(items).toHaveLength(99);
    const linked = items.filter((i) => linkSecurities(i, [NVIDIA]).some((l) => l.securityId === 6 && l.reasons.some((r) => r.field === 'tickers')));
    expect(linked).toHaveLength(99);
  });

  it('finds the 6 RTHK items that mention Alibaba in title or story text', () => {
    // Counted independently with a regex over each <item>: title + description before <hr>,
    // without <img> tags: items 15, 19, 20, 31, 40, 51 (0-based).
    const { items } = parseFeed(readFileSync(`${FIX}rss2_rthk-finance-en_2025-02.xml`, 'utf8'));
    const all = [ALIBABA_HK, ALIBABA_US, NVIDIA, KUAISHOU, JD_US, JD_HK, ...DISTRACTORS];
    const alibaba = items.filter((i) => linkSecurities(i, all).some((l) => l.securityId === 1));
    expect(alibaba.map((i) => i.itemIndex)).toEqual([15, 19, 20, 31, 40, 51]);
    expect(alibaba[0]?.headline).toBe('Alibaba announces investment in AI, cloud computing');
    // Same counting for 'nvidia': 4 items.
    expect(items.filter((i) => linkSecurities(i, all).some((l) => l.securityId === 6))).toHaveLength(4);
  });
});
