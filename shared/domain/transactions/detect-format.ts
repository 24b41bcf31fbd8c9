import { keyedText, localizedError, textError, type ErrorText } from '../common/errors';
import { isBlank, readCsvTable } from './csv';
import type { ImportResult } from './imported-transaction';
import { detectTransactionColumns, type ColumnDetection, type TransactionMapping } from './mapping';
import { parseTransactions } from './parse-transactions';
import { buxPreset } from './presets/bux';
import { degiroPreset } from './presets/degiro';
import { directaPreset } from './presets/directa';
import { etoroPreset } from './presets/etoro';
import { finpensionPreset } from './presets/finpension';
import { freetradePreset } from './presets/freetrade';
import { ghostfolioPreset } from './presets/ghostfolio';
import { ghostfolioJsonPreset } from './presets/ghostfolio-json';
import { ibkrFlexTradesPreset } from './presets/ibkr';
import { ibkrFlexXmlPreset } from './presets/ibkr-xml';
import { ibkrFlexCashPreset } from './presets/ibkr-cash';
import type { PresetId, TransactionPreset } from './presets/preset';
import { investEnginePreset } from './presets/investengine';
import { parqetPreset } from './presets/parqet';
import { portfolioPerformancePreset } from './presets/portfolio-performance';
import { rabobankPreset } from './presets/rabobank';
import { releveFrPreset } from './presets/releve-fr';
import { schwabPreset } from './presets/schwab';
import { tickerlinePreset } from './presets/tickerline';
import { trading212Preset } from './presets/trading212';
import { wealthfolioPreset } from './presets/wealthfolio';

export const TRANSACTION_PRESETS: readonly TransactionPreset[] = [
  tickerlinePreset,
  ibkrFlexTradesPreset,
  schwabPreset,
  ghostfolioPreset,
  degiroPreset,
  ibkrFlexXmlPreset,
  trading212Preset,
  ghostfolioJsonPreset,
  ibkrFlexCashPreset,
  etoroPreset,
  parqetPreset,
  freetradePreset,
  investEnginePreset,
  buxPreset,
  finpensionPreset,
  directaPreset,
  releveFrPreset,
  rabobankPreset,
  portfolioPerformancePreset,
  wealthfolioPreset,
];

export type FormatDetection =
  | { kind: 'preset'; presetId: PresetId; label: string; language?: string }
  | { kind: 'generic'; columns: ColumnDetection }
  | ({ kind: 'unsupported'; message: string } & ErrorText);

/** Title lines a broker may put above the header; a header further down is not one. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Recognises a known format by its header row; anything else gets a suggested
 * column mapping for the user to confirm. The file name only rules out files
 * that are not CSV at all (Flex XML, Ghostfolio JSON, PDF text).
 */
export function detectTransactionFormat(text: string, fileName: string, options: { locale?: string | null } = {}): FormatDetection {
  const binary = binaryKind(text);
  if (binary !== null) {
    return { kind: 'unsupported', ...keyedText('errors:transactions.notText', { fileName, kind: { key: BINARY_KINDS[binary] } }) };
  }
  for (const preset of TRANSACTION_PRESETS) {
    if (!recognised(preset, text)) continue;
    const language = preset.language?.(text) ?? null;
    return language === null
      ? { kind: 'preset', presetId: preset.id, label: preset.label }
      : { kind: 'preset', presetId: preset.id, label: preset.label, language };
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const start = text.trimStart();
  if (['xml', 'json', 'pdf', 'xlsx', 'xls'].includes(extension) || start.startsWith('<') || start.startsWith('{') || start.startsWith('[')) {
    return { kind: 'unsupported', ...keyedText('errors:transactions.notCsv', { fileName }) };
  }
  const columns = detectTransactionColumns(text, options);
  if (columns.headers.filter((h) => h !== '').length < 2) {
    return { kind: 'unsupported', ...keyedText('errors:transactions.noTable', { fileName }) };
  }
  return { kind: 'generic', columns };
}

/** The first lines of a file, where a header must be: recognising a 200,000-line file reads only these. */
function headOf(text: string, lines: number): string {
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at + 1);
}

function recognised(preset: TransactionPreset, text: string): boolean {
  if (preset.recognise) return preset.recognise(text);
  const table = readCsvTable(headOf(text, HEADER_SEARCH_ROWS + 2), { isHeader: preset.isHeader });
  return table.header !== null && table.preamble.length < HEADER_SEARCH_ROWS;
}

/** Signatures of files users pick by mistake; checked on the decoded text's first characters. */
type BinaryKind = 'png' | 'jpeg' | 'pdf' | 'gif' | 'zip' | 'binary';
const BINARY_KINDS = {
  png: 'errors:transactions.kind.png',
  jpeg: 'errors:transactions.kind.jpeg',
  pdf: 'errors:transactions.kind.pdf',
  gif: 'errors:transactions.kind.gif',
  zip: 'errors:transactions.kind.zip',
  binary: 'errors:transactions.kind.binary',
} as const satisfies Record<BinaryKind, string>;

const SIGNATURES: readonly [RegExp, BinaryKind][] = [
  [/^\uFFFDPNG|^\u0089PNG|^‰PNG/, 'png'],
  [/^\uFFFD\uFFFD\uFFFD|^ÿØÿ/, 'jpeg'],
  [/^%PDF-/, 'pdf'],
  [/^GIF8/, 'gif'],
];

/**
 * Binary files decoded as text: a known signature, a NUL character, or more than one in
 * twenty of the first characters being control or replacement characters.
 */
export function binaryKind(text: string): BinaryKind | null {
  const head = text.slice(0, 4096);
  for (const [pattern, kind] of SIGNATURES) if (pattern.test(head)) return kind;
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return 'binary';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) odd++;
  }
  return head.length > 0 && odd * 20 > head.length ? 'binary' : null;
}

/**
 * Reads a file with its preset, or with `mapping` (the confirmed generic mapping).
 * Throws UNSUPPORTED_FILE for files that are not CSV and VALIDATION when a generic
 * file arrives without a mapping, since guessing silently could misread amounts.
 */
export function importTransactionFile(text: string, fileName: string, mapping?: TransactionMapping, options: { locale?: string | null } = {}): ImportResult {
  if (isBlank(text)) return { transactions: [], cash: [], errors: [{ line: 1, field: 'row', ...keyedText('errors:importLine.fileEmpty') }], skipped: [] };
  const detection = detectTransactionFormat(text, fileName, options);
  if (detection.kind === 'unsupported') throw textError('UNSUPPORTED_FILE', detection, { file: fileName });
  if (detection.kind === 'preset') {
    const preset = TRANSACTION_PRESETS.find((p) => p.id === detection.presetId) as TransactionPreset;
    return preset.parse(text);
  }
  if (!mapping) {
    throw localizedError('VALIDATION', 'errors:transactions.unknownFormat', { fileName }, { file: fileName });
  }
  return parseTransactions(text, mapping);
}
