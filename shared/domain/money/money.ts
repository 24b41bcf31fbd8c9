import Big from 'big.js';
import { minorUnitDigits } from './currency-digits';

/**
 * Exact decimal money on big.js. Binary floating point cannot hold 142.90 exactly, so
 * 1,000 × 142.90 done in `number` can print as 142,899.99; in decimal it is 142,900.00.
 * Amounts are kept as decimal strings (exact, serialisable, comparable in SQL as TEXT or
 * stored as integer minor units) and rounded once, to the currency's minor unit, where the
 * broker booked them or where they are shown — never at each intermediate step.
 */

/** A decimal amount as text ('142900.00', '-0.5') or a finite number read by its shortest form (142.9 → '142.9'). */
export type DecimalInput = string | number;

/** An exact amount in one currency; `amount` is a plain decimal string. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export type MoneyErrorCode = 'NOT_A_DECIMAL' | 'CURRENCY_MISMATCH' | 'UNSAFE_MINOR_UNITS';

/** A programming or data error in money arithmetic; the code and params say which, the words are chosen where shown. */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: MoneyErrorCode, params: Readonly<Record<string, string | number>>) {
    super(code);
    this.name = 'MoneyError';
    this.code = code;
    this.params = params;
  }
}

function decimal(value: DecimalInput): Big {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new MoneyError('NOT_A_DECIMAL', { value: String(value) });
  try {
    return new Big(typeof value === 'string' ? value.trim() : value);
  } catch {
    throw new MoneyError('NOT_A_DECIMAL', { value: String(value) });
  }
}

/** Exact decimal text of a value, without exponent and without trailing zeros ('142900', '0.1'). */
function text(value: Big): string {
  return value.toFixed();
}

/** Whether `value` reads as a decimal number ('1,5' does not: parsing locales is the importer's job). */
export function isDecimal(value: string): boolean {
  try {
    new Big(value.trim());
    return value.trim() !== '';
  } catch {
    return false;
  }
}

/** price × quantity, exact: 1000 × 142.90 = '142900'. */
export function multiply(a: DecimalInput, b: DecimalInput): string {
  return text(decimal(a).times(decimal(b)));
}

/** a + b, exact. */
export function add(a: DecimalInput, b: DecimalInput): string {
  return text(decimal(a).plus(decimal(b)));
}

/** a − b, exact. */
export function subtract(a: DecimalInput, b: DecimalInput): string {
  return text(decimal(a).minus(decimal(b)));
}

/** Sum of any number of amounts, exact; '0' for none. */
export function sum(values: Iterable<DecimalInput>): string {
  let total = new Big(0);
  for (const v of values) total = total.plus(decimal(v));
  return text(total);
}

/** −1, 0 or 1 as a compares to b, exactly. */
export function compare(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  return decimal(a).cmp(decimal(b));
}

/**
 * Rounded to the currency's minor unit, half away from zero (how brokers and banks book):
 * ('142899.995', 'HKD') → '142900.00', ('1234.5', 'JPY') → '1235'. Always with exactly that many digits.
 */
export function roundToMinorUnit(value: DecimalInput, currency: string): string {
  return decimal(value).toFixed(minorUnitDigits(currency), Big.roundHalfUp);
}

/** Integer count of minor units (cents, yen…) after rounding once: ('142900.00', 'HKD') → 14290000. */
export function toMinorUnits(value: DecimalInput, currency: string): number {
  const minor = decimal(value).times(new Big(10).pow(minorUnitDigits(currency))).round(0, Big.roundHalfUp);
  const n = minor.toNumber();
  if (!Number.isSafeInteger(n)) throw new MoneyError('UNSAFE_MINOR_UNITS', { value: text(minor), currency });
  return n;
}

/** The decimal text of an integer count of minor units: (14290000, 'HKD') → '142900.00'. */
export function fromMinorUnits(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new MoneyError('UNSAFE_MINOR_UNITS', { value: String(minor), currency });
  const digits = minorUnitDigits(currency);
  return new Big(minor).div(new Big(10).pow(digits)).toFixed(digits);
}

/**
 * An amount converted at `rate` (1 unit of money.currency costs `rate` units of `to`), rounded once
 * to `to`'s minor unit — the booking a broker makes for a currency exchange or a dividend paid in
 * another currency. For display-only conversions keep the exact product (`multiply`) and round at display.
 */
export function convert(money: Money, rate: DecimalInput, to: string): Money {
  return { amount: roundToMinorUnit(multiply(money.amount, rate), to), currency: to };
}

export function money(amount: DecimalInput, currency: string): Money {
  return { amount: text(decimal(amount)), currency };
}

/** Sum of amounts in one currency, exact; throws CURRENCY_MISMATCH when they differ. */
export function sumMoney(values: readonly Money[], currency: string): Money {
  for (const v of values) {
    if (v.currency !== currency) throw new MoneyError('CURRENCY_MISMATCH', { expected: currency, actual: v.currency });
  }
  return { amount: sum(values.map((v) => v.amount)), currency };
}

/** A decimal as a JS number for ratios and charts (returns are not money; they may be floating point). */
export function toNumber(value: DecimalInput): number {
  return decimal(value).toNumber();
}
