import { localizedError } from '@shared/domain/common/errors';
import {
  decodePriceFileBytes,
  detectPriceFile,
  type PriceFileDetection,
  type TextEncoding,
} from '@shared/domain/prices';

/** A picked file after decoding and detection, before the rows are parsed (in the price import worker). */
export interface DecodedPriceFile {
  fileName: string;
  text: string;
  encoding: TextEncoding;
  sizeBytes: number;
  detection: PriceFileDetection;
}

/**
 * Decodes (encoding sniffed) and detects a price file. Throws AppError
 * (IMPORT_REJECTED / UNSUPPORTED_FILE) with a sentence for the user when the file
 * cannot be a price table: empty, header only, binary, no dates.
 */
export function decodePriceFile(fileName: string, bytes: Uint8Array): DecodedPriceFile {
  if (bytes.length === 0) throw localizedError('IMPORT_REJECTED', 'errors:prices.emptyFile', { fileName }, { file: fileName });
  const decoded = decodePriceFileBytes(bytes, fileName);
  const detection = detectPriceFile(decoded.text, fileName);
  return { fileName, text: decoded.text, encoding: decoded.encoding, sizeBytes: bytes.length, detection };
}
