import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { TYPE_NAMES } from '../parse-transactions';
import { byLine, emptyResult, lineError, readPresetRows, type TransactionPreset } from './preset';

/**
 * Parqet activities export: semicolons, decimal commas, one activity per line. `amount`
 * is the gross value of the line and `price` is rounded for display, so a dividend's
 * per-share amount is worked out as amount / shares. `tax` and `fee` are what the broker
 * took on top.
 */
const REQUIRED = ['datetime', 'date', 'price', 'shares', 'amount', 'tax', 'fee', 'type', 'identifier'];

export const parqetPreset: TransactionPreset = {
  id: 'parqet',
  label: 'Parqet activities',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: parseParqet,
};

/**
 * The file's price when it matches the amount to the cent, else amount / shares: Parqet
 * rounds a dividend of 9.66 on 40 shares to 0.24 a share (40 × 0.24 = 9.60).
 */
function unitPrice(price: number | null | undefined, shares: number, amount: number | null | undefined): number {
  if (amount === null || amount === undefined || amount === 0) return price ?? 0;
  if (price !== null && price !== undefined && Math.abs(price * shares - Math.abs(amount)) <= 0.01) return price;
  return round(Math.abs(amount) / shares, 8);
}

function parseParqet(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, parqetPreset, result)) {
    const type = row.get('type').toLowerCase();
    const date = parseDateCell(row.get('date') || row.get('datetime'), 'DMY');
    const n = (column: string): number | null | undefined => {
      const parsed = parseNumberCell(row.get(column), ',');
      return parsed.ok ? parsed.value : undefined;
    };
    const [price, shares, amount, tax, fee] = [n('price'), n('shares'), n('amount'), n('tax'), n('fee')];
    const currency = currencyCode(row.get('currency'));
    const bad = (['price', 'shares', 'amount', 'tax', 'fee'] as const).find((c) => n(c) === undefined);
    if (!date.ok || currency === null || bad !== undefined) {
      const field = !date.ok ? 'date' : currency === null ? 'currency' : bad === 'shares' ? 'quantity' : bad === 'fee' ? 'fees' : bad === 'tax' ? 'amount' : (bad ?? 'row');
      result.errors.push(
        !date.ok
          ? lineError(row.line, field, 'errors:preset.cell', { column: 'date', reason: date.text })
          : currency === null
            ? lineError(row.line, field, 'errors:preset.notCurrency', { column: 'currency', value: row.get('currency') })
            : lineError(row.line, field, 'errors:preset.notNumber', { column: bad ?? '', value: row.get(bad ?? '') }),
      );
      continue;
    }
    const identifier = row.get('identifier').toUpperCase();
    const security = { isin: isIsin(identifier) ? identifier : null, symbol: isIsin(identifier) ? null : emptyToNull(identifier), name: emptyToNull(row.get('holdingname')) };
    const account = emptyToNull(row.get('broker'));
    const cash = (kind: ImportedCashTransaction['type']): void => {
      result.cash.push(cashLine({ type: kind, date: date.value, amount: Math.abs(amount ?? 0), currency, account, ...security, note: row.get('type'), line: row.line }));
    };
    const fxRate = n('fxrate');
    const original = currencyCode(row.get('originalcurrency'));

    if ((tax ?? 0) < 0 && (type === 'buy' || type === 'sell' || type === 'dividend')) {
      // A negative tax is tax given back (a loss offset against earlier gains).
      result.cash.push(cashLine({ type: 'refund', date: date.value, amount: -(tax ?? 0), currency, account, ...security, note: `Tax refunded on the ${type} on line ${row.line}.`, line: row.line }));
    }
    if (type === 'buy' || type === 'sell') {
      if (shares === null || shares === undefined || shares <= 0) {
        result.errors.push(lineError(row.line, 'quantity', 'errors:preset.needsSharesGot', { column: 'shares', word: { key: TYPE_NAMES[type] }, value: row.get('shares') }));
        continue;
      }
      result.transactions.push(
        transaction({
          type,
          date: date.value,
          quantity: shares,
          price: unitPrice(price, shares, amount),
          currency,
          fees: Math.abs(fee ?? 0),
          taxes: Math.max(0, tax ?? 0),
          account,
          ...security,
          line: row.line,
          fxRate: original !== null && original !== currency && fxRate ? { accountCurrency: original, rate: fxRate } : undefined,
        }),
      );
    } else if (type === 'dividend') {
      const quantity = shares !== null && shares !== undefined && shares > 0 ? shares : 1;
      result.transactions.push(
        transaction({
          type: 'dividend',
          date: date.value,
          quantity,
          price: unitPrice(price, quantity, amount),
          currency,
          fees: Math.abs(fee ?? 0),
          taxes: Math.max(0, tax ?? 0),
          account,
          ...security,
          line: row.line,
        }),
      );
    } else if (type === 'interest') cash('interest');
    else if (type === 'deposit' || type === 'transferin') cash(type === 'deposit' ? 'deposit' : 'transfer-in');
    else if (type === 'withdrawal' || type === 'transferout') cash(type === 'withdrawal' ? 'withdrawal' : 'transfer-out');
    else if (type === 'feestaxes' || type === 'fees' || type === 'taxes') {
      const isTax = type === 'taxes' || ((tax ?? 0) !== 0 && (fee ?? 0) === 0);
      result.cash.push(cashLine({ type: (amount ?? 0) > 0 && type !== 'feestaxes' ? 'refund' : isTax ? 'tax' : 'fee', date: date.value, amount: Math.abs(amount || (fee ?? 0) + (tax ?? 0)), currency, account, ...security, note: row.get('type'), line: row.line }));
    } else {
      result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Parqet', word: row.get('type') }));
    }
  }
  return byLine(result);
}
