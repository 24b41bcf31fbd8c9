import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/api/export';
import type { CallResult } from '@shared/api/transport';
import { seedFromFixtures } from '../backup/fixture-seed';
import { tempBackend } from '../testing/temp-backend';
import { csvCell } from './tables';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
  seedFromFixtures(backend.db);
});
afterEach(() => backend.dispose());

async function exportAll(format: 'json' | 'csv'): Promise<ExportedFile[]> {
  const result: CallResult = await backend.dispatch('export.all', { format });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { files: ExportedFile[] }).files;
}

describe('export.all', () => {
  it('writes everything into one JSON document with every table', async () => {
    await backend.dispatch('settings.update', { baseCurrency: 'HKD' });
    const [file, ...rest] = await exportAll('json');
    expect(rest).toEqual([]);
    expect(file?.fileName).toBe('tickerline-2026-11-26.json');
    const doc = JSON.parse(file!.content) as { format: string; tables: Record<string, Record<string, unknown>[]> };
    expect(doc.format).toBe('tickerline-export');
    expect(doc.tables.price_bars).toHaveLength(1009);
    expect(doc.tables.news_events).toHaveLength(99);
    expect(doc.tables.settings).toEqual([{ key: 'baseCurrency', value: '"HKD"' }]);
    // First stooq line: 2022-01-03,29.7655,30.6604,29.7357,30.0711,393055570 → epoch day 18995
    expect(doc.tables.price_bars![0]).toMatchObject({ day: 18995, open: 29.7655, close: 30.0711, volume: 393055570 });
    // 1 security + 1,009 bars + 99 headlines + 1 setting + the default account = 1,111 rows
    expect(file?.rows).toBe(1111);
  });

  it('writes one CSV per table that a spreadsheet reads back exactly', async () => {
    const files = await exportAll('csv');
    const bars = files.find((f) => f.table === 'price_bars')!;
    expect(bars.fileName).toBe('tickerline-2026-11-26-price-bars.csv');
    const lines = bars.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFsecurity_id,day,open,high,low,close,adj_close,volume');
    expect(lines[1]).toBe('1,18995,29.7655,30.6604,29.7357,30.0711,,393055570');
    expect(lines).toHaveLength(1 + 1009 + 1); // header, rows, empty after the final CRLF
    // A headline with commas is quoted: the GraniteShares line of the fixture.
    const news = files.find((f) => f.table === 'news_events')!;
    expect(news.content).toContain(',"GraniteShares Announces Weekly Distributions for its YieldBOOST ETFs: COYY, TSYY,');
    expect(news.rows).toBe(99);
    expect(files.every((f) => f.mimeType === 'text/csv')).toBe(true);
  });

  it('quotes, escapes and defuses spreadsheet formulas in text cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('-12.5')).toBe('-12.5'); // a negative number stored as text stays a number
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004'); // shortest round-trip text, nothing lost
  });
});
