/**
 * What each column of a price file holds, recognised from its header in the languages
 * and spellings exports use. Unrecognised columns (Change %, Dividends, Stock Splits,
 * Bid, Ask, …) are simply not mapped.
 */
export const PRICE_COLUMN_ROLES = ['date', 'open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
export type PriceColumnRole = (typeof PRICE_COLUMN_ROLES)[number];

/** Column index per role; null when the file has no such column. */
export interface ColumnMapping {
  date: number;
  close: number;
  open: number | null;
  high: number | null;
  low: number | null;
  adjClose: number | null;
  volume: number | null;
}

/** Lower-case, without punctuation, spaces or Alpha Vantage's "4. " numbering. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/^\d+\.\s*/, '')
    .replace(/[\s._\-/()%+:*"'$€]/g, '');
}

/** Names that certainly mean the role (rank 1), and weaker aliases (rank 2). */
const NAMES: Record<PriceColumnRole, [strong: string[], weak: string[]]> = {
  date: [['date', 'datum', 'datetime', 'timestamp', 'tradedate', 'fecha', 'data', 'day', 'dates', 'datum'], ['time', 'zeit', 't']],
  open: [['open', 'openprice', 'opening', 'eröffn', 'eröffnung', 'eroeffn', 'ouverture', 'apertura', 'eerste', 'otwarcie'], ['o', 'erster']],
  high: [['high', 'highprice', 'hoch', 'haut', 'plushaut', 'máximo', 'maximo', 'massimo', 'hoog', 'najwyzszy', 'najwyższy'], ['h', 'max']],
  low: [['low', 'lowprice', 'tief', 'bas', 'plusbas', 'mínimo', 'minimo', 'laag', 'najnizszy', 'najniższy'], ['l', 'min']],
  close: [
    ['close', 'closeprice', 'closelast', 'closing', 'schluss', 'schlusskurs', 'clôture', 'cloture', 'cierre', 'chiusura', 'slot', 'zamkniecie', 'zamknięcie'],
    ['price', 'last', 'lastprice', 'zuletzt', 'kurs', 'último', 'ultimo', 'c'],
  ],
  adjClose: [['adjclose', 'adjustedclose', 'adjclosingprice', 'adjustedcloseprice'], ['adjusted']],
  volume: [['volume', 'vol', 'volumen', 'volumeshares', 'sharestraded', 'totalvolume', 'wolumen'], ['v', 'umsatz', 'stück', 'stueck']],
};

export function roleRank(normalized: string, role: PriceColumnRole): 0 | 1 | 2 {
  const [strong, weak] = NAMES[role];
  if (strong.includes(normalized)) return 1;
  if (weak.includes(normalized)) return 2;
  return 0;
}

/**
 * Assigns columns to roles from one or more header rows (yfinance writes names on one
 * row and 'Date' on a third). Strong names win over aliases, so 'Price' in the yfinance
 * 'Price,Close,…' row does not take the close role from 'Close'.
 */
export function assignRoles(headerRows: readonly (readonly string[])[]): Partial<Record<PriceColumnRole, number>> {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const names: string[][] = [];
  for (let col = 0; col < width; col++) {
    names.push(headerRows.map((r) => normalizeHeader(r[col] ?? '')).filter((n) => n !== ''));
  }
  const taken = new Set<number>();
  const result: Partial<Record<PriceColumnRole, number>> = {};
  // date first (so 'Price' over a 'Date' column is not read as close), adjClose before close
  const order: PriceColumnRole[] = ['date', 'adjClose', 'open', 'high', 'low', 'close', 'volume'];
  for (const rank of [1, 2] as const) {
    for (const role of order) {
      if (result[role] !== undefined) continue;
      for (let col = 0; col < width; col++) {
        if (taken.has(col)) continue;
        if ((names[col] ?? []).some((n) => roleRank(n, role) === rank)) {
          result[role] = col;
          taken.add(col);
          break;
        }
      }
    }
  }
  return result;
}

export function isTickerHeader(name: string): boolean {
  const n = normalizeHeader(name);
  return n === 'ticker' || n === 'symbol' || n === 'code' || n === 'instrument';
}
