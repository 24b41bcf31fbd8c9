/** Small cell-level rules every reader of transaction files shares. */

const ISIN = /^[A-Z]{2}[A-Z0-9]{9}\d$/;

export function isIsin(value: string): boolean {
  return ISIN.test(value.trim().toUpperCase());
}

/** 'usd' → 'USD', 'RMB' → 'CNY'; anything but three letters is not a currency code. */
export function currencyCode(raw: string): string | null {
  // Most cells already are a code ('EUR'): looked at letter by letter, with no trimmed or upper-case copy per cell.
  const code = isThreeCapitals(raw) ? raw : raw.trim().toUpperCase();
  if (!isThreeCapitals(code)) return null;
  return ALIASES.get(code) ?? code;
}

function isThreeCapitals(s: string): boolean {
  return s.length === 3 && isCapital(s.charCodeAt(0)) && isCapital(s.charCodeAt(1)) && isCapital(s.charCodeAt(2));
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * Names brokers write for a currency that are not its ISO code. A Map, not an object: looking a cell's text
 * up as a property name first finds or makes its one interned copy, a cost paid on every line of a large file.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['RMB', 'CNY'],
  ['CNH', 'CNY'],
  ['NTD', 'TWD'],
  ['SFR', 'CHF'],
]);
const SIGNS: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', HK$: 'HKD', 'C$': 'CAD', 'A$': 'AUD', 'FR.': 'CHF', 'SFR.': 'CHF' };
/** Minor units quoted as their own currency: pence, South African cents, agorot. */
const MINOR: Record<string, { code: string; divisor: number }> = { GBX: { code: 'GBP', divisor: 100 }, ZAC: { code: 'ZAR', divisor: 100 }, ILA: { code: 'ILS', divisor: 100 } };

/**
 * The currency a cell names and what its amounts must be divided by: 'GBp' and 'GBX' are
 * pence, so 496 GBX is 4.96 GBP. Case matters only for 'GBp' (pence) against 'GBP' (pounds).
 * '-' or empty is no currency.
 */
export function currencyUnit(raw: string): { code: string; divisor: number } | null {
  const text = raw.trim();
  if (text === '' || text === '-') return null;
  if (text === 'GBp' || text === 'GBX' || text.toUpperCase() === 'GBX') return { code: 'GBP', divisor: 100 };
  const upper = text.toUpperCase();
  const minor = MINOR[upper];
  if (minor) return minor;
  const sign = SIGNS[upper];
  if (sign) return { code: sign, divisor: 1 };
  const code = currencyCode(text);
  return code === null ? null : { code, divisor: 1 };
}

/** '' and '-' (how many exports write "nothing") are no value. */
export function emptyToNull(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  return value === '' || value === '-' || value === '--' ? null : value;
}

/** Summary lines brokers append after the data ('Transactions Total', 'Total mouvements: …', '*** Fin …'). */
export function isFooterRow(cells: readonly string[]): boolean {
  const first = (cells[0] ?? '').trim().toLowerCase();
  return /^(transactions total|total\b|totals\b|summe\b|somme\b|gesamt\b|\*{3})/.test(first);
}

/**
 * The one copy of each distinct value: a 200,000-line statement names a few dozen securities, days and
 * currencies over and over, and its rows are kept until the import is stored. Sharing the copies keeps the
 * rows small, so the collector has less to move. Only for values that repeat; a broker's per-line id does not.
 */
export function stringPool(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}
