import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import { AppError } from '../common/errors';
import { describeAdjustment } from './adjustment';
import { decodePriceFileBytes } from './decode';
import type { DelimitedPriceFileMapping, PriceFileMapping, PriceFileSource } from './mapping';
import { detectPriceFile, parsePriceFile, parsePriceFileColumns } from './price-file';
import { FIXTURES_DIR } from '../../../test-support/fixtures';
import { shown } from '../../../test-support/shown';

const FIXTURES = `${FIXTURES_DIR}/prices/`;
const fixture = (name: string): string => decodePriceFileBytes(new Uint8Array(readFileSync(FIXTURES + name)), name).text;

function importFile(text: string, fileName: string) {
  const detection = detectPriceFile(text, fileName);
  return { detection, result: parsePriceFile(text, detection.mapping) };
}

function barOn<T extends { date: string }>(bars: readonly T[], date: string): T {
  const bar = bars.find((b) => b.date === date);
  if (!bar) throw new Error(`no bar on ${date}`);
  return bar;
}

function delimited(mapping: PriceFileMapping): DelimitedPriceFileMapping {
  if (mapping.kind !== 'delimited') throw new Error('expected a delimited mapping');
  return mapping;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/**
 * Every daily fixture, with facts read off the file by eye: row count (SOURCES.md),
 * first and last date, and the close of the first row in date order.
 */
const DAILY: [file: string, source: PriceFileSource, rows: number, first: string, last: string, firstClose: number][] = [
  ['investing-de_DAX-futures_daily_2021-10_2021-11.csv', 'investing', 36, '2021-10-01', '2021-11-19', 15113], // "15.113,0"
  ['investing-en_HSI.csv', 'investing', 795, '2022-01-03', '2025-03-28', 23274.75], // "23,274.75"
  // SOURCES.md says 366 and 652 rows: it counted newlines, and these two files lack the final one
  ['investing-en_NVDA.csv', 'investing', 367, '2023-01-03', '2024-06-18', 14.31],
  ['investing-en_USD_HKD.csv', 'investing', 781, '2021-01-01', '2023-12-29', 7.7524],
  ['nasdaq-api_BABA.csv', 'nasdaq', 795, '2021-01-04', '2024-03-01', 227.85], // "$227.85"
  ['nasdaq-api_JD.csv', 'nasdaq', 795, '2021-01-04', '2024-03-01', 86.33],
  ['nasdaq-api_NVDA.csv', 'nasdaq', 795, '2021-01-04', '2024-03-01', 131.135],
  ['stooq_nvda_us_d.csv', 'stooq', 1009, '2022-01-03', '2026-01-09', 30.0711],
  ['yahoo-download_BABA.csv', 'yahoo-download', 800, '2021-01-04', '2024-03-08', 227.850006],
  ['yahoo-download_JD.csv', 'yahoo-download', 800, '2021-01-04', '2024-03-08', 86.330002],
  ['yahoo-download_NVDA.csv', 'yahoo-download', 800, '2021-01-04', '2024-03-08', 131.134995],
  ['yahoo-download_^HSI.csv', 'yahoo-download', 653, '2021-01-04', '2023-08-28', 27472.810547],
  ['yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv', 'yfinance-download', 121, '2025-09-08', '2026-03-06', 25633.91015625],
  ['yfinance-download-flat_1024.HK_2025-2026.csv', 'yfinance-download', 303, '2025-01-02', '2026-03-26', 40.28504180908203],
  ['yfinance-download-flat_BABA_2025-2026.csv', 'yfinance-download', 308, '2025-01-02', '2026-03-26', 83.53804779052734],
  ['yfinance-download-flat_JD_2025-2026.csv', 'yfinance-download', 308, '2025-01-02', '2026-03-26', 33.249759674072266],
  ['yfinance-download-multiheader_9988.HK_2025-2026.csv', 'yfinance-download', 284, '2025-01-02', '2026-02-27', 81.12891387939453],
  ['yfinance-download-multiheader_NVDA_2025-2026.csv', 'yfinance-download', 289, '2025-01-02', '2026-02-27', 138.2721710205078],
  ['yfinance-history_0700.HK.csv', 'yfinance-history', 1323, '2020-01-02', '2025-05-22', 340.2901916503906],
  ['yfinance-history_1024.HK.csv', 'yfinance-history', 1051, '2021-02-05', '2025-05-22', 300],
  ['yfinance-history_9618.HK.csv', 'yfinance-history', 1209, '2020-06-18', '2025-05-22', 231.30970764160156],
  ['yfinance-history_9988.HK.csv', 'yfinance-history', 1323, '2020-01-02', '2025-05-22', 209.29086303710938],
  ['yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv', 'yfinance-download', 315, '2025-01-02', '2026-03-24', 7.767930030822754],
];

describe('every daily fixture', () => {
  it.each(DAILY)('%s', (file, source, rows, first, last, firstClose) => {
    const { detection, result } = importFile(fixture(file), file);
    expect(detection.mapping.source).toBe(source);
    expect(detection.mapping.intraday).toBe(false);
    expect(detection.confidence).toBe('high');
    expect(detection.uncertainties).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.bars).toHaveLength(rows);
    expect(result.stats).toMatchObject({ dataRows: rows, imported: rows, firstDate: first, lastDate: last });
    expect(result.bars[0]?.date).toBe(first);
    expect(result.bars[0]?.close).toBe(firstClose);
    expect(result.bars.at(-1)?.date).toBe(last);
    for (let i = 1; i < result.bars.length; i++) expect(result.bars[i - 1]!.date < result.bars[i]!.date).toBe(true);
  });
});

