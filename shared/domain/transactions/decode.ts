import { AppError, localizedError } from '../common/errors';
import { decodePriceFileBytes, type TextEncoding } from '../prices/decode';

/**
 * The bytes of a transaction export as text, the way the price import reads them: a BOM,
 * NUL-byte patterns (UTF-16 without a BOM, as Excel's "Unicode text" saves), valid UTF-8,
 * else Windows-1252. Binary files (images, archives) are refused with UNSUPPORTED_FILE.
 */
export function decodeTransactionFileBytes(bytes: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  try {
    const decoded = decodePriceFileBytes(bytes, fileName);
    return { text: decoded.text, encoding: decoded.encoding };
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNSUPPORTED_FILE') {
      throw localizedError('UNSUPPORTED_FILE', 'errors:transactions.binaryFile', { fileName }, { file: fileName });
    }
    throw error;
  }
}
