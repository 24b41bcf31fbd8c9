import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { detectTransactionFormat, importTransactionFile } from './detect-format';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const detect = (name: string): string => {
  const d = detectTransactionFormat(readFileSync(FIXTURES + name, 'utf8'), name);
  return d.kind === 'preset' ? d.presetId : d.kind;
};

describe('detectTransactionFormat', () => {
  it('recognises the presets by header, with or without a title row', () => {
    expect(detect('ibkr-flex-trades_minimal.csv')).toBe('ibkr-flex-trades');
    expect(detect('ibkr-flex-trades_vti.csv')).toBe('ibkr-flex-trades');
    expect(detect('schwab_transactions_with-title-row.csv')).toBe('schwab');
    expect(detect('schwab_transactions_no-title-row.csv')).toBe('schwab');
    expect(detect('schwab_transactions_plain.csv')).toBe('schwab');
    expect(detect('ghostfolio_activities_sample.csv')).toBe('ghostfolio');
  });

  it('falls back to a suggested mapping for other CSVs and refuses XML/JSON it does not know', () => {
    expect(detect('revolut_invest.csv')).toBe('generic');
    expect(detect('ibkr-flex_01_trades-fx-corpactions.xml')).toBe('ibkr-flex-xml');
    expect(detectTransactionFormat('<html><body/></html>', 'page.xml').kind).toBe('unsupported');
    expect(detectTransactionFormat('{"a":1}', 'data.json').kind).toBe('unsupported');
  });

  it('refuses binary files at once, saying what they are', () => {
    // A PNG read as UTF-8: the 0x89 signature byte becomes U+FFFD, then 'PNG', CR LF, SUB…
    const png = '\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';
    expect(detectTransactionFormat(png, 'screenshot.csv')).toEqual({
      kind: 'unsupported',
      message: "'screenshot.csv' is a PNG image, not a text export. Choose the CSV, XML or JSON file your broker or tracker exported.",
      key: 'errors:transactions.notText',
      params: { fileName: 'screenshot.csv', kind: { key: 'errors:transactions.kind.png' } },
    });
    expect(detectTransactionFormat('%PDF-1.7\n...', 'statement.csv').kind).toBe('unsupported');
    expect(detectTransactionFormat('a,b\u0000c', 'x.csv').kind).toBe('unsupported');
  });
});

describe('importTransactionFile', () => {
  it('reads a preset file directly', () => {
    const text = readFileSync(FIXTURES + 'ibkr-flex-trades_vti.csv', 'utf8');
    expect(importTransactionFile(text, 'vti.csv').transactions).toHaveLength(1);
  });

  it('throws AppError for non-CSV files and for generic files without a confirmed mapping', () => {
    expect(() => importTransactionFile('<html></html>', 'page.xml')).toThrow(AppError);
    try {
      importTransactionFile('Date;Type\n2024-01-01;Buy\n', 'other.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION');
      expect((e as AppError).details).toEqual({ file: 'other.csv' });
    }
  });

  it('reports empty and header-only preset files as errors', () => {
    expect(importTransactionFile('\uFEFF\n\n', 'x.csv')).toMatchObject({
      transactions: [], cash: [], skipped: [], errors: [{ line: 1, field: 'row', message: 'The file is empty.' }],
    });
    const header = '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n';
    expect(importTransactionFile(header, 'schwab.csv').errors).toEqual([
      { line: 1, field: 'row', message: 'The file has a header but no transactions.', key: 'errors:importLine.headerNoRows' },
    ]);
  });
});