describe('spot checks against the files', () => {
  it('9988.HK yfinance two-line header: 2026-01-09/12/13 closes 146.5, 154.3, 159.9', () => {
    const { detection, result } = importFile(fixture('yfinance-download-multiheader_9988.HK_2025-2026.csv'), 'x.csv');
    expect(detection.mapping).toMatchObject({ headerLineCount: 2, firstDataLine: 3, columns: { date: 0, close: 1, high: 2, low: 3, open: 4, volume: 5 } });
    expect(barOn(result.bars, '2026-01-09')).toEqual({ date: '2026-01-09', open: 148, high: 149.5, low: 145.89999389648438, close: 146.5, adjClose: null, volume: 115234256 });
    // yfinance writes float32 values widened to double: 154.3000030517578 is fround(154.3)
    expect(barOn(result.bars, '2026-01-12').close).toBe(Math.fround(154.3));
    expect(barOn(result.bars, '2026-01-13').close).toBe(Math.fround(159.9));
    // half-day session 2025-12-24: O=H=L=C, volume 0, kept
    expect(barOn(result.bars, '2025-12-24').volume).toBe(0);
  });

  it('^HSI yfinance three-line header (Price / Ticker / Date rows)', () => {
    const { detection, result } = importFile(fixture('yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv'), 'x.csv');
    expect(detection.mapping).toMatchObject({ headerLineCount: 3, firstDataLine: 4 });
    expect(detection.suggestedSymbol).toBe('^HSI');
    // line 4: 2025-09-08,25633.91015625,25664.009765625,25387.810546875,25440.009765625,3655000000
    expect(result.bars[0]).toEqual({ date: '2025-09-08', open: 25440.009765625, high: 25664.009765625, low: 25387.810546875, close: 25633.91015625, adjClose: null, volume: 3_655_000_000 });
  });

  it('DAX German Investing file: dd.mm.yyyy, "16.170,0", "96,31K", newest first', () => {
    const { detection, result } = importFile(fixture('investing-de_DAX-futures_daily_2021-10_2021-11.csv'), 'x.csv');
    expect(detection.mapping).toMatchObject({ dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', thousandsSeparator: '.' });
    expect(result.stats.fileOrder).toBe('descending');
    // first line of data "19.11.2021","16.170,0","16.245,0","16.295,0","16.087,0","96,31K" is the newest bar
    expect(result.bars.at(-1)).toEqual({ date: '2021-11-19', open: 16245, high: 16295, low: 16087, close: 16170, adjClose: null, volume: 96_310 });
    // last line "01.10.2021","15.113,0","15.249,0","15.254,0","14.962,0","97,40K": 97.40 × 1000 = 97 400
    expect(result.bars[0]).toEqual({ date: '2021-10-01', open: 15249, high: 15254, low: 14962, close: 15113, adjClose: null, volume: 97_400 });
  });

  it('Investing HSI: thousands commas and volume 3.54B = 3 540 000 000', () => {
    const { result } = importFile(fixture('investing-en_HSI.csv'), 'x.csv');
    expect(barOn(result.bars, '2025-03-28')).toEqual({ date: '2025-03-28', open: 23672.82, high: 23775.3, low: 23254.3, close: 23426.6, adjClose: null, volume: 3_540_000_000 });
    expect(barOn(result.bars, '2022-01-03').volume).toBe(734_330_000); // 734.33M
  });

  it('Investing USD/HKD: empty Vol. is a missing volume, not a rejection', () => {
    const { result } = importFile(fixture('investing-en_USD_HKD.csv'), 'x.csv');
    expect(barOn(result.bars, '2023-12-29')).toEqual({ date: '2023-12-29', open: 7.8131, high: 7.8179, low: 7.8074, close: 7.8086, adjClose: null, volume: null });
  });

  it('Nasdaq: "$822.79" and quoted "47,913,510"', () => {
    const { result } = importFile(fixture('nasdaq-api_NVDA.csv'), 'x.csv');
    expect(barOn(result.bars, '2024-03-01')).toEqual({ date: '2024-03-01', open: 800, high: 823, low: 794.3503, close: 822.79, adjClose: null, volume: 47_913_510 });
  });

  it('semicolon + decimal comma USDHKD: 2026-01-09 close 7,791999816894531', () => {
    const { detection, result } = importFile(fixture('yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv'), 'x.csv');
    expect(detection.mapping).toMatchObject({ delimiter: ';', decimalSeparator: ',', columns: { adjClose: 1, close: 2 } });
    expect(barOn(result.bars, '2026-01-09')).toEqual({
      date: '2026-01-09',
      open: 7.791900157928467,
      high: 7.796750068664551,
      low: 7.791289806365967,
      close: 7.791999816894531,
      adjClose: 7.791999816894531,
      volume: 0,
    });
  });

  it('yfinance history: "2020-01-02 00:00:00+08:00" stays 2020-01-02 (no UTC shift to 1 January)', () => {
    const { detection, result } = importFile(fixture('yfinance-history_9988.HK.csv'), 'x.csv');
    expect(delimited(detection.mapping).columns).toEqual({ date: 0, open: 1, high: 2, low: 3, close: 4, adjClose: null, volume: 5 });
    expect(result.bars[0]).toEqual({
      date: '2020-01-02',
      open: 207.29761672247022,
      high: 210.28748619442894,
      low: 207.29761672247022,
      close: 209.29086303710938,
      adjClose: null,
      volume: 9516678,
    });
  });

  it('Yahoo ^HSI without trailing newline keeps its last row', () => {
    const { result } = importFile(fixture('yahoo-download_^HSI.csv'), 'x.csv');
    expect(result.bars.at(-1)).toEqual({ date: '2023-08-28', open: 18519.080078, high: 18564.429688, low: 18113.230469, close: 18130.740234, adjClose: 18130.740234, volume: 2985842200 });
  });
});

describe('adjustment', () => {
  it('Yahoo download: Close is split-adjusted; choosing Adj Close gives split+dividend', () => {
    const text = fixture('yahoo-download_BABA.csv');
    const { detection, result } = importFile(text, 'yahoo-download_BABA.csv');
    expect(result.adjustment).toEqual({ closeFrom: 'close', kind: 'split' });
    expect(describeAdjustment(result.adjustment)).toMatch(/splits but not for dividends/);
    const adj = parsePriceFile(text, { ...detection.mapping, closeFrom: 'adjClose' });
    expect(adj.adjustment).toEqual({ closeFrom: 'adjClose', kind: 'split+dividend' });
    // 2021-01-04: Close 227.850006, Adj Close 224.827728
    expect(adj.bars[0]).toMatchObject({ date: '2021-01-04', close: 224.827728, adjClose: 224.827728 });
  });

  it('auto-adjusted yfinance files (no Adj Close column) are split+dividend; other sources unknown', () => {
    expect(importFile(fixture('yfinance-history_0700.HK.csv'), 'x.csv').result.adjustment.kind).toBe('split+dividend');
    expect(importFile(fixture('investing-en_NVDA.csv'), 'x.csv').result.adjustment.kind).toBe('unknown');
  });
});

describe('shape keys', () => {
  it('are equal for files of one layout and differ between layouts', () => {
    const key = (f: string): string => detectPriceFile(fixture(f), f).shapeKey;
    expect(key('yahoo-download_BABA.csv')).toBe(key('yahoo-download_^HSI.csv'));
    expect(key('yfinance-download-multiheader_9988.HK_2025-2026.csv')).toBe(key('yfinance-download-multiheader_NVDA_2025-2026.csv'));
    expect(key('yfinance-download-multiheader_9988.HK_2025-2026.csv')).not.toBe(key('yfinance-download-flat_BABA_2025-2026.csv'));
    expect(key('nasdaq-api_JD.csv')).toBe('delimited|comma|date,close,volume,open,high,low');
  });

  it('mappings survive a JSON round trip', () => {
    const text = fixture('investing-en_HSI.csv');
    const mapping = JSON.parse(JSON.stringify(detectPriceFile(text, 'x.csv').mapping)) as DelimitedPriceFileMapping;
    expect(parsePriceFile(text, mapping).bars).toHaveLength(795);
  });
});

describe('other layouts built from fixture text', () => {
  const stooq = fixture('stooq_nvda_us_d.csv');

  it('TSV and pipe-separated copies', () => {
    for (const d of ['\t', '|'] as const) {
      const { detection, result } = importFile(stooq.replaceAll(',', d), 'nvda.tsv');
      expect(delimited(detection.mapping).delimiter).toBe(d);
      expect(result.bars).toHaveLength(1009);
      expect(result.bars.at(-1)).toEqual({ date: '2026-01-09', open: 185.08, high: 186.34, low: 183.6701, close: 184.86, adjClose: null, volume: 131327534 });
    }
  });

  it('Google-Sheets style: "1/9/2026 16:00:00", CRLF, a title line above the header', () => {
    const lines = stooq.trimEnd().split(/\r?\n/).slice(1);
    const sheet = ['NVDA price history,,', 'Date,Close,Volume']
      .concat(
        lines.map((l) => {
          const [d = '', , , , close, vol] = l.split(',');
          const [y, m, day] = d.split('-').map(Number);
          return `${m}/${day}/${y} 16:00:00,${close},${vol}`;
        }),
      )
      .join('\r\n');
    const { detection, result } = importFile(sheet, 'NVDA - Sheet1.csv');
    expect(detection.mapping).toMatchObject({ headerLineCount: 2, dateFormat: 'MM/DD/YYYY', intraday: false, columns: { date: 0, close: 1, volume: 2, open: null } });
    expect(result.bars).toHaveLength(1009);
    expect(barOn(result.bars, '2026-01-09')).toEqual({ date: '2026-01-09', open: null, high: null, low: null, close: 184.86, adjClose: null, volume: 131327534 });
    expect(detection.suggestedSymbol).toBe('NVDA');
  });

  it('Stooq with Polish headers: a header row, Stooq named, columns by meaning', () => {
    const polish = stooq.replace(/^Date,Open,High,Low,Close,Volume/, 'Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen');
    const { detection, result } = importFile(polish, 'nvda_us_d.csv');
    expect(detection.mapping).toMatchObject({ source: 'stooq', headerLineCount: 1, columns: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 } });
    expect(detection.uncertainties).toEqual([]);
    expect(detection.confidence).toBe('high');
    expect(result.bars).toHaveLength(1009);
  });

  it('a German Investing.com monthly export ("Jan. 2020", "Dez. 2019", "März 2008")', () => {
    // the layout of investing-de_DAX-futures_daily with the dates of its "Monatlich" view, newest first
    const text = [
      '"Datum","Zuletzt","Eröffn.","Hoch","Tief","Vol.","+/- %"',
      '"Feb. 2020","11.890,35","12.970,04","13.795,24","11.724,12","2,01B","-8,41%"',
      '"Jan. 2020","12.981,97","13.233,71","13.640,06","12.948,17","1,80B","-2,02%"',
      '"Dez. 2019","13.249,01","13.236,38","13.425,51","13.004,36","1,23B","0,10%"',
      '"März 2008","6.534,97","6.748,13","6.748,13","6.167,82","3,05B","-6,42%"',
    ].join('\n');
    const { detection, result } = importFile(text, 'DAX Historische Daten.csv');
    expect(detection.mapping).toMatchObject({ source: 'investing', dateFormat: 'Mon YYYY', decimalSeparator: ',' });
    expect(result.bars.map((b) => b.date)).toEqual(['2008-03-01', '2019-12-01', '2020-01-01', '2020-02-01']);
    // "12.981,97" with a decimal comma
    expect(barOn(result.bars, '2020-01-01').close).toBe(12981.97);
  });

  it('JSON array of bar objects with short keys', () => {
    const rows = stooq.trimEnd().split(/\r?\n/).slice(1, 4).map((l) => {
      const [t, o, h, lo, c, v] = l.split(',');
      return { t, o: Number(o), h: Number(h), l: Number(lo), c: Number(c), v: Number(v) };
    });
    const { detection, result } = importFile(JSON.stringify({ symbol: 'NVDA', data: rows }, null, 2), 'nvda.json');
    expect(detection.mapping).toMatchObject({ kind: 'json', shape: 'array', seriesKey: 'data', keys: { date: 't', close: 'c', volume: 'v' } });
    // stooq line 2: 2022-01-03,29.7655,30.6604,29.7357,30.0711,393055570
    expect(result.bars[0]).toEqual({ date: '2022-01-03', open: 29.7655, high: 30.6604, low: 29.7357, close: 30.0711, adjClose: null, volume: 393055570 });
    expect(result.bars).toHaveLength(3);
  });

  it('Alpha Vantage JSON, newest first, with string values', () => {
    const series: Record<string, Record<string, string>> = {};
    for (const l of stooq.trimEnd().split(/\r?\n/).slice(-3).reverse()) {
      const [d = '', o = '', h = '', lo = '', c = '', v = ''] = l.split(',');
      series[d] = { '1. open': o, '2. high': h, '3. low': lo, '4. close': c, '5. volume': v };
    }
    const av = { 'Meta Data': { '1. Information': 'Daily Prices', '2. Symbol': 'NVDA' }, 'Time Series (Daily)': series };
    const { detection, result } = importFile(JSON.stringify(av), 'daily.json');
    expect(detection.mapping).toMatchObject({ kind: 'json', shape: 'keyed-by-date', source: 'alpha-vantage', keys: { date: null, close: '4. close' } });
    expect(detection.suggestedSymbol).toBe('NVDA');
    expect(result.bars.map((b) => b.date)).toEqual(['2026-01-07', '2026-01-08', '2026-01-09']);
    expect(result.bars[2]).toEqual({ date: '2026-01-09', open: 185.08, high: 186.34, low: 183.6701, close: 184.86, adjClose: null, volume: 131327534 });
  });
});

describe('bad input', () => {
  const yahoo = fixture('yahoo-download_BABA.csv');
  const header = 'Date,Open,High,Low,Close,Adj Close,Volume';

  it('empty file', () => {
    const e = errorOf(() => detectPriceFile('\uFEFF  \n', 'empty.csv'));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.message).toBe('"empty.csv" is empty.');
  });

  it('header only', () => {
    const e = errorOf(() => detectPriceFile(`${header}\n`, 'h.csv'));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.message).toMatch(/headers but no rows/);
  });

  it('a header-only file parsed with a remembered mapping', () => {
    const mapping = detectPriceFile(yahoo, 'y.csv').mapping;
    const e = errorOf(() => parsePriceFile(`${header}\n`, mapping));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.message).toBe('The file has column headers but no rows of prices.');
  });

  it('not a price table', () => {
    const e = errorOf(() => detectPriceFile('name,city\nAnna,Bern\n', 'people.csv'));
    expect(e.code).toBe('UNSUPPORTED_FILE');
  });

  it('truncated last line is rejected with its line number; earlier rows import', () => {
    const lines = yahoo.split('\n').slice(0, 4);
    const text = `${lines.join('\n')}\n2021-01-07,228.0,229.`;
    const { result } = importFile(text, 'cut.csv');
    expect(result.bars).toHaveLength(3);
    expect(result.rejected).toEqual([
      { line: 5, reason: 'the last row has 3 of 7 values; the file may be cut off', key: 'errors:priceRow.lastRowCut', params: { got: 3, expected: 7 }, raw: '2021-01-07,228.0,229.' },
    ]);
    expect(shown('de', result.rejected[0]!)).toBe('die letzte Zeile hat 3 von 7 Werten; die Datei ist womöglich abgeschnitten');
  });

  it('ragged, undated, non-positive, non-numeric and high<low rows are rejected one by one', () => {
    const text = [
      header,
      '2021-01-04,226.5,230.38,225.04,227.85,224.83,24897900', // line 2 ok
      '2021-01-05,229.05,240.76,228.12,240.40,237.21', // line 3: 6 fields
      'Jan 5th,229.05,240.76,228.12,240.40,237.21,35823800', // line 4: bad date
      '2021-01-06,234.95,238.30,225.86,0,0,37146100', // line 5: close 0
      '2021-01-07,234.95,238.30,225.86,abc,1,37146100', // line 6: close not a number
      '2021-01-08,234.95,220.00,225.86,230,230,37146100', // line 7: high < low
      '2021-01-11,null,null,null,null,null,null', // line 8: Yahoo holiday row
      '2021-01-12,230.0,231.0,229.0,230.5,230.5,1000', // line 9 ok
    ].join('\n');
    const { result } = importFile(text, 'bad.csv');
    expect(result.bars.map((b) => b.date)).toEqual(['2021-01-04', '2021-01-12']);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'the row has 6 values where the header has 7'],
      [4, '"Jan 5th" is not a date in the format YYYY-MM-DD'],
      [5, 'the close price 0 is not positive'],
      [6, 'Close "abc" is not a number'],
      [7, 'the high 220 is below the low 225.86'],
      [8, 'there is no close price'],
    ]);
    // The same refusals for a German reader: 225.86 written with a decimal comma, the column named in German.
    expect(result.rejected.map((r) => [r.line, shown('de', r)])).toEqual([
      [3, 'die Zeile hat 6 Werte, die Kopfzeile aber 7'],
      [4, '„Jan 5th“ ist kein Datum im Format YYYY-MM-DD'],
      [5, 'der Schlusskurs 0 ist nicht größer als null'],
      [6, 'Schluss: „abc“ ist keine Zahl'],
      [7, 'das Hoch 220 liegt unter dem Tief 225,86'],
      [8, 'der Schlusskurs fehlt'],
    ]);
    // English through the catalogue is the text the row carries.
    expect(result.rejected.map((r) => shown('en', r))).toEqual(result.rejected.map((r) => r.reason));
    expect(result.stats).toMatchObject({ dataRows: 8, imported: 2, rejected: 6 });
  });

  it('quoted newlines do not break line numbers', () => {
    const text = [
      'Date,Close,Note',
      '2024-01-02,10.5,"split over',
      'two lines, with a comma"',
      '2024-01-03,x,plain', // physical line 4
      '2024-01-04,11,"ok"',
    ].join('\n');
    const { result } = importFile(text, 'notes.csv');
    expect(result.bars.map((b) => [b.date, b.close])).toEqual([
      ['2024-01-02', 10.5],
      ['2024-01-04', 11],
    ]);
    expect(result.rejected).toEqual([
      { line: 4, reason: 'Close "x" is not a number', key: 'errors:priceRow.notNumber', params: { column: { key: 'errors:priceColumn.close' }, value: 'x' }, raw: '2024-01-03,x,plain' },
    ]);
  });

  it('exact duplicate rows are counted; conflicting duplicates are rejected', () => {
    const lines = yahoo.split('\n');
    const text = [
      lines[0],
      lines[1],
      lines[2],
      lines[2], // exact repeat of 2021-01-05
      lines[3],
      lines[3]!.replace('227.610001', '228.000000'), // 2021-01-06 with another close
    ].join('\n');
    const { result } = importFile(text, 'dups.csv');
    expect(result.bars.map((b) => b.date)).toEqual(['2021-01-04', '2021-01-05']);
    expect(result.stats.exactDuplicates).toBe(1);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, '2021-01-06 also appears on line 6 with different prices'],
      [6, '2021-01-06 also appears on line 5 with different prices'],
    ]);
    expect(shown('de', result.rejected[0]!)).toBe('2021-01-06 steht auch in Zeile 6, dort mit anderen Kursen');
  });

  it('words the other refusals in English and German: one value, negative price and volume, a date on three lines', () => {
    const text = [
      'Date,Open,High,Low,Close,Volume',
      '2024-01-02,10,11,9,10.5,100', // line 2 ok
      '2024-01-03', // line 3: one value of six
      '2024-01-04,-1,11,9,10.5,100', // line 4: negative open
      '2024-01-05,10,11,9,10.5,-2500', // line 5: volume -2,500
      '2024-01-08,10,11,9,10.5,100', // lines 6-8: one day three times, each with another close
      '2024-01-08,10,11,9,10.6,100',
      '2024-01-08,10,11,9,10.7,100',
      '2024-01-09,10,11,9,10.5,100', // line 9 ok
    ].join('\n');
    const { result } = importFile(text, 'mixed.csv');
    expect(result.bars.map((b) => b.date)).toEqual(['2024-01-02', '2024-01-09']);
    expect(result.rejected.map((r) => [r.line, r.reason, shown('de', r)])).toEqual([
      [3, 'the row has 1 value where the header has 6', 'die Zeile hat 1 Wert, die Kopfzeile aber 6'],
      [4, 'a price is negative', 'ein Kurs ist negativ'],
      // Thousands grouped as each language writes them: -2,500 and -2.500.
      [5, 'the volume -2,500 is negative', 'das Volumen -2.500 ist negativ'],
      [6, '2024-01-08 also appears on lines 7, 8 with different prices', '2024-01-08 steht auch in den Zeilen 7, 8, dort mit anderen Kursen'],
      [7, '2024-01-08 also appears on lines 6, 8 with different prices', '2024-01-08 steht auch in den Zeilen 6, 8, dort mit anderen Kursen'],
      [8, '2024-01-08 also appears on lines 6, 7 with different prices', '2024-01-08 steht auch in den Zeilen 6, 7, dort mit anderen Kursen'],
    ]);
  });

  it('words refused JSON records in English and German', () => {
    const records = [
      { date: '2024-01-02', close: 10.5 }, // record 1 ok
      { date: 'soon', close: 10.5 }, // record 2: no date
      { date: '2024-01-04', close: 'n/a' }, // record 3: close is no number
    ];
    const { result } = importFile(JSON.stringify(records), 'bars.json');
    expect(result.bars).toHaveLength(1);
    expect(result.rejected.map((r) => [r.line, r.reason, shown('de', r)])).toEqual([
      [2, '"soon" is not a date in the format YYYY-MM-DD', '"soon" ist kein Datum im Format YYYY-MM-DD'],
      [3, 'close "n/a" is not a number', 'close: "n/a" ist keine Zahl'],
    ]);
  });

  it('a dd/mm file whose days are all ≤ 12 is reported as ambiguous', () => {
    const text = 'Date,Close\n01/02/2024,10\n05/02/2024,11\n12/03/2024,12\n';
    const d = detectPriceFile(text, 'eu.csv');
    expect(d.dateFormatAmbiguous).toBe(true);
    expect(d.dateFormatAlternatives).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
    expect(d.confidence).toBe('medium');
    expect(d.uncertainties[0]?.message).toMatch(/could be 3 April or 4 March/);
    expect(shown('de', d.uncertainties[0] ?? {})).toBe(
      'Keine Tageszahl in der Datei ist größer als 12, daher könnte ein Datum wie 03/04 der 3. April oder der 4. März sein. Angenommen wurde MM/DD/YYYY; bitte wählen Sie die Reihenfolge.',
    );
    const asDayFirst = parsePriceFile(text, { ...d.mapping, dateFormat: 'DD/MM/YYYY' });
    expect(asDayFirst.bars.map((b) => b.date)).toEqual(['2024-02-01', '2024-02-05', '2024-03-12']);
  });

  it('one row with day 13 far down the file settles the order (whole-file pass)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `0${(i % 9) + 1}/0${(i % 9) + 1}/${1990 + Math.floor(i / 9)},${i + 1}`);
    rows.push('13/01/2400,1'); // beyond the detection sample; year 2400 is out of range, but the day order is decided
    const d = detectPriceFile(`Date,Close\n${rows.join('\n')}\n`, 'x.csv');
    expect(d.mapping.dateFormat).toBe('DD/MM/YYYY');
    expect(d.dateFormatAmbiguous).toBe(false);
  });

  it('UTF-16 and Windows-1252 copies of the German file parse to the same bars', () => {
    const text = fixture('investing-de_DAX-futures_daily_2021-10_2021-11.csv');
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) be.set([text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff], i * 2);
    const cp1252 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const expected = importFile(text, 'x.csv').result.bars;
    for (const bytes of [le, be, cp1252]) {
      const decoded = decodePriceFileBytes(bytes, 'x.csv').text;
      expect(importFile(decoded, 'x.csv').result.bars).toEqual(expected);
    }
  });
});

describe('intraday file', () => {
  it('is recognised as intraday and parsePriceFile refuses it', () => {
    const text = fixture('intraday-1min_BABA_2026-01-29.csv');
    const d = detectPriceFile(text, 'intraday-1min_BABA_2026-01-29.csv');
    expect(d.mapping).toMatchObject({ intraday: true, columns: { date: 8, open: 1, close: 4, volume: 5 } });
    expect(d.suggestedSymbol).toBe('BABA');
    expect(d.uncertainties).toHaveLength(1);
    expect(errorOf(() => parsePriceFile(text, d.mapping)).code).toBe('VALIDATION');
    const cols = parsePriceFileColumns(text, d.mapping);
    expect(cols.columns.length).toBe(283);
    expect(cols.columns.secondOfDay[0]).toBe(8 * 3600 + 8 * 60);
    expect(cols.columns.epochDay[282]).toBe(toEpochDay('2026-01-29'));
  });
});
