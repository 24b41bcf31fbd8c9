import { describe, expect, it } from 'vitest';
import { parseNewsJson } from './news-json';

describe('parseNewsJson', () => {
  it('reads common API keys, nested source and HTML descriptions', () => {
    const json = JSON.stringify({
      articles: [
        { publishedAt: '2026-01-12T01:30:00Z', title: 'JD.com rises', description: '<p>JD.com rose 3%.</p>', source: { name: 'Wire' }, url: 'https://w.com/1', symbols: ['JD', '9618.HK'] },
        { published: 1768181400, headline: 'Second', summary: 'Text' },
      ],
    });
    const { items, errors } = parseNewsJson(json);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ date: '2026-01-12', time: '01:30', timeZone: '+00:00', headline: 'JD.com rises', summary: 'JD.com rose 3%.', source: 'Wire', url: 'https://w.com/1', tickers: ['JD', '9618.HK'], itemIndex: 0 });
    // 2026-01-12 is epoch day 56×365 + 14 leap days + 11 = 20465; 20465 × 86400 = 1768176000;
    // 1768181400 − 1768176000 = 5400 s = 01:30 UTC.
    expect(items[1]).toMatchObject({ date: '2026-01-12', time: '01:30', headline: 'Second' });
  });

  it('reports items without a date and invalid JSON', () => {
    const { items, errors } = parseNewsJson('[{"title":"No date"},{"title":"Ok","date":"2026-01-11"}]');
    expect(items.map((i) => i.headline)).toEqual(['Ok']);
    expect(errors).toMatchObject([{ line: null, itemIndex: 0, field: 'date', message: 'Item 1 has no readable date.' }]);
    expect(parseNewsJson('[{"title": }]').errors[0]?.message).toMatch(/^The file is not valid JSON/);
    expect(parseNewsJson('42').errors[0]?.message).toBe('The JSON holds no list of news items.');
  });
});
