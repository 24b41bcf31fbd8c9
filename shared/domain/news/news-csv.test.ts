import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { detectNewsCsvMapping, parseNewsCsv } from './news-csv';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FILE = 'headlines_NVDA_date-headline.csv';
const TEXT = readFileSync(`${FIXTURES_DIR}/news/${FILE}`, 'utf8');

describe('parseNewsCsv on the NVDA headline list', () => {
  const mapping = detectNewsCsvMapping(TEXT, FILE);
  const { items, errors } = parseNewsCsv(TEXT, mapping);

  it('maps date and headline and takes NVDA from the file name', () => {
    expect(mapping).toMatchObject({ delimiter: ',', date: 0, headline: 1, time: null, url: null, tickers: null, impliedTickers: ['NVDA'] });
  });

  it('reads all 99 rows, each tagged NVDA', () => {
    // 100 lines = header + 99 rows; no headline spans lines.
    expect(errors).toEqual([]);
    expect(items).toHaveLength(99);
    expect(items.every((i) => i.tickers.length === 1 && i.tickers[0] === 'NVDA')).toBe(true);
  });

  it('keeps quoted headlines with commas whole', () => {
    expect(items[0]?.headline.startsWith('GraniteShares Announces Weekly Distributions for its YieldBOOST ETFs: COYY, TSYY,')).toBe(true);
    expect(items[0]?.headline.endsWith('TMYY and CWY')).toBe(true);
    expect(items[9]).toMatchObject({ line: 11, date: '2026-04-15', headline: '$2,600 for Sandisk Stock? Why the Bull Case at Evercore Forecasts a Whopping 191% Upside Potential.' });
    expect(items[98]?.date).toBe('2026-04-03');
  });

  it('tells the Japanese headline from the English ones', () => {
    // Line 90 is the only headline in Japanese script.
    expect(items.filter((i) => i.language === 'ja').map((i) => i.line)).toEqual([90]);
    expect(items.filter((i) => i.language === 'en')).toHaveLength(98);
  });
});

describe('parseNewsCsv on other layouts and bad rows', () => {
  it('reads semicolons, a tickers column, time and url', () => {
    const csv = 'Datum;Zeit;Titel;Quelle;Link;Symbole\n12.01.2026;09:30;Alibaba steigt;Bn;https://x.de/a;BABA, 9988.HK\n';
    const m = detectNewsCsvMapping(csv, 'export.csv');
    const { items } = parseNewsCsv(csv, m);
    expect(items[0]).toMatchObject({ date: '2026-01-12', time: '09:30', source: 'Bn', url: 'https://x.de/a', tickers: ['BABA', '9988.HK'] });
  });

  it('reports a row without a date by line and keeps going', () => {
    const csv = 'date,headline\n2026-04-16,First\n,No date here\n2026-04-15,Third\n';
    const { items, errors } = parseNewsCsv(csv, detectNewsCsvMapping(csv, 'x.csv'));
    expect(items.map((i) => i.headline)).toEqual(['First', 'Third']);
    expect(errors).toMatchObject([{ line: 3, itemIndex: 1, field: 'date', message: 'Line 3 has no date.' }]);
  });

  it('rejects a CSV without date or headline columns', () => {
    expect(() => detectNewsCsvMapping('Symbol,Price\nBABA,80\n', 'prices.csv')).toThrow(AppError);
    expect(() => detectNewsCsvMapping('Symbol,Price\nBABA,80\n', 'prices.csv')).toThrow('no date and headline/title column');
  });
});
