import { keyedText, type ErrorText } from '../common/errors';
import { isIsoDate, type IsoDate } from '../common/dates';
import { add, compare, isDecimal, multiply, subtract, sum, type DecimalInput } from '../money';
import type { Transaction } from '../portfolio/transaction';
import type { CashTransactionType } from '../transactions/imported-transaction';

export { CASH_TRANSACTION_TYPES, type CashTransactionType } from '../transactions/imported-transaction';

/**
 * A stored cash line: money moving in an account without shares changing hands. Amounts are exact
 * decimal strings, positive; the type gives the direction (see imported-transaction.ts for the
 * vocabulary). A transfer names the other account in `counterAccountId`: transfer-out moves
 * `amount` from `accountId` to it, transfer-in from it to `accountId`.
 */
export interface CashTransaction {
  id: number;
  accountId: number;
  type: CashTransactionType;
  date: IsoDate;
  amount: string;
  currency: string;
  counterAmount: string | null;
  counterCurrency: string | null;
  counterAccountId: number | null;
  securityId: number | null;
  note: string;
  externalId: string | null;
}

/** A security transaction with the account it is booked in and its withholding tax. */
export type LedgerTransaction = Transaction & { accountId: number; taxes: number };

/** What the rules need to know of an account. */
export interface LedgerAccount {
  id: number;
  /** Whether it keeps a cash ledger: only then do trades and cash lines move a balance that is valued. */
  tracksCash: boolean;
}

/** A signed change of one account's cash in one currency (exact decimal). */
export interface CashMovement {
  accountId: number;
  currency: string;
  date: IsoDate;
  amount: string;
}

const INTO_ACCOUNT: ReadonlySet<CashTransactionType> = new Set(['deposit', 'interest', 'refund', 'transfer-in']);

function negate(value: string): string {
  return subtract(0, value);
}

/** The movements a cash line makes: one for most types, two for an exchange or a transfer between known accounts. */
export function cashLineMovements(c: CashTransaction): CashMovement[] {
  const own = { accountId: c.accountId, currency: c.currency, date: c.date };
  if (c.type === 'exchange') {
    const out: CashMovement[] = [{ ...own, amount: negate(c.amount) }];
    if (c.counterAmount !== null && c.counterCurrency !== null) out.push({ ...own, currency: c.counterCurrency, amount: c.counterAmount });
    return out;
  }
  const sign = INTO_ACCOUNT.has(c.type) ? c.amount : negate(c.amount);
  const out: CashMovement[] = [{ ...own, amount: sign }];
  if ((c.type === 'transfer-in' || c.type === 'transfer-out') && c.counterAccountId !== null) {
    out.push({ accountId: c.counterAccountId, currency: c.currency, date: c.date, amount: negate(sign) });
  }
  return out;
}

/**
 * What a security transaction does to its account's cash, exact: a buy pays quantity × price + fees,
 * a sell receives quantity × price − fees, a dividend brings its gross (`price`) less withholding tax
 * and fees, a fee line costs price + fees; splits and security transfers move no cash.
 */
export function tradeCashAmount(t: LedgerTransaction): string | null {
  switch (t.type) {
    case 'buy':
      return negate(add(multiply(t.quantity, t.price), t.fees));
    case 'sell':
      return subtract(multiply(t.quantity, t.price), t.fees);
    case 'dividend':
      return sum([t.price, negate(String(t.taxes)), negate(String(t.fees))]);
    case 'fee':
      return negate(add(t.price, t.fees));
    default:
      return null;
  }
}

