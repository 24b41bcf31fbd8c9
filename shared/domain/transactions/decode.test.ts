import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { decodeTransactionFileBytes } from './decode';
import { detectTransactionColumns } from './mapping';
import { parseTransactions } from './parse-transactions';

function utf16le(text: string, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    bytes[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return bytes;
}

describe('decodeTransactionFileBytes', () => {
  const csv = 'Datum;Typ;ISIN;Anzahl;Kurs;Währung\n02.01.2024;Kauf;DE0007164600;10;120,50;EUR\n';

  it('reads a UTF-16 CSV with or without a BOM, so the type column is not empty on every line', () => {
    for (const bom of [true, false]) {
      const { text, encoding } = decodeTransactionFileBytes(utf16le(csv, bom), 'export.csv');
      expect(encoding).toBe('utf-16le');
      const r = parseTransactions(text, detectTransactionColumns(text).mapping);
      expect(r.errors).toEqual([]);
      // 10 × 120,50 = 1205 EUR
      expect(r.transactions).toEqual([expect.objectContaining({ type: 'buy', date: '2024-01-02', quantity: 10, price: 120.5, currency: 'EUR', isin: 'DE0007164600' })]);
    }
  });

  it('refuses a PNG at once', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeTransactionFileBytes(png, 'shot.png')).toThrow(AppError);
    expect(() => decodeTransactionFileBytes(png, 'shot.png')).toThrow("'shot.png' is a binary file (an image, archive or spreadsheet), not a text export.");
  });
});
