import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportLineError, ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';

/**
 * Wealthfolio's activity CSV (its import template and export): one activity per line with
 * `date`, the activity type (`type` or `activityType`), `symbol`, `quantity`, the unit price
 * (`unit_price` or `unitPrice`), `currency`, `fee` and `amount`; comma- or semicolon-separated,
 * decimal points. Types are Wealthfolio's canonical ones (BUY, SELL, DIVIDEND, INTEREST,
 * DEPOSIT, WITHDRAWAL, TRANSFER_IN/OUT, FEE, TAX, SPLIT, CREDIT, and the older
 * ADD_HOLDING/REMOVE_HOLDING). Cash lines carry their money in `amount`; a dividend may give
 * `amount` or shares × per-share `unit_price`.
 */
const TYPE_COLUMNS = ['type', 'activityType'];
const PRICE_COLUMNS = ['unit_price', 'unitPrice'];

export const wealthfolioPreset: TransactionPreset = {
  id: 'wealthfolio',
  label: 'Wealthfolio activities',
  isHeader: (cells) =>
    cells.includes('date') &&
    (cells.includes('symbol') || cells.includes('assetId')) &&
    cells.includes('quantity') &&
    cells.includes('currency') &&
    cells.includes('amount') &&
    TYPE_COLUMNS.some((c) => cells.includes(c)) &&
    PRICE_COLUMNS.some((c) => cells.includes(c)),
  language: () => 'English',
  parse: parseWealthfolio,
};

const CASH: Record<string, ImportedCashTransaction['type']> = {
  DEPOSIT: 'deposit',
  WITHDRAWAL: 'withdrawal',
  INTEREST: 'interest',
  FEE: 'fee',
  TAX: 'tax',
  CREDIT: 'refund',
  TRANSFER_IN: 'transfer-in',
  TRANSFER_OUT: 'transfer-out',
};

function parseWealthfolio(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, wealthfolioPreset, result)) readRow(row, result);
  return byLine(result);
}

