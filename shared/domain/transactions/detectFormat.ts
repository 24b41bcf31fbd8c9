import { AppError } from '../common/errors';
import { readCsvTable } from './csv';
import type { ImportResult } from './importedTransaction';
import { detectTransactionColumns, type ColumnDetection, type TransactionMapping } from './mapping';
import { parseTransactions } from './parseTransactions';
import { ghostfolioPreset } from './presets/ghostfolio';
import { ibkrFlexTradesPreset } from './presets/ibkr';
import type { PresetId, TransactionPreset } from './presets/preset';
import { schwabPreset } from './presets/schwab';
import { tickerlinePreset } from './presets/tickerline';

export const TRANSACTION_PRESETS: readonly TransactionPreset[] = [
  tickerlinePreset,
  ibkrFlexTradesPreset,
  schwabPreset,
  ghostfolioPreset,
];

export type FormatDetection =
  | { kind: 'preset'; presetId: PresetId; label: string }
  | { kind: 'generic'; columns: ColumnDetection }
  | { kind: 'unsupported'; message: string };

/** Title lines a broker may put above the header; a header further down is not one. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Recognises a known format by its header row; anything else gets a suggested
 * column mapping for the user to confirm. The file name only rules out files
 * that are not CSV at all (Flex XML, Ghostfolio JSON, PDF text).
 */
export function detectTransactionFormat(text: string, fileName: string): FormatDetection {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const start = text.trimStart();
  if (['xml', 'json', 'pdf', 'xlsx', 'xls'].includes(extension) || start.startsWith('<') || start.startsWith('{')) {
    return {
      kind: 'unsupported',
      message: `'${fileName}' is not a CSV file. Export your transactions as CSV (for Interactive Brokers: a Flex Query in CSV format).`,
    };
  }
  for (const preset of TRANSACTION_PRESETS) {
    const table = readCsvTable(text, { isHeader: preset.isHeader });
    if (table.header && table.preamble.length < HEADER_SEARCH_ROWS) {
      return { kind: 'preset', presetId: preset.id, label: preset.label };
    }
  }
  return { kind: 'generic', columns: detectTransactionColumns(text) };
}

/**
 * Reads a file with its preset, or with `mapping` (the confirmed generic mapping).
 * Throws UNSUPPORTED_FILE for files that are not CSV and VALIDATION when a generic
 * file arrives without a mapping, since guessing silently could misread amounts.
 */
export function importTransactionFile(text: string, fileName: string, mapping?: TransactionMapping): ImportResult {
  if (text.trim() === '') return { transactions: [], cash: [], errors: [{ line: 1, field: 'row', message: 'The file is empty.' }], skipped: [] };
  const detection = detectTransactionFormat(text, fileName);
  if (detection.kind === 'unsupported') throw new AppError('UNSUPPORTED_FILE', detection.message, { file: fileName });
  if (detection.kind === 'preset') {
    const preset = TRANSACTION_PRESETS.find((p) => p.id === detection.presetId) as TransactionPreset;
    return preset.parse(text);
  }
  if (!mapping) {
    throw new AppError('VALIDATION', `Tickerline does not know the format of '${fileName}'. Confirm which column holds what.`, {
      file: fileName,
    });
  }
  return parseTransactions(text, mapping);
}
