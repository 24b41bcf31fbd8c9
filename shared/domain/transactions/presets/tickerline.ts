import { restoreNeutralized } from '../../common/csv-cell';
import { isIsoDate } from '../../common/dates';
import { currencyCode, emptyToNull } from '../cells';
import {
  CASH_TRANSACTION_TYPES,
  TRANSACTION_TYPES,
  type CashTransactionType,
  type ImportResult,
  type SplitRatio,
  type TransactionType,
} from '../imported-transaction';
import { byLine, emptyResult, readPresetRows, RowErrors, type NamedRow, type TransactionPreset } from './preset';

/**
 * Tickerline's own CSV: what exportTransactionsCsv writes. Read strictly (ISO
 * dates, '.' decimals, our type words) because any deviation means the file was
 * edited by hand and the user should see where.
 */
export const TICKERLINE_HEADER = [
  'Date',
  'Type',
  'Symbol',
  'ISIN',
  'Name',
  'Quantity',
  'Price',
  'Currency',
  'Fees',
  'SplitFrom',
  'SplitTo',
  'Note',
  'ExternalId',
  'Taxes',
  'Account',
  'Amount',
  'CounterAmount',
  'CounterCurrency',
  'CounterAccount',
] as const;

/** The columns files exported before accounts and cash had (still read: Taxes 0, no account, no cash lines). */
const FIRST_HEADER = TICKERLINE_HEADER.slice(0, 13);

const matches = (cells: readonly string[], header: readonly string[]): boolean => cells.length === header.length && header.every((h, i) => cells[i] === h);

export const tickerlinePreset: TransactionPreset = {
  id: 'tickerline',
  label: 'Tickerline export',
  isHeader: (cells) => matches(cells, TICKERLINE_HEADER) || matches(cells, FIRST_HEADER),
  parse: parseTickerline,
};

function parseTickerline(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, tickerlinePreset, result)) {
    const errors = new RowErrors(row.line, '.');
    const date = row.get('Date');
    if (!isIsoDate(date)) errors.add('date', 'errors:preset.isoDate', { column: 'Date', value: date });
    const typeWord = row.get('Type');
    // 'fee' is both a security line (quantity, price, fees) and a cash line: the Amount column tells them apart.
    // A transfer is cash when it has an Amount, shares moved between accounts when it has a Quantity instead.
    const securityTransfer = (typeWord === 'transfer-out' || typeWord === 'transfer-in') && row.get('Amount') === '' && row.get('Quantity') !== '';
    const cashType = CASH_TRANSACTION_TYPES.find((t) => t === typeWord);
    if (cashType !== undefined && !securityTransfer && (row.get('Amount') !== '' || !TRANSACTION_TYPES.some((t) => t === typeWord))) {
      readCashLine(row, cashType, date, errors, result);
      continue;
    }
    const type: TransactionType | undefined = securityTransfer ? (typeWord as 'transfer-out' | 'transfer-in') : TRANSACTION_TYPES.find((t) => t === typeWord);
    if (type === undefined) errors.add('type', 'errors:preset.typeNotOneOf', { column: 'Type', value: typeWord, types: [...TRANSACTION_TYPES, ...CASH_TRANSACTION_TYPES].join(', ') });

    const required = (column: 'Quantity' | 'Price' | 'Fees', field: 'quantity' | 'price' | 'fees'): number => {
      const value = errors.number(field, row.get(column), column);
      if (value === null) {
        if (row.get(column) === '') errors.add(field, 'errors:preset.missing', { column });
        return 0;
      }
      if (value < 0) errors.add(field, 'errors:preset.negative', { column, value });
      return value;
    };
    const quantity = required('Quantity', 'quantity');
    const price = required('Price', 'price');
    const fees = required('Fees', 'fees');
    const currency = currencyCode(row.get('Currency'));
    if (currency === null) errors.add('currency', 'errors:preset.notCurrency', { column: 'Currency', value: row.get('Currency') });

    const from = errors.number('splitRatio', row.get('SplitFrom'), 'SplitFrom');
    const to = errors.number('splitRatio', row.get('SplitTo'), 'SplitTo');
    let splitRatio: SplitRatio | undefined;
    if (from !== null && to !== null && from > 0 && to > 0) splitRatio = { from, to };
    else if (from !== null || to !== null) errors.add('splitRatio', 'errors:preset.splitFromTo');

    const symbol = emptyToNull(row.get('Symbol'));
    const isin = emptyToNull(row.get('ISIN'));
    const name = row.get('Name') === '' ? null : restoreNeutralized(row.raw('Name'));
    if (symbol === null && isin === null && name === null) errors.add('symbol', 'errors:importLine.noSecurity');

    if (!errors.ok || type === undefined || currency === null) {
      errors.flushInto(result);
      continue;
    }
    result.transactions.push({
      type: type satisfies TransactionType,
      date,
      quantity,
      price,
      currency,
      fees,
      splitRatio,
      note: restoreNeutralized(row.raw('Note')),
      externalId: emptyToNull(row.get('ExternalId')),
      symbol,
      isin,
      name,
      line: row.line,
      taxes: optionalAmount(errors, row.get('Taxes'), 'Taxes', 'fees') ?? 0,
      account: emptyToNull(row.get('Account')),
      ...(securityTransfer ? { counterAccount: emptyToNull(row.get('CounterAccount')) } : {}),
      // A buy stored at 0 was a free-share delivery (it could not have been stored otherwise).
      ...(type === 'buy' && price === 0 ? { freeShares: true } : {}),
    });
  }
  return byLine(result);
}

function optionalAmount(errors: RowErrors, cell: string, column: string, field: 'amount' | 'fees'): number | null {
  if (cell === '') return null;
  const value = errors.number(field, cell, column);
  if (value !== null && value < 0) errors.add(field, 'errors:preset.negative', { column, value });
  return value;
}

/** A deposit, withdrawal, interest, fee, tax, refund, exchange or transfer line. */
function readCashLine(row: NamedRow, type: CashTransactionType, date: string, errors: RowErrors, result: ImportResult): void {
  const amount = optionalAmount(errors, row.get('Amount'), 'Amount', 'amount');
  if (amount === null && row.get('Amount') === '') errors.add('amount', 'errors:preset.missing', { column: 'Amount' });
  const currency = currencyCode(row.get('Currency'));
  if (currency === null) errors.add('currency', 'errors:preset.notCurrency', { column: 'Currency', value: row.get('Currency') });
  const counterAmount = optionalAmount(errors, row.get('CounterAmount'), 'CounterAmount', 'amount');
  const counterCurrency = row.get('CounterCurrency') === '' ? null : currencyCode(row.get('CounterCurrency'));
  if (!errors.ok || amount === null || currency === null) {
    errors.flushInto(result);
    return;
  }
  result.cash.push({
    type,
    date,
    amount,
    currency,
    counterAmount: type === 'exchange' ? counterAmount : null,
    counterCurrency: type === 'exchange' ? counterCurrency : null,
    counterAccount: emptyToNull(row.get('CounterAccount')),
    account: emptyToNull(row.get('Account')),
    symbol: emptyToNull(row.get('Symbol')),
    isin: emptyToNull(row.get('ISIN')),
    name: row.get('Name') === '' ? null : restoreNeutralized(row.raw('Name')),
    note: restoreNeutralized(row.raw('Note')),
    externalId: emptyToNull(row.get('ExternalId')),
    line: row.line,
  });
}
