import { fromEpochDay } from '../common/dates';
import { localizedError } from '../common/errors';
import type { PriceBar } from '../securities/security';
import { adjustmentOf, type CloseAdjustment } from './adjustment';
import { detectDelimited } from './detect-delimited';
import { detectJsonPriceFile, parseJsonPrices } from './json-prices';
import type { PriceFileDetection, PriceFileMapping } from './mapping';
import { parseDelimited } from './parse-delimited';
import { columnsToBars, type PriceColumns, type PriceParseStats, type RejectedRow } from './price-columns';
import { symbolInFileName, suggestSymbol } from './symbol';

/**
 * Entry points of the price import: detect → (user confirms) → parse. Both take text;
 * decodePriceFileBytes turns dropped bytes into text first.
 */

export interface PriceColumnsResult {
  columns: PriceColumns;
  rejected: RejectedRow[];
  stats: PriceParseStats;
  adjustment: CloseAdjustment;
}

export interface PriceFileResult {
  bars: PriceBar[]; // oldest first
  rejected: RejectedRow[];
  stats: PriceParseStats;
  adjustment: CloseAdjustment;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function detectPriceFile(text: string, fileName: string): PriceFileDetection {
  const body = withoutBom(text);
  if (body.trim() === '') {
    throw localizedError('IMPORT_REJECTED', 'errors:prices.emptyFile', { fileName }, { file: fileName });
  }
  if (/^\s*[[{]/.test(body)) return detectJsonPriceFile(body, fileName, symbolInFileName(fileName));
  return detectDelimited(body, fileName, suggestSymbol(fileName, body));
}

/** Columnar result for the storage layer: no per-row objects, oldest first. Intraday files keep one row per bar. */
export function parsePriceFileColumns(text: string, mapping: PriceFileMapping): PriceColumnsResult {
  const body = withoutBom(text);
  if (body.trim() === '') throw localizedError('IMPORT_REJECTED', 'errors:prices.fileEmpty');
  const outcome = mapping.kind === 'json' ? parseJsonPrices(body, mapping) : parseDelimited(body, mapping);
  const c = outcome.columns;
  if (c.length === 0 && outcome.rejected.length === 0) {
    throw localizedError('IMPORT_REJECTED', 'errors:prices.headersNoRows', undefined, { firstDataLine: mapping.kind === 'delimited' ? mapping.firstDataLine : null });
  }
  const stats: PriceParseStats = {
    ...outcome.stats,
    firstDate: c.length > 0 ? fromEpochDay(c.epochDay[0] ?? 0) : null,
    lastDate: c.length > 0 ? fromEpochDay(c.epochDay[c.length - 1] ?? 0) : null,
  };
  return { columns: c, rejected: outcome.rejected, stats, adjustment: adjustmentOf(mapping) };
}

/** Daily bars as PriceBar objects. Intraday files must go through aggregateIntradayToDaily. */
export function parsePriceFile(text: string, mapping: PriceFileMapping): PriceFileResult {
  if (mapping.intraday) {
    throw localizedError('VALIDATION', 'errors:prices.intradayParse', undefined, { intraday: true });
  }
  const result = parsePriceFileColumns(text, mapping);
  return { bars: columnsToBars(result.columns), rejected: result.rejected, stats: result.stats, adjustment: result.adjustment };
}
