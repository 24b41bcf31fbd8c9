import type { PriceAdjustment } from './adjustment';
import type { PriceFileMapping } from './mapping';

const SOURCE_LABELS: Record<PriceFileMapping['source'], string> = {
  'yahoo-download': 'Yahoo Finance CSV',
  'yfinance-history': 'yfinance history CSV',
  'yfinance-download': 'yfinance download CSV',
  investing: 'Investing.com CSV',
  nasdaq: 'Nasdaq.com CSV',
  stooq: 'Stooq CSV',
  'alpha-vantage': 'Alpha Vantage JSON',
  generic: 'CSV',
};

const DELIMITER_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** "Yahoo Finance CSV", "CSV (semicolon, decimal comma)", "JSON" … */
export function formatLabel(mapping: PriceFileMapping): string {
  if (mapping.kind === 'json') return mapping.source === 'alpha-vantage' ? SOURCE_LABELS['alpha-vantage'] : 'JSON';
  const base = SOURCE_LABELS[mapping.source];
  const notes: string[] = [];
  if (mapping.delimiter !== ',') notes.push(`${DELIMITER_WORDS[mapping.delimiter] ?? mapping.delimiter}-separated`);
  if (mapping.decimalSeparator === ',') notes.push('decimal comma');
  return notes.length > 0 ? `${base} (${notes.join(', ')})` : base;
}

/** The export the file was recognised as ("Stooq CSV"), or null when it is a plain table. */
export function sourceLabel(mapping: PriceFileMapping): string | null {
  if (mapping.kind === 'json') return mapping.source === 'alpha-vantage' ? SOURCE_LABELS['alpha-vantage'] : null;
  return mapping.source === 'generic' ? null : SOURCE_LABELS[mapping.source];
}

/**
 * What the close column means ("Close" or "Adj Close") and its header as the file writes it
 * ("Zuletzt", "Zamkniecie", or "column 5" in a file without headers), so the card can say
 * "Close (“Zuletzt”)" instead of repeating a foreign header as if it were a word.
 */
export function closeColumnMeaning(mapping: PriceFileMapping, headers: readonly string[]): { meaning: string; header: string } {
  return { meaning: mapping.closeFrom === 'adjClose' ? 'Adj Close' : 'Close', header: closeColumnName(mapping, headers) };
}

/** The header of the column that became `close`, e.g. "Close" or "Adj Close". */
export function closeColumnName(mapping: PriceFileMapping, headers: readonly string[]): string {
  if (mapping.kind === 'json') {
    return (mapping.closeFrom === 'adjClose' ? mapping.keys.adjClose : null) ?? mapping.keys.close;
  }
  const col = mapping.closeFrom === 'adjClose' && mapping.columns.adjClose !== null ? mapping.columns.adjClose : mapping.columns.close;
  const name = headers[col]?.trim();
  return name !== undefined && name !== '' ? name : `column ${col + 1}`;
}

const ADJUSTMENT_WORDS: Record<PriceAdjustment, string> = {
  split: 'split-adjusted',
  'split+dividend': 'split- and dividend-adjusted',
  none: 'unadjusted',
  unknown: 'adjustment not stated',
};

/**
 * The close prices in words, by meaning first: "split-adjusted Close",
 * "Close, adjustment not stated (column “Zuletzt”)", "Close (column 5)". The header is
 * added only when it is not already the English word, so a foreign or missing header
 * never reads as part of the sentence.
 */
export function describeClose(adjustment: PriceAdjustment, header: string | null): string {
  const written = (header ?? '').trim();
  const meaning = /adj/i.test(written) ? 'Adj Close' : 'Close';
  const known = adjustment !== 'unknown';
  const base = known ? `${ADJUSTMENT_WORDS[adjustment]} ${meaning}` : `${meaning}, ${ADJUSTMENT_WORDS[adjustment]}`;
  if (written === '' || written.toLowerCase() === meaning.toLowerCase()) return base;
  return /^column \d+$/.test(written) ? `${base} (${written})` : `${base} (column “${written}”)`;
}