function readRow(row: NamedRow, result: ImportResult): void {
  const pick = (names: readonly string[]): string => names.map((n) => row.get(n)).find((v) => v !== '') ?? '';
  const word = pick(TYPE_COLUMNS).toUpperCase();
  const errors: ImportLineError[] = [];
  const number = (raw: string, column: string, field: ImportLineError['field']): number | null => {
    const parsed = parseNumberCell(raw, '.');
    if (parsed.ok) return parsed.value;
    errors.push(lineError(row.line, field, 'errors:preset.cell', { column, reason: parsed.text }));
    return null;
  };
  const date = parseDateCell(row.get('date').slice(0, 10), 'MDY');
  if (!date.ok) errors.push(lineError(row.line, 'date', 'errors:preset.cell', { column: 'date', reason: date.text }));
  const quantity = number(row.get('quantity'), 'quantity', 'quantity');
  const price = number(pick(PRICE_COLUMNS), 'unit price', 'price');
  const amount = number(row.get('amount'), 'amount', 'amount');
  const fee = Math.abs(number(row.get('fee'), 'fee', 'fees') ?? 0);
  const rawSymbol = pick(['symbol', 'assetId']);
  const isin = isIsin(rawSymbol) ? rawSymbol.toUpperCase() : null;
  // '$CASH-USD' is Wealthfolio's name for the account's cash, not a security.
  const symbol = isin !== null || rawSymbol.startsWith('$CASH') ? null : emptyToNull(rawSymbol);
  const security = { symbol, isin, name: null };
  const comment = row.get('comment');
  // Some rows of Wealthfolio's own sample put the comment one column to the right, under fxRate.
  const fxCell = row.get('fxRate');
  const note = comment || (fxCell !== '' && !parseNumberCell(fxCell, '.').ok ? fxCell : '');
  const currencyRaw = row.get('currency');

  if (word === 'SPLIT') {
    // Wealthfolio stores the split ratio (3 for 3-for-1) in amount, older files in quantity.
    const ratio = amount ?? quantity;
    if (!date.ok || ratio === null || !(ratio > 0) || symbol === null && isin === null) {
      const field = ratio === null || !(ratio > 0) ? 'splitRatio' : !date.ok ? 'date' : 'symbol';
      result.errors.push(
        !date.ok
          ? lineError(row.line, field, 'errors:preset.cell', { column: 'date', reason: date.text })
          : lineError(row.line, field, field === 'splitRatio' ? 'errors:preset.splitNeedsRatio' : 'errors:preset.splitNeedsSymbol'),
      );
      return;
    }
    result.transactions.push(
      transaction({ type: 'split', date: date.value, quantity: 0, price: 0, currency: currencyCode(currencyRaw) ?? 'USD', splitRatio: { from: 1, to: ratio }, note, ...security, line: row.line }),
    );
    return;
  }
  const currency = currencyCode(currencyRaw);
  if (currency === null) errors.push(lineError(row.line, 'currency', 'errors:preset.notCurrency', { column: 'currency', value: currencyRaw }));
  if (errors.length > 0 || !date.ok || currency === null) {
    for (const e of errors) result.errors.push(e);
    return;
  }
  const cashType = CASH[word];
  const shares = quantity === null ? null : Math.abs(quantity);
  const hasShares = (symbol !== null || isin !== null) && shares !== null && shares > 0;

  // Shares moved in or out (TRANSFER_IN/OUT of a security, ADD_/REMOVE_HOLDING): Tickerline has no
  // transfer of shares, so they come in as a buy and go out as a sell at the price the file gives (its cost).
  const shareMove = word === 'ADD_HOLDING' || word === 'REMOVE_HOLDING' || ((word === 'TRANSFER_IN' || word === 'TRANSFER_OUT') && hasShares);
  if (word === 'BUY' || word === 'SELL' || shareMove) {
    const side = word === 'SELL' || word === 'REMOVE_HOLDING' || word === 'TRANSFER_OUT' ? 'sell' : 'buy';
    if (shares === null || !(shares > 0)) {
      result.errors.push(lineError(row.line, 'quantity', 'errors:preset.needsShares', { column: 'quantity', word }));
      return;
    }
    const unit = price ?? (amount !== null ? round(Math.abs(amount) / shares, 10) : null);
    if (unit === null) {
      result.errors.push(lineError(row.line, 'price', 'errors:preset.needsPrice', { column: 'unit price', word }));
      return;
    }
    const free = side === 'buy' && shareMove && unit === 0;
    result.transactions.push(
      transaction({
        type: side,
        date: date.value,
        quantity: shares,
        price: unit,
        currency,
        fees: fee,
        note: note || (shareMove ? `${word}: shares moved ${side === 'buy' ? 'in' : 'out'} at the price the file gives.` : ''),
        ...(free ? { freeShares: true } : {}),
        ...security,
        line: row.line,
      }),
    );
    return;
  }
  if (word === 'DIVIDEND') {
    const total = amount !== null && amount !== 0 ? Math.abs(amount) : shares !== null && price !== null ? round(shares * price, 10) : null;
    if (total === null || total === 0) {
      result.errors.push(lineError(row.line, 'amount', 'errors:importLine.dividendNeedsAmount'));
      return;
    }
    result.transactions.push(
      transaction({ type: 'dividend', date: date.value, quantity: 1, price: total, currency, fees: fee, note: note || (shares !== null && amount === null ? `${shares} × ${price}` : ''), ...security, line: row.line }),
    );
    return;
  }
  if (cashType !== undefined) {
    // Cash lines carry their money in amount; the semicolon variant writes quantity 1 × unit price as well.
    const money = amount !== null && amount !== 0 ? Math.abs(amount) : shares !== null && price !== null ? round(shares * price, 10) : fee;
    if (money === 0) {
      result.skipped.push(skipLine(row.line, 'errors:skipped.zeroMoney', { word }));
      return;
    }
    result.cash.push(cashLine({ type: cashType, date: date.value, amount: money, currency, ...security, note: note || word, line: row.line }));
    return;
  }
  if (word === 'ADJUSTMENT' || word === 'UNKNOWN') {
    result.skipped.push(skipLine(row.line, 'errors:preset.noMoneyOrShares', { broker: 'Wealthfolio', word }));
    return;
  }
  result.errors.push(word === '' ? lineError(row.line, 'type', 'errors:importLine.typeEmpty') : lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Wealthfolio', word }));
}
