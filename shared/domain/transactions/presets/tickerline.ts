import { restoreNeutralized } from '../../common/csv-cell';
import { isIsoDate } from '../../common/dates';
import { currencyCode, emptyToNull } from '../cells';
import { TRANSACTION_TYPES, type ImportResult, type SplitRatio, type TransactionType } from '../importedTransaction';
import { byLine, emptyResult, readPresetRows, RowErrors, type TransactionPreset } from './preset';

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
] as const;

export const tickerlinePreset: TransactionPreset = {
  id: 'tickerline',
  label: 'Tickerline export',
  isHeader: (cells) => cells.length === TICKERLINE_HEADER.length && TICKERLINE_HEADER.every((h, i) => cells[i] === h),
  parse: parseTickerline,
};

function parseTickerline(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, tickerlinePreset, result)) {
    const errors = new RowErrors(row.line, '.');
    const date = row.get('Date');
    if (!isIsoDate(date)) errors.add('date', `Date: '${date}' is not a YYYY-MM-DD date.`);
    const typeWord = row.get('Type');
    const type = TRANSACTION_TYPES.find((t) => t === typeWord);
    if (type === undefined) errors.add('type', `Type: '${typeWord}' is not one of ${TRANSACTION_TYPES.join(', ')}.`);

    const required = (column: 'Quantity' | 'Price' | 'Fees', field: 'quantity' | 'price' | 'fees'): number => {
      const value = errors.number(field, row.get(column), column);
      if (value === null) {
        if (row.get(column) === '') errors.add(field, `${column}: missing.`);
        return 0;
      }
      if (value < 0) errors.add(field, `${column}: cannot be negative (${value}).`);
      return value;
    };
    const quantity = required('Quantity', 'quantity');
    const price = required('Price', 'price');
    const fees = required('Fees', 'fees');
    const currency = currencyCode(row.get('Currency'));
    if (currency === null) errors.add('currency', `Currency: '${row.get('Currency')}' is not a currency code.`);

    const from = errors.number('splitRatio', row.get('SplitFrom'), 'SplitFrom');
    const to = errors.number('splitRatio', row.get('SplitTo'), 'SplitTo');
    let splitRatio: SplitRatio | undefined;
    if (from !== null && to !== null && from > 0 && to > 0) splitRatio = { from, to };
    else if (from !== null || to !== null) errors.add('splitRatio', 'SplitFrom/SplitTo: both must be positive numbers, or both empty.');

    const symbol = emptyToNull(row.get('Symbol'));
    const isin = emptyToNull(row.get('ISIN'));
    const name = row.get('Name') === '' ? null : restoreNeutralized(row.raw('Name'));
    if (symbol === null && isin === null && name === null) errors.add('symbol', 'Security: the line has no symbol, ISIN or name.');

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
      taxes: 0,
      account: null,
    });
  }
  return byLine(result);
}
