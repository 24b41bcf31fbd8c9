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

/** The header of the column that became `close`, e.g. "Close" or "Adj Close". */
export function closeColumnName(mapping: PriceFileMapping, headers: readonly string[]): string {
  if (mapping.kind === 'json') {
    return (mapping.closeFrom === 'adjClose' ? mapping.keys.adjClose : null) ?? mapping.keys.close;
  }
  const col = mapping.closeFrom === 'adjClose' && mapping.columns.adjClose !== null ? mapping.columns.adjClose : mapping.columns.close;
  const name = headers[col]?.trim();
  return name !== undefined && name !== '' ? name : `column ${col + 1}`;
}
