import { describe, expect, it } from 'vitest';
import { extractClaims } from './claims';
import { parseFeed } from './feed';
import { htmlToText } from './html-text';
import { MAX_SENTENCE, splitSentences } from './sentences';

/**
 * Inputs that made readers quadratic or overflow the stack. These tests assert
 * what is read; they finish within the test timeout only because every step is
 * linear (no timing is measured here: speed lives in bench/run.ts).
 */
describe('readers stay linear on hostile input', () => {
  // 29 characters with one '+14%' each (the sign gives the direction); 4,300 repeats = 124,700 characters in one paragraph written with commas only.
  const clause = '阿里巴巴股价今天上涨+14%，投资者对云计算业务充满信心，';
  const paragraph = clause.repeat(4300);

  it('cuts a 120 KB CJK paragraph without full stops into bounded sentences', () => {
    expect(paragraph.length).toBe(124_700);
    const sentences = splitSentences(paragraph);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE);
    // Nothing is lost: the pieces put back together are the paragraph.
    expect(sentences.map((s) => s.text).join('')).toBe(paragraph);
    // Every cut falls after a clause mark (the comma), so no clause is split.
    expect(sentences.every((s) => s.text.endsWith('，'))).toBe(true);
  });

  it('ends CJK sentences at a full-width stop', () => {
    expect(splitSentences('阿里巴巴大涨。腾讯下跌！真的吗？').map((s) => s.text)).toEqual(['阿里巴巴大涨。', '腾讯下跌！', '真的吗？']);
  });

  it('finds every claim in that paragraph', () => {
    const claims = extractClaims(paragraph, [
      { securityId: 1, issuerId: 'alibaba', reasons: [{ field: 'body', text: '阿里巴巴', index: 0, via: 'name', term: '阿里巴巴' }] },
    ]);
    expect(claims).toHaveLength(4300);
    expect(claims[0]).toMatchObject({ securityId: 1, direction: 'up', percent: 14 });
  });

  it('reads a 4 MB feed with 250,000 <!…> declarations', () => {
    const declaration = '<!ELEMENT item ANY>'; // 19 characters: 250,000 of them are 4.75 MB
    const feed = `<?xml version="1.0"?>${declaration.repeat(250_000)}<rss><channel><title>T</title><item><title>Alibaba up</title><pubDate>Fri, 09 Jan 2026 17:59:00 +0800</pubDate><description>Up.</description></item></channel></rss>`;
    const result = parseFeed(feed);
    expect(result.errors).toEqual([]);
    expect(result.items.map((i) => [i.headline, i.date, i.time, i.timeZone])).toEqual([['Alibaba up', '2026-01-09', '17:59', '+08:00']]);
  });

  it('reads 20,000 nested elements without overflowing the stack', () => {
    const depth = 20_000;
    const feed = `<rss><channel><title>T</title><item><title>${'<b>'.repeat(depth)}Alibaba${'</b>'.repeat(depth)}</title><pubDate>2026-01-09</pubDate></item></channel></rss>`;
    const result = parseFeed(feed);
    expect(result.items[0]?.headline).toBe('Alibaba');
  });

  it('drops unterminated comments and scripts in one pass', () => {
    const html = `<p>Kept</p>${'<!-- open '.repeat(50_000)}`;
    expect(htmlToText(html)).toBe('Kept');
    expect(htmlToText(`<p>A</p>${'<script>x'.repeat(50_000)}`)).toBe('A');
    expect(htmlToText('<p>A</p><!-- c --><p>B</p><script>var x = "<p>no</p>";</script><p>C</p>')).toBe('A\n\nB\n\nC');
  });
});
