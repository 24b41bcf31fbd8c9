import { csvTextCell } from '../common/csv-cell';
import { localizedError } from '../common/errors';
import type { ImportedCashTransaction, ImportedTransaction } from './imported-transaction';
import { TICKERLINE_HEADER } from './presets/tickerline';

/**
 * A transaction as the app exports it: resolved back to what its security is called. A security
 * transfer between accounts is a transfer-out / transfer-in line naming the other account.
 */
export type ExportableTransaction = Omit<ImportedTransaction, 'line' | 'type'> & {
  type: ImportedTransaction['type'] | 'transfer-out' | 'transfer-in';
  counterAccount?: string | null;
};

/** A cash line as the app exports it; amounts as exact decimal text. */
export type ExportableCash = Omit<ImportedCashTransaction, 'line' | 'amount' | 'counterAmount'> & { amount: string; counterAmount: string | null };

/**
 * Writes Tickerline's own CSV (RFC 4180: CRLF, quotes doubled, formula-leading text
 * neutralized for spreadsheets, ISO dates, '.'
 * decimals, numbers in shortest exact form so they read back bit for bit).
 * Rows without an externalId get a stable one, so importing the file again, into
 * this or another portfolio, recognises every row it already has.
 */
export function exportTransactionsCsv(rows: readonly ExportableTransaction[], cash: readonly ExportableCash[] = []): string {
  const ids = assignStableIds(rows);
  const lines = [TICKERLINE_HEADER.join(',')];
  rows.forEach((t, i) => {
    lines.push(
      [
        t.date,
        t.type,
        t.symbol ?? '',
        t.isin ?? '',
        t.name ?? '',
        formatNumber(t.quantity, 'quantity'),
        formatNumber(t.price, 'price'),
        t.currency,
        formatNumber(t.fees, 'fees'),
        t.splitRatio ? formatNumber(t.splitRatio.from, 'splitRatio') : '',
        t.splitRatio ? formatNumber(t.splitRatio.to, 'splitRatio') : '',
        t.note,
        ids[i] ?? '',
        formatNumber(t.taxes, 'taxes'),
        t.account ?? '',
        '',
        '',
        '',
        t.counterAccount ?? '',
      ]
        .map(csvTextCell)
        .join(','),
    );
  });
  const cashIds = assignStableCashIds(cash);
  cash.forEach((c, i) => {
    lines.push(
      [
        c.date,
        c.type,
        c.symbol ?? '',
        c.isin ?? '',
        c.name ?? '',
        '',
        '',
        c.currency,
        '',
        '',
        '',
        c.note,
        cashIds[i] ?? '',
        '',
        c.account ?? '',
        c.amount,
        c.counterAmount ?? '',
        c.counterCurrency ?? '',
        c.counterAccount ?? '',
      ]
        .map(csvTextCell)
        .join(','),
    );
  });
  return lines.join('\r\n') + '\r\n';
}

/** As assignStableIds, for cash lines ('tl-c-<hash>-<n>'). */
export function assignStableCashIds(rows: readonly ExportableCash[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((c) => {
    if (c.externalId !== null) return c.externalId;
    const key = JSON.stringify([c.date, c.type, c.account, c.amount, c.currency, c.counterAmount, c.counterCurrency, c.counterAccount, c.symbol, c.note]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `tl-c-${hash(key)}-${occurrence}`;
  });
}

/**
 * The externalId each row is exported with: its own when it has one, else
 * 'tl-<hash of its fields>-<n>' where n counts identical earlier rows. The count
 * keeps two genuinely identical buys apart while staying the same on every export
 * of the same list.
 */
export function assignStableIds(rows: readonly ExportableTransaction[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((t) => {
    if (t.externalId !== null) return t.externalId;
    const key = fieldKey(t);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `tl-${hash(key)}-${occurrence}`;
  });
}

function fieldKey(t: ExportableTransaction): string {
  return JSON.stringify([
    t.date,
    t.type,
    t.symbol,
    t.isin,
    t.quantity,
    t.price,
    t.currency,
    t.fees,
    t.splitRatio?.from ?? null,
    t.splitRatio?.to ?? null,
    t.note,
  ]);
}

/** Two FNV-1a 32-bit passes with different offsets: 64 bits, no crypto API needed in shared code. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function formatNumber(value: number, field: string): string {
  if (!Number.isFinite(value)) {
    throw localizedError('VALIDATION', 'errors:transactions.invalidForExport', { field }, { field, value });
  }
  return String(value);
}
