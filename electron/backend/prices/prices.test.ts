import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary, PricePreview } from '@shared/api/prices';
import type { CallResult } from '@shared/api/transport';
import { toEpochDay } from '@shared/domain/common/dates';
import type { ApiError } from '@shared/domain/common/errors';
import { ensureSecurityFromCatalogue, insertSecurity } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/prices/`;
const read = (name: string): Buffer => readFileSync(FIXTURES + name);
const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

function ok<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function fail(result: CallResult): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** A stored security for a symbol: from the built-in catalogue when it is there, otherwise a custom one. */
function security(symbol: string): number {
  const fromCatalogue = ensureSecurityFromCatalogue(backend.db, symbol);
  if (fromCatalogue) return fromCatalogue.id;
  return insertSecurity(backend.db, {
    symbol,
    name: symbol,
    exchange: 'OTC',
    currency: 'USD',
    kind: 'stock',
    isin: null,
    issuerId: null,
    sharesPerUnit: 1,
    aliases: [],
  }).id;
}

async function preview(fileName: string, content: Uint8Array | string): Promise<PricePreview> {
  return ok<PricePreview>(await backend.dispatch('prices.preview', { fileName, contentBase64: b64(content) }));
}

async function importFile(
  fileName: string,
  content: Uint8Array | string,
  securityId: number,
  extra: Record<string, unknown> = {},
): Promise<CallResult> {
  const p = await preview(fileName, content);
  return backend.dispatch('prices.import', {
    fileName,
    contentBase64: b64(content),
    securityId,
    mapping: p.mapping,
    acceptValidRowsOnly: false,
    aggregateIntraday: p.intraday !== null,
    ...extra,
  });
}

/** Every stored bar, hashed: equal before and after means nothing was touched. */
function checksum(): string {
  const rows = backend.db.prepare('SELECT * FROM price_bars ORDER BY security_id, day').all();
  const series = backend.db.prepare('SELECT * FROM price_series ORDER BY security_id').all();
  return createHash('sha256').update(JSON.stringify([rows, series])).digest('hex');
}

function closeOn(securityId: number, date: string): number | undefined {
  const row = backend.db.prepare('SELECT close FROM price_bars WHERE security_id = ? AND day = ?').get(securityId, toEpochDay(date)) as
    | { close: number }
    | undefined;
  return row?.close;
}

/**
 * Valid daily bars per fixture, as counted in shared/domain/prices/price-file.test.ts
 * (by eye from the files: SOURCES.md row counts; Investing NVDA and Yahoo ^HSI lack a
 * final newline, so SOURCES.md counted one row less). The 1-minute BABA log of
 * 2026-01-29 has 283 bars, which aggregate to one daily bar.
 */
const EXPECTED: Record<string, { added: number; first: string; last: string }> = {
  'intraday-1min_BABA_2026-01-29.csv': { added: 1, first: '2026-01-29', last: '2026-01-29' },
  'investing-de_DAX-futures_daily_2021-10_2021-11.csv': { added: 36, first: '2021-10-01', last: '2021-11-19' },
  'investing-en_HSI.csv': { added: 795, first: '2022-01-03', last: '2025-03-28' },
  'investing-en_NVDA.csv': { added: 367, first: '2023-01-03', last: '2024-06-18' },
  'investing-en_USD_HKD.csv': { added: 781, first: '2021-01-01', last: '2023-12-29' },
  'nasdaq-api_BABA.csv': { added: 795, first: '2021-01-04', last: '2024-03-01' },
  'nasdaq-api_JD.csv': { added: 795, first: '2021-01-04', last: '2024-03-01' },
  'nasdaq-api_NVDA.csv': { added: 795, first: '2021-01-04', last: '2024-03-01' },
  'stooq_nvda_us_d.csv': { added: 1009, first: '2022-01-03', last: '2026-01-09' },
  'yahoo-download_BABA.csv': { added: 800, first: '2021-01-04', last: '2024-03-08' },
  'yahoo-download_JD.csv': { added: 800, first: '2021-01-04', last: '2024-03-08' },
  'yahoo-download_NVDA.csv': { added: 800, first: '2021-01-04', last: '2024-03-08' },
  'yahoo-download_^HSI.csv': { added: 653, first: '2021-01-04', last: '2023-08-28' },
  'yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv': { added: 121, first: '2025-09-08', last: '2026-03-06' },
  'yfinance-download-flat_1024.HK_2025-2026.csv': { added: 303, first: '2025-01-02', last: '2026-03-26' },
  'yfinance-download-flat_BABA_2025-2026.csv': { added: 308, first: '2025-01-02', last: '2026-03-26' },
  'yfinance-download-flat_JD_2025-2026.csv': { added: 308, first: '2025-01-02', last: '2026-03-26' },
  'yfinance-download-multiheader_9988.HK_2025-2026.csv': { added: 284, first: '2025-01-02', last: '2026-02-27' },
  'yfinance-download-multiheader_NVDA_2025-2026.csv': { added: 289, first: '2025-01-02', last: '2026-02-27' },
  'yfinance-history_0700.HK.csv': { added: 1323, first: '2020-01-02', last: '2025-05-22' },
  'yfinance-history_1024.HK.csv': { added: 1051, first: '2021-02-05', last: '2025-05-22' },
  'yfinance-history_9618.HK.csv': { added: 1209, first: '2020-06-18', last: '2025-05-22' },
  'yfinance-history_9988.HK.csv': { added: 1323, first: '2020-01-02', last: '2025-05-22' },
  'yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv': { added: 315, first: '2025-01-02', last: '2026-03-24' },
};

describe('every price fixture, end to end through the dispatcher', () => {
  it('the list above covers every file in the fixtures folder', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s: preview, import, re-import', async (file) => {
    const expected = EXPECTED[file]!;
    const bytes = read(file);
    const p = await preview(file, bytes);
    expect(p.rejected).toEqual([]);
    expect(p.stats).toMatchObject({ rejected: 0, firstDate: expected.first, lastDate: expected.last });
    expect(p.rows.length).toBe(Math.min(20, p.stats.valid));
    const id = security(p.suggestion.symbol ?? `X${file.length}`);

    const first = ok<ImportSummary>(await importFile(file, bytes, id));
    expect(first).toMatchObject({ added: expected.added, updated: 0, unchanged: 0, rejectedCount: 0 });
    expect(first.series).toMatchObject({ count: expected.added, firstDate: expected.first, lastDate: expected.last, source: file });

    const again = ok<ImportSummary>(await importFile(file, bytes, id));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: expected.added });
  });
});

describe('spot values and series records', () => {
  it('9988.HK: 2026-01-12 close 154.3 is stored under the calendar day of the file', async () => {
    const file = 'yfinance-download-multiheader_9988.HK_2025-2026.csv';
    const p = await preview(file, read(file));
    expect(p.suggestion).toMatchObject({ symbol: '9988.HK', existing: null, catalogue: { symbol: '9988.HK', exchange: 'HKEX', currency: 'HKD' } });
    expect(p.formatLabel).toBe('yfinance download CSV');
    const id = security('9988.HK');
    // once stored, the same file suggests the stored security
    expect((await preview(file, read(file))).suggestion.existing).toMatchObject({ id, symbol: '9988.HK' });
    ok(await importFile(file, read(file), id));
    // file line 255: 2026-01-12,154.3000030517578,… (yfinance float32 widened: fround(154.3))
    expect(closeOn(id, '2026-01-12')).toBe(154.3000030517578);
    expect(closeOn(id, '2026-01-12')).toBeCloseTo(154.3, 5);
    expect(closeOn(id, '2026-01-13')).toBe(159.89999389648438);
    const bar = backend.db.prepare('SELECT * FROM price_bars WHERE security_id = ? AND day = ?').get(id, toEpochDay('2026-01-09'));
    expect(bar).toEqual({ security_id: id, day: toEpochDay('2026-01-09'), open: 148, high: 149.5, low: 145.89999389648438, close: 146.5, adj_close: null, volume: 115234256 });
    // no Adj Close column: auto-adjusted yfinance, Close is split+dividend adjusted
    expect(ok(await backend.dispatch('prices.series', { securityId: id }))).toMatchObject({
      count: 284,
      adjustment: 'split+dividend',
      closeColumn: 'Close',
    });
  });

  it('yfinance history "2020-01-02 00:00:00+08:00" stays 2 January', async () => {
    const id = security('9988.HK');
    ok(await importFile('yfinance-history_9988.HK.csv', read('yfinance-history_9988.HK.csv'), id));
    const days = backend.db.prepare('SELECT min(day) AS first FROM price_bars WHERE security_id = ?').get(id) as { first: number };
    expect(days.first).toBe(toEpochDay('2020-01-02'));
  });

  it('Yahoo download: Close is split-adjusted; choosing Adj Close records split+dividend and that column', async () => {
    const file = 'yahoo-download_NVDA.csv';
    const p = await preview(file, read(file));
    expect(p.formatLabel).toBe('Yahoo Finance CSV');
    expect(p.adjustment.kind).toBe('split');
    const id = security('NVDA');
    ok(await importFile(file, read(file), id));
    expect(ok(await backend.dispatch('prices.series', { securityId: id }))).toMatchObject({ adjustment: 'split', closeColumn: 'Close' });
    const adj = ok<ImportSummary>(
      await backend.dispatch('prices.import', {
        fileName: file,
        contentBase64: b64(read(file)),
        securityId: id,
        mapping: { ...p.mapping, closeFrom: 'adjClose' },
        acceptValidRowsOnly: false,
      }),
    );
    // Adj Close differs from Close on the dividend-paying past, so every bar is updated
    expect(adj.updated).toBeGreaterThan(0);
    expect(adj.series).toMatchObject({ adjustment: 'split+dividend', closeColumn: 'Adj Close' });
  });

  it('German Investing file: "16.170,0" on 19.11.2021 and windows-1252/UTF-16 copies give the same bars', async () => {
    const file = 'investing-de_DAX-futures_daily_2021-10_2021-11.csv';
    const text = read(file).toString('utf8');
    const id = security('DAXFUT');
    ok(await importFile(file, read(file), id));
    // first data line: "19.11.2021","16.170,0",…
    expect(closeOn(id, '2021-11-19')).toBe(16170);
    const bars = (): string => createHash('sha256').update(JSON.stringify(backend.db.prepare('SELECT * FROM price_bars ORDER BY day').all())).digest('hex');
    const before = bars();
    const cp1252 = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // ö is 0xF6 in both Latin-1 and 1252
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const [name, bytes] of [['dax-1252.csv', cp1252], ['dax-utf16le.csv', le], ['dax-utf16be.csv', be]] as const) {
      const p = await preview(name, bytes);
      expect(p.encoding).toBe(name.includes('1252') ? 'windows-1252' : name.includes('le') ? 'utf-16le' : 'utf-16be');
      expect(p.headers[2]).toBe('Eröffn.');
      const summary = ok<ImportSummary>(await importFile(name, bytes, id));
      expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 36 });
    }
    // the bars are identical after all three copies; only the series' source file name changed
    expect(bars()).toBe(before);
  });
});

describe('merge', () => {
  const file = 'yahoo-download_BABA.csv';

  it('an overlapping file adds the new days, updates only differing values and reports them', async () => {
    const id = security('BABA');
    const lines = read(file).toString('utf8').trimEnd().split('\n');
    // first import: header + rows 1..500 (2021-01-04 …)
    ok(await importFile('baba-part1.csv', `${lines.slice(0, 501).join('\n')}\n`, id));
    // second file: rows 401..800, with two closes of the overlap changed
    const second = lines.slice(401);
    const edit = (i: number, close: string): void => {
      const f = second[i]!.split(',');
      f[4] = close;
      second[i] = f.join(',');
    };
    const day0 = second[0]!.split(',')[0]!;
    const day5 = second[5]!.split(',')[0]!;
    const old0 = Number(second[0]!.split(',')[4]);
    edit(0, '99.5');
    edit(5, '101.25');
    const summary = ok<ImportSummary>(await importFile('baba-part2.csv', `${lines[0]}\n${second.join('\n')}\n`, id));
    // overlap = rows 401..500 = 100 days, 2 of them changed; rows 501..800 = 300 new days
    expect(summary).toMatchObject({ added: 300, updated: 2, unchanged: 98 });
    expect(summary.updatedExamples).toEqual([
      { date: day0, field: 'Close', old: old0, new: 99.5 },
      expect.objectContaining({ date: day5, field: 'Close', new: 101.25 }),
    ]);
    expect(closeOn(id, day0)).toBe(99.5);
    expect(summary.series.count).toBe(800);
  });
});

describe('bad input never changes what is stored', () => {
  const yahoo = read('yahoo-download_BABA.csv').toString('utf8');
  const header = yahoo.split('\n')[0]!;
  let id: number;
  let before: string;

  beforeEach(async () => {
    id = security('BABA');
    ok(await importFile('yahoo-download_BABA.csv', read('yahoo-download_BABA.csv'), id));
    before = checksum();
  });

  const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

  it.each([
    ['empty.csv', '', 'IMPORT_REJECTED', /is empty/],
    ['whitespace.csv', '  \n\n', 'IMPORT_REJECTED', /is empty/],
    ['header-only.csv', `${header}\n`, 'IMPORT_REJECTED', /column headers but no rows/],
    ['garbage.bin', garbage, 'UNSUPPORTED_FILE', /not a price table \(it contains binary data\)/],
    ['words.txt', 'Dear investor,\nthis is a letter and not a table.\n', 'UNSUPPORTED_FILE', /does not look like a price table/],
  ] as const)('%s → %s, nothing stored', async (name, content, code, message) => {
    const error = fail(await backend.dispatch('prices.preview', { fileName: name, contentBase64: b64(content) }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    // an import attempt with a plausible mapping is refused the same way
    const mapping = (await preview('yahoo-download_BABA.csv', read('yahoo-download_BABA.csv'))).mapping;
    const attempt = fail(
      await backend.dispatch('prices.import', { fileName: name, contentBase64: b64(content), securityId: id, mapping, acceptValidRowsOnly: true }),
    );
    expect(attempt.code).toBe(code);
    expect(checksum()).toBe(before);
  });

  const lines = yahoo.split('\n');
  const body = (rows: string[]): string => [header, ...rows].join('\n');
  it.each([
    // line 3 is cut after "229." (the file ends mid-row)
    ['truncated.csv', body([lines[1]!, '2021-01-05,229.0,229.']), [[3, 'the last row has 3 of 7 values; the file may be cut off']]],
    ['ragged.csv', body([lines[1]!, '2021-01-05,229.05,240.76,228.12,240.40,237.21', lines[3]!]), [[3, 'the row has 6 values where the header has 7']]],
    ['high-below-low.csv', body([lines[1]!, '2021-01-05,234.95,220.00,225.86,230,230,37146100']), [[3, 'the high 220 is below the low 225.86']]],
    [
      'duplicates.csv',
      body([lines[1]!, '2021-01-05,1,2,1,1.5,1.5,100', '2021-01-05,1,2,1,1.75,1.75,100']),
      [
        [3, '2021-01-05 also appears on line 4 with different prices'],
        [4, '2021-01-05 also appears on line 3 with different prices'],
      ],
    ],
    ['bad-close.csv', body([lines[1]!, '2021-01-05,1,2,1,0,0,100', '2021-01-06,1,2,1,abc,1,100']), [[3, 'the close price 0 is not positive'], [4, 'Close "abc" is not a number']]],
  ])('%s: rejected rows listed with line and reason; all or nothing', async (name, text, rows) => {
    const p = await preview(name, text);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual(rows);
    const error = fail(
      await backend.dispatch('prices.import', { fileName: name, contentBase64: b64(text), securityId: id, mapping: p.mapping, acceptValidRowsOnly: false }),
    );
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toContain('nothing was imported');
    expect(error.details).toMatchObject({ file: name, rejectedCount: rows.length, rejected: rows.map(([line, reason]) => ({ file: name, line, reason })) });
    expect(checksum()).toBe(before);
  });

  it('quoted newlines keep their physical line numbers', async () => {
    const text = ['Date,Close,Note', '2024-01-02,10.5,"split over', 'two lines, with a comma"', '2024-01-03,x,plain', '2024-01-04,11,"ok"'].join('\n');
    const p = await preview('notes.csv', text);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[4, 'Close "x" is not a number']]);
    const error = fail(await importFile('notes.csv', text, id));
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(checksum()).toBe(before);
    // the user chooses "import valid rows only": the two good rows go in, atomically
    const other = security('JD');
    const summary = ok<ImportSummary>(await importFile('notes.csv', text, other, { acceptValidRowsOnly: true }));
    expect(summary).toMatchObject({ added: 2, rejectedCount: 1, rejected: [{ line: 4, reason: 'Close "x" is not a number' }] });
    expect(closeOn(other, '2024-01-04')).toBe(11);
  });

  it('an unknown security or an unconfirmed intraday file stores nothing', async () => {
    const p = await preview('yahoo-download_BABA.csv', read('yahoo-download_BABA.csv'));
    const missing = fail(
      await backend.dispatch('prices.import', { fileName: 'x.csv', contentBase64: b64(yahoo), securityId: 9999, mapping: p.mapping, acceptValidRowsOnly: false }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    const intraday = 'intraday-1min_BABA_2026-01-29.csv';
    const error = fail(await importFile(intraday, read(intraday), id, { aggregateIntraday: false }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('several bars per day') });
    expect(checksum()).toBe(before);
  });
});

describe('intraday, mappings, progress and deletion', () => {
  it('the 1-minute BABA log aggregates to one daily bar: first open, max high, min low, last close, summed volume', async () => {
    const file = 'intraday-1min_BABA_2026-01-29.csv';
    const text = read(file).toString('utf8');
    const p = await preview(file, read(file));
    expect(p.intraday).toEqual({ bars: 283, days: 1 });
    expect(p.rows[0]?.time).toBe('08:08');
    const rows = text.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    // Ticker,Open,High,Low,Close,Volume,Bid,Ask,Timestamp: computed from the file's own rows
    const expected = {
      open: Number(rows[0]![1]),
      high: Math.max(...rows.map((r) => Number(r[2]))),
      low: Math.min(...rows.map((r) => Number(r[3]))),
      close: Number(rows.at(-1)![4]),
      volume: rows.reduce((s, r) => s + Number(r[5]), 0),
    };
    const id = security('BABA');
    const summary = ok<ImportSummary>(await importFile(file, read(file), id));
    expect(summary).toMatchObject({ added: 1, aggregatedFromIntraday: true });
    const bar = backend.db.prepare('SELECT open, high, low, close, volume FROM price_bars WHERE security_id = ?').get(id);
    expect(bar).toEqual(expected);
  });

  it('a mapping the user confirmed is remembered for files of the same shape', async () => {
    const text = 'Date,Close\n01/02/2024,10\n05/02/2024,11\n12/03/2024,12\n';
    const p = await preview('eu.csv', text);
    expect(p).toMatchObject({ dateFormatAmbiguous: true, confidence: 'medium', usedRemembered: false, rememberedMapping: null });
    expect(p.uncertainties[0]?.message).toMatch(/3 April or 4 March/);
    expect(p.uncertainties[0]?.key).toBe('errors:priceDoubt.ambiguousDate');
    const mapping = { ...p.mapping, dateFormat: 'DD/MM/YYYY' as const };
    const confirmed = ok<PricePreview>(await backend.dispatch('prices.preview', { fileName: 'eu.csv', contentBase64: b64(text), mapping }));
    expect(confirmed.rows.map((r) => r.date)).toEqual(['2024-02-01', '2024-02-05', '2024-03-12']);
    const id = security('EUFUND');
    ok(await backend.dispatch('prices.import', { fileName: 'eu.csv', contentBase64: b64(text), securityId: id, mapping, acceptValidRowsOnly: false, rememberMapping: true }));
    const next = await preview('eu-2.csv', 'Date,Close\n03/04/2024,13\n');
    expect(next).toMatchObject({ usedRemembered: true, uncertainties: [], mapping: { dateFormat: 'DD/MM/YYYY' } });
    expect(next.rows.map((r) => r.date)).toEqual(['2024-04-03']);
  });

  it('reports progress on the import.progress channel and announces data.changed', async () => {
    const seen: [string, unknown][] = [];
    backend.subscribe((event, payload) => seen.push([event, payload]));
    const id = security('NVDA');
    ok(await importFile('stooq_nvda_us_d.csv', read('stooq_nvda_us_d.csv'), id, { jobId: 'job-1' }));
    const phases = seen.filter(([e]) => e === 'import.progress').map(([, p]) => p as { jobId: string; phase: string; done: number; total: number });
    expect(phases.every((p) => p.jobId === 'job-1')).toBe(true);
    expect(phases[0]?.phase).toBe('reading');
    expect(phases.at(-1)).toEqual({ jobId: 'job-1', phase: 'done', done: 1009, total: 1009 });
    expect(seen.at(-1)).toEqual(['data.changed', { topics: ['prices'] }]);
  });

  it('a German monthly export previews and stays monthly once stored, its close named by meaning', async () => {
    const text = [
      '"Datum","Zuletzt","Eröffn.","Hoch","Tief","Vol.","+/- %"',
      '"März 2020","9.935,84","11.998,58","12.024,65","8.255,65","2,63B","-16,44%"',
      '"Feb. 2020","11.890,35","12.970,04","13.795,24","11.724,12","2,01B","-8,41%"',
      '"Jan. 2020","12.981,97","13.233,71","13.640,06","12.948,17","1,80B","-2,02%"',
      '"Dez. 2019","13.249,01","13.236,38","13.425,51","13.004,36","1,23B","0,10%"',
    ].join('\n');
    const p = await preview('DAX Historische Daten.csv', text);
    expect(p).toMatchObject({ interval: 'monthly', sourceLabel: 'Investing.com CSV', closeColumn: { meaning: 'Close', header: 'Zuletzt' } });
    const id = security('DAXM');
    ok(await importFile('DAX Historische Daten.csv', text, id));
    const series = ok<{ interval: string; count: number; firstDate: string }>(await backend.dispatch('prices.series', { securityId: id }));
    expect(series).toMatchObject({ interval: 'monthly', count: 4, firstDate: '2019-12-01' });
  });

  it('a plain table is not named as any export', async () => {
    expect((await preview('mine.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11\n')).sourceLabel).toBeNull();
    // Nasdaq.com writes "$227.85": a security created from this file defaults to USD
    expect((await preview('nasdaq-api_BABA.csv', read('nasdaq-api_BABA.csv'))).fileCurrency).toBe('USD');
  });

  it('deleteSeries removes the bars and the series record', async () => {
    const id = security('NVDA');
    ok(await importFile('stooq_nvda_us_d.csv', read('stooq_nvda_us_d.csv'), id));
    expect(ok(await backend.dispatch('prices.deleteSeries', { securityId: id }))).toEqual({ deleted: 1009 });
    expect(ok(await backend.dispatch('prices.series', { securityId: id }))).toBeNull();
  });
});
