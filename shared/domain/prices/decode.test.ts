import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { decodePriceFileBytes } from './decode';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/prices/`;
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + name));

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (code: number): void => {
    out[o++] = bigEndian ? code >> 8 : code & 0xff;
    out[o++] = bigEndian ? code & 0xff : code >> 8;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

/** Latin-1 subset of Windows-1252: enough for "Eröffn." and the other German headers. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (c > 0xff) throw new Error('not latin-1');
    return c;
  });
}

describe('decodePriceFileBytes', () => {
  const dax = new TextDecoder().decode(bytesOf('investing-de_DAX-futures_daily_2021-10_2021-11.csv'));

  it('strips the UTF-8 BOM of Investing.com exports', () => {
    const d = decodePriceFileBytes(bytesOf('investing-en_HSI.csv'));
    expect(d.encoding).toBe('utf-8');
    expect(d.hadBom).toBe(true);
    expect(d.text.startsWith('"Date","Price"')).toBe(true);
  });

  it('reads UTF-8 without BOM, keeping the ö of "Eröffn."', () => {
    const d = decodePriceFileBytes(bytesOf('investing-de_DAX-futures_daily_2021-10_2021-11.csv'));
    expect(d).toEqual({ text: dax, encoding: 'utf-8', hadBom: false });
    expect(d.text).toContain('"Eröffn."');
  });

  it.each([
    ['utf-16le', false, true],
    ['utf-16be', true, true],
    ['utf-16le', false, false],
    ['utf-16be', true, false],
  ] as const)('reads %s (BOM: %s)', (encoding, bigEndian, bom) => {
    const d = decodePriceFileBytes(utf16(dax, bigEndian, bom));
    expect(d.encoding).toBe(encoding);
    expect(d.hadBom).toBe(bom);
    expect(d.text).toBe(dax);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = latin1(dax);
    // "ö" is the single byte 0xF6 here, which is invalid UTF-8
    expect(bytes.includes(0xf6)).toBe(true);
    const d = decodePriceFileBytes(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(dax);
  });

  it('rejects binary data with UNSUPPORTED_FILE', () => {
    // a PNG signature followed by pseudo-random bytes (deterministic LCG)
    const garbage = new Uint8Array(4096);
    garbage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let x = 12345;
    for (let i = 8; i < garbage.length; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      garbage[i] = x >> 16;
    }
    let error: unknown;
    try {
      decodePriceFileBytes(garbage, 'chart.png');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSUPPORTED_FILE');
    expect((error as AppError).message).toContain('"chart.png" is not a price table');
  });

  it('rejects text full of control characters even without NUL bytes', () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodePriceFileBytes(bytes)).toThrow(/not a price table/);
  });
});
