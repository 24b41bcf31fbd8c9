import { isTickerHeader } from './column-roles';
import { RecordScanner } from './record-scanner';

/**
 * A guess at the ticker a price file belongs to, for pre-filling the import form.
 * What the file itself says (yfinance ticker row, a Ticker column, Alpha Vantage's
 * "2. Symbol") beats the file name, which users rename.
 */
export function suggestSymbol(fileName: string, text: string): string | null {
  return symbolInText(text) ?? symbolInFileName(fileName);
}

const TICKER = /^\^?[A-Z0-9][A-Z0-9&]{0,9}([.-][A-Z]{1,4})?(=X|=F)?$/;
const NOT_TICKERS = new Set(['CSV', 'TSV', 'JSON', 'TXT', 'DATA', 'USD', 'EUR', 'HKD', 'GBP', 'CNY', 'JPY', 'CHF', 'EN', 'DE', 'API', 'D']);
const CURRENCIES = new Set(['USD', 'EUR', 'HKD', 'GBP', 'CNY', 'CNH', 'JPY', 'CHF', 'AUD', 'CAD', 'SGD', 'NZD', 'SEK', 'NOK', 'DKK']);

export function symbolInFileName(fileName: string): string | null {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(csv|tsv|txt|json)$/i, '').replace(/\s*\(\d+\)$/, '');
  // Stooq names files <ticker>_<market>_<interval>: nvda_us_d
  const stooq = /(?:^|_)([a-z0-9.^-]+)_([a-z]{2})_[dwmq]$/.exec(base);
  if (stooq?.[1]) return stooq[1].toUpperCase();

  const tokens = base.split(/[_\s]+/).filter((t) => t !== '');
  // Investing names FX files like "USD_HKD Historical Data"
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] ?? '';
    const b = tokens[i + 1] ?? '';
    if (CURRENCIES.has(a) && CURRENCIES.has(b)) return `${a}${b}=X`;
  }
  const pick = (list: string[]): string | null => list.find((t) => TICKER.test(t) && !NOT_TICKERS.has(t) && /[A-Z]/.test(t) || /^\d{3,5}\.[A-Z]{1,3}$/.test(t)) ?? null;
  return pick(tokens) ?? pick(tokens.flatMap((t) => t.split('-')));
}

function symbolInText(text: string): string | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(head)) {
    const m = /"\d*\.?\s*symbol"\s*:\s*"([^"]+)"/i.exec(head);
    return m?.[1]?.trim() ?? null;
  }
  const delimiter = [',', ';', '\t', '|'].reduce((best, d) => (count(head, d) > count(head, best) ? d : best), ',');
  const scanner = new RecordScanner(head, delimiter);
  const rows: string[][] = [];
  while (rows.length < 4 && scanner.next()) if (!scanner.isBlank) rows.push(scanner.fields());
  const header = rows[0] ?? [];

  // yfinance: ",9988.HK,9988.HK,…" or "Ticker,^HSI,^HSI,…" below the names row
  for (const row of rows.slice(1, 3)) {
    const first = row[0] ?? '';
    if (first !== '' && !isTickerHeader(first)) continue;
    const values = row.slice(1).filter((v) => v.trim() !== '');
    const v = values[0]?.trim();
    if (v && values.every((x) => x.trim() === v) && !/^\d/.test(v.replace(/^\d{3,5}\.[A-Z]+$/, 'X'))) return v;
  }
  const tickerCol = header.findIndex(isTickerHeader);
  if (tickerCol >= 0) {
    const v = rows[1]?.[tickerCol]?.trim();
    if (v) return v;
  }
  return null;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
