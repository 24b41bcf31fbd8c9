import { localizedError, type AppError } from '../common/errors';
import type { TextDecoderConstructor } from './text-decoder';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string; // without byte-order mark
  encoding: TextEncoding;
  hadBom: boolean;
}

const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

/** How many leading bytes the sniffing heuristics look at; enough for dozens of lines. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Turns the bytes a user dropped into text. Spreadsheet programs save CSV as UTF-8,
 * UTF-16 (Excel "Unicode text") or the Windows code page, and rarely say which, so the
 * encoding is inferred from the BOM, then from where NUL bytes sit, then from whether
 * the bytes are valid UTF-8.
 */
export function decodePriceFileBytes(bytes: Uint8Array, fileName = ''): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return checked({ text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', hadBom: true }, fileName);
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return checked({ text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', hadBom: true }, fileName);
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return checked({ text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', hadBom: true }, fileName);
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) return checked({ text: decode(utf16, bytes), encoding: utf16, hadBom: false }, fileName);

  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw unsupported(fileName);

  try {
    const text = new Decoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return checked({ text, encoding: 'utf-8', hadBom: false }, fileName);
  } catch {
    return checked({ text: decode('windows-1252', bytes), encoding: 'windows-1252', hadBom: false }, fileName);
  }
}

function decode(label: TextEncoding, bytes: Uint8Array): string {
  return new Decoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * Text in UTF-16 without a BOM shows up as ASCII letters interleaved with NUL bytes:
 * NULs at odd offsets mean little-endian, at even offsets big-endian.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Real price files are text; many control characters mean the user picked the wrong file. */
function checked(decoded: DecodedText, fileName: string): DecodedText {
  const end = Math.min(decoded.text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = decoded.text.charCodeAt(i);
    if (c === 0) throw unsupported(fileName);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) controls++;
  }
  if (controls > 8 && controls > end * 0.01) throw unsupported(fileName);
  return decoded;
}

/** A file with binary data in it: not a price table. */
function unsupported(fileName: string): AppError {
  const name = fileName === '' ? { key: 'errors:prices.thisFile' as const } : { key: 'errors:prices.quoted' as const, params: { fileName } };
  return localizedError('UNSUPPORTED_FILE', 'errors:prices.notPriceTable', { name }, { file: fileName });
}
