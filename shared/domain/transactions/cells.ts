/** Small cell-level rules every reader of transaction files shares. */

const ISIN = /^[A-Z]{2}[A-Z0-9]{9}\d$/;

export function isIsin(value: string): boolean {
  return ISIN.test(value.trim().toUpperCase());
}

/** 'usd' → 'USD'; anything but three letters is not a currency code. */
export function currencyCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

export function emptyToNull(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  return value === '' ? null : value;
}

/** Summary lines brokers append after the data ('Transactions Total', 'Total mouvements: …', '*** Fin …'). */
export function isFooterRow(cells: readonly string[]): boolean {
  const first = (cells[0] ?? '').trim().toLowerCase();
  return /^(transactions total|total\b|totals\b|summe\b|somme\b|gesamt\b|\*{3})/.test(first);
}
