/**
 * Spreadsheets run a cell that starts with = + - @ or a tab/CR as a formula, so an exported
 * note such as `=HYPERLINK(…)` would become a live link or command (CSV injection). Such text
 * is written with a leading apostrophe, which Excel, LibreOffice and Numbers show as plain text.
 * Plain negative numbers ("-12.5") stay as they are: they are data, not formulas.
 */
const FORMULA_START = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse for Tickerline's own files, so an export re-imports to exactly what was stored. */
export function restoreNeutralized(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One RFC 4180 cell: formula-safe, quoted when it holds a delimiter, quote, line break or edge space. */
export function csvTextCell(text: string): string {
  const safe = neutralizeFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
