import type { ImportedCashTransaction, ImportedTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';

/** Builders so every preset fills the optional fields the same way. */

type Required<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

export function transaction(
  fields: Required<ImportedTransaction, 'type' | 'date' | 'quantity' | 'price' | 'currency' | 'line'>,
): ImportedTransaction {
  // Written out field by field, never `delete`d afterwards: deleting a property turns a V8 object into a
  // slow dictionary, and a 200,000-line statement keeps 200,000 of these until the import is stored.
  const t: ImportedTransaction = {
    type: fields.type,
    date: fields.date,
    quantity: fields.quantity,
    price: fields.price,
    currency: fields.currency,
    fees: fields.fees ?? 0,
    splitRatio: fields.splitRatio,
    note: fields.note ?? '',
    externalId: fields.externalId ?? null,
    symbol: fields.symbol ?? null,
    isin: fields.isin ?? null,
    name: fields.name ?? null,
    line: fields.line,
    taxes: fields.taxes ?? 0,
    account: fields.account ?? null,
    // The optional fields too, undefined when absent: every row has one shape, and none grows a property store
    // after it is made (a 200,000-line Trading 212 history has an exchange rate on every trade).
    fxRate: fields.fxRate,
    counterAccount: fields.counterAccount,
    freeShares: fields.freeShares === true ? true : undefined,
  };
  return t;
}

export function cashLine(
  fields: Required<ImportedCashTransaction, 'type' | 'date' | 'amount' | 'currency' | 'line'>,
): ImportedCashTransaction {
  return {
    counterAmount: null,
    counterCurrency: null,
    counterAccount: null,
    account: null,
    symbol: null,
    isin: null,
    name: null,
    note: '',
    externalId: null,
    ...fields,
  };
}

/**
 * A number whose decimal separator the file does not keep to (Degiro mixes '26,45' and
 * '-97.93' in one column): with both marks the last one is the decimal point, with one
 * mark only a comma is a decimal comma and a dot a decimal dot. Spaces group thousands.
 * Returns null for an empty cell and undefined for text that is not a number.
 */
export function looseNumber(raw: string): number | null | undefined {
  const s = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimal = lastComma > lastDot ? ',' : '.';
  const parsed = parseNumberCell(s, decimal);
  if (parsed.ok) return parsed.value;
  // '1,5' with a dot-decimal reading fails only when the comma is the decimal mark.
  const other = parseNumberCell(s, decimal === ',' ? '.' : ',');
  return other.ok ? other.value : undefined;
}

/** Rounds money read from files to what they printed (binary floats add 1e-15 noise). */
export function round(value: number, digits = 8): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