/** Every cash movement of the accounts that track cash, trades and cash lines together, date order. */
export function cashMovements(
  accounts: readonly LedgerAccount[],
  transactions: readonly LedgerTransaction[],
  cash: readonly CashTransaction[],
): CashMovement[] {
  const tracking = new Set(accounts.filter((a) => a.tracksCash).map((a) => a.id));
  const out: CashMovement[] = [];
  for (const t of transactions) {
    if (!tracking.has(t.accountId)) continue;
    const amount = tradeCashAmount(t);
    if (amount !== null) out.push({ accountId: t.accountId, currency: t.currency, date: t.date, amount });
  }
  for (const c of cash) for (const m of cashLineMovements(c)) if (tracking.has(m.accountId)) out.push(m);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One account's cash in one currency. */
export interface CashBalance {
  accountId: number;
  currency: string;
  /** Exact decimal. */
  amount: string;
  /** First day of the current run below zero; null when the balance is not negative. */
  negativeSince: IsoDate | null;
}

/** Balances per account and currency at the end of `asOf` (all movements when omitted), exact; a negative one says since when. */
export function cashBalances(movements: readonly CashMovement[], asOf?: IsoDate): CashBalance[] {
  const byKey = new Map<string, CashBalance>();
  const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let i = 0;
  while (i < sorted.length) {
    const date = (sorted[i] as CashMovement).date;
    if (asOf !== undefined && date > asOf) break;
    // All of a day's movements first: a buy and its funding deposit on one day is not a negative day.
    const touched = new Set<CashBalance>();
    for (; i < sorted.length && (sorted[i] as CashMovement).date === date; i++) {
      const m = sorted[i] as CashMovement;
      const key = `${m.accountId}\u0000${m.currency}`;
      let b = byKey.get(key);
      if (b === undefined) byKey.set(key, (b = { accountId: m.accountId, currency: m.currency, amount: '0', negativeSince: null }));
      b.amount = add(b.amount, m.amount);
      touched.add(b);
    }
    for (const b of touched) {
      if (compare(b.amount, 0) < 0) b.negativeSince ??= date;
      else b.negativeSince = null;
    }
  }
  return [...byKey.values()].sort((a, b) => a.accountId - b.accountId || a.currency.localeCompare(b.currency));
}

/** A cash line field's problem: English in `message`, the catalogue key and values for the reader's language. */
export interface CashFieldError extends ErrorText {
  field: keyof CashTransaction;
  message: string;
}

export interface CashWarning {
  /** The form field the warning belongs under ('amount' of a cash line, 'quantity' of a buy…). */
  field: string;
  code: 'NEGATIVE_BALANCE';
  message: string;
  params: { accountId: number; currency: string; date: IsoDate; balance: string };
}

function positive(value: DecimalInput | null): boolean {
  return value !== null && isDecimal(String(value)) && compare(value, 0) > 0;
}

/** Field checks of a cash line: each problem names its field and why. */
export function validateCashFields(c: CashTransaction, today: IsoDate): CashFieldError[] {
  const errors: CashFieldError[] = [];
  if (!isIsoDate(c.date)) errors.push({ field: 'date', ...keyedText('errors:fields.cashDate') });
  else if (c.date > today) errors.push({ field: 'date', ...keyedText('errors:fields.cashDateFuture') });
  if (!positive(c.amount)) errors.push({ field: 'amount', ...keyedText('errors:fields.cashAmount') });
  if (c.type === 'exchange') {
    if (!positive(c.counterAmount)) errors.push({ field: 'counterAmount', ...keyedText('errors:fields.exchangeAmount') });
    if (c.counterCurrency === null) errors.push({ field: 'counterCurrency', ...keyedText('errors:fields.exchangeCurrency') });
    else if (c.counterCurrency === c.currency) errors.push({ field: 'counterCurrency', ...keyedText('errors:fields.exchangeSameCurrency') });
  }
  if (c.type === 'transfer-out' || c.type === 'transfer-in') {
    if (c.counterAccountId === null) errors.push({ field: 'counterAccountId', ...keyedText('errors:fields.transferAccount') });
    else if (c.counterAccountId === c.accountId) errors.push({ field: 'counterAccountId', ...keyedText('errors:fields.transferSameAccount') });
  }
  return errors;
}

/**
 * Balances the line leaves below zero, in an account that tracks cash: allowed (a broker may
 * lend, a statement may be incomplete) but flagged. `others` are every other movement (the line
 * itself left out when it is being edited).
 */
export function negativeBalanceWarnings(
  c: CashTransaction,
  accounts: readonly LedgerAccount[],
  others: readonly CashMovement[],
): CashWarning[] {
  return movementWarnings(cashLineMovements(c), 'amount', accounts, others);
}

/**
 * The same for a trade: a buy or a fee paid from an account's cash, or a dividend reversed. The
 * warning sits on the field that sets the amount (quantity of a buy, the amount of a fee line).
 */
export function tradeBalanceWarnings(
  t: LedgerTransaction,
  accounts: readonly LedgerAccount[],
  others: readonly CashMovement[],
): CashWarning[] {
  const amount = tradeCashAmount(t);
  if (amount === null) return [];
  const field = t.type === 'buy' || t.type === 'sell' ? 'quantity' : 'price';
  return movementWarnings([{ accountId: t.accountId, currency: t.currency, date: t.date, amount }], field, accounts, others);
}

/**
 * For each outgoing movement: the first day, from its own on, whose closing balance (with it)
 * is below zero in an account that tracks cash. Later days count too: a withdrawal dated before
 * a buy that the money was meant for leaves the buy's day short, and that is this line's doing.
 * A balance already below zero without the line is not blamed on it.
 */
function movementWarnings(
  movements: readonly CashMovement[],
  field: string,
  accounts: readonly LedgerAccount[],
  others: readonly CashMovement[],
): CashWarning[] {
  const tracking = new Set(accounts.filter((a) => a.tracksCash).map((a) => a.id));
  const warnings: CashWarning[] = [];
  for (const m of movements) {
    if (!tracking.has(m.accountId) || compare(m.amount, 0) >= 0) continue;
    const same = others
      .filter((o) => o.accountId === m.accountId && o.currency === m.currency)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const found = (date: IsoDate, balance: string): boolean => {
      if (compare(balance, 0) >= 0) return false;
      warnings.push({
        field,
        code: 'NEGATIVE_BALANCE',
        message:
          date === m.date
            ? `This leaves ${balance} ${m.currency} in the account on ${date}: the balance goes below zero.`
            : `With this, the ${m.currency} balance goes below zero on ${date} (${balance}).`,
        params: { accountId: m.accountId, currency: m.currency, date, balance },
      });
      return true;
    };
    // Closing balances without the line, day by day from the line's day on.
    let i = 0;
    let without = '0';
    for (; i < same.length && (same[i] as CashMovement).date <= m.date; i++) without = add(without, (same[i] as CashMovement).amount);
    if (compare(without, 0) >= 0 && found(m.date, add(without, m.amount))) continue;
    while (i < same.length) {
      const day = (same[i] as CashMovement).date;
      for (; i < same.length && (same[i] as CashMovement).date === day; i++) without = add(without, (same[i] as CashMovement).amount);
      if (compare(without, 0) >= 0 && found(day, add(without, m.amount))) break;
    }
  }
  return warnings;
}
