import type { ImportedCashTransaction, ImportedTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';

/** Builders so every preset fills the optional fields the same way. */

type Required<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

export function transaction(
  fields: Required<ImportedTransaction, 'type' | 'date' | 'quantity' | 'price' | 'currency' | 'line'>,
): ImportedTransaction {
  const t: ImportedTransaction = {
    fees: 0,
    splitRatio: undefined,
    note: '',
    externalId: null,
    symbol: null,
    isin: null,
    name: null,
    taxes: 0,
    account: null,
    ...fields,
  };
  if (t.fxRate === undefined) delete t.fxRate;
  if (t.freeShares !== true) delete t.freeShares;
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
