import { describe, expect, it } from 'vitest';
import { newsDedupeKey, normalizeHeadline, normalizeNewsUrl } from './dedupe';

describe('newsDedupeKey', () => {
  it('strips tracking parameters, fragment, trailing slash and host case from URLs', () => {
    const a = newsDedupeKey({ url: 'https://News.RTHK.hk/rthk/en/component/k2/1793437-20250227.htm/?utm_source=x&utm_medium=rss#top', date: '2025-02-27', headline: 'A' });
    const b = newsDedupeKey({ url: 'http://news.rthk.hk/rthk/en/component/k2/1793437-20250227.htm', date: '2025-02-28', headline: 'B' });
    expect(a).toBe('url:news.rthk.hk/rthk/en/component/k2/1793437-20250227.htm');
    expect(b).toBe(a);
  });

  it('keeps meaningful query parameters, in a stable order', () => {
    expect(normalizeNewsUrl('https://x.com/a?id=7&utm_campaign=z&page=2')).toBe('x.com/a?id=7&page=2');
    expect(normalizeNewsUrl('https://x.com/a?page=2&id=7')).toBe('x.com/a?id=7&page=2');
    expect(normalizeNewsUrl('https://x.com/a?id=8')).not.toBe(normalizeNewsUrl('https://x.com/a?id=7'));
  });

  it('falls back to day + folded headline, ignoring width, accents, case and punctuation', () => {
    const a = newsDedupeKey({ url: null, date: '2026-01-11', headline: 'Alibaba im Aufwind!' });
    const b = newsDedupeKey({ url: 'not a url', date: '2026-01-11', headline: '  ＡＬＩＢＡＢＡ   im  Aufwind ' });
    expect(a).toBe('headline:2026-01-11:alibaba im aufwind');
    expect(b).toBe(a);
    expect(newsDedupeKey({ url: null, date: '2026-01-12', headline: 'Alibaba im Aufwind' })).not.toBe(a);
    expect(normalizeHeadline('Privée – Größe')).toBe('privee grosse');
  });
});
