import { parseDateCell } from '../date-cells';
import { emptyToNull, isFooterRow } from '../cells';
import type { ImportResult, TransactionType } from '../imported-transaction';
import { normaliseWord } from '../type-words';
import { keyedText } from '../../common/errors';
import type { ErrorKey, TextParams } from '../../../i18n/errorText';
import { TYPE_NAMES } from '../parse-transactions';
import { byLine, emptyResult, readPresetRows, RowErrors, skipLine, type TransactionPreset } from './preset';

/**
 * Charles Schwab 'Transactions' CSV (US brokerage; amounts in USD, dates
 * MM/DD/YYYY, sometimes 'posted as of effective'). Schwab gives no transaction id.
 */
const HEADER = ['Date', 'Action', 'Symbol', 'Description', 'Quantity', 'Price', 'Fees & Comm', 'Amount'];

const ACTIONS: Record<string, TransactionType> = {
  buy: 'buy',
  'reinvest shares': 'buy',
  sell: 'sell',
  'cash dividend': 'dividend',
  'qualified dividend': 'dividend',
  'non-qualified div': 'dividend',
  'special non qual div': 'dividend',
  'special qual div': 'dividend',
  'pr yr cash div': 'dividend',
  'pr yr non-qual div': 'dividend',
  'reinvest dividend': 'dividend',
  'qual div reinvest': 'dividend',
  'pr yr div reinvest': 'dividend',
  'long term cap gain': 'dividend',
  'short term cap gain': 'dividend',
  'long term cap gain reinvest': 'dividend',
  'short term cap gain reinvest': 'dividend',
  'stock split': 'split',
  'adr mgmt fee': 'fee',
  'service fee': 'fee',
  'advisor fee': 'fee',
};

// OCC option symbol as Schwab prints it: 'SPY   250321C00500000'.
const OPTION_SYMBOL = /^[A-Z.]+\s+\d{6}[CP]\d{8}$/;

export const schwabPreset: TransactionPreset = {
  id: 'schwab',
  label: 'Charles Schwab transactions',
  isHeader: (cells) => HEADER.every((h, i) => cells[i] === h),
  parse: parseSchwab,
};

function parseSchwab(text: string): ImportResult {
  const result = emptyResult();
  const rows = readPresetRows(text, schwabPreset, result, (row) =>
    isFooterRow(row.cells) ? keyedText('errors:preset.totalLine') : null,
  );
  for (const row of rows) {
    const action = row.get('Action');
    const symbol = emptyToNull(row.get('Symbol'));
    const skip = (key: ErrorKey, params: TextParams): void => {
      result.skipped.push(skipLine(row.line, key, params));
    };
    if (/\bto (open|close)\b/i.test(action) || (symbol !== null && OPTION_SYMBOL.test(symbol))) {
      skip('errors:preset.optionTrade', { action: symbol === null ? action : `${action} ${symbol}` });
      continue;
    }
    const type = ACTIONS[normaliseWord(action)];
    if (type === undefined) {
      skip('errors:preset.schwabAction', { action });
      continue;
    }
    if (symbol === null) {
      skip('errors:preset.accountLevel', { action });
      continue;
    }

    const errors = new RowErrors(row.line, '.');
    const date = parseDateCell(row.get('Date'), 'MDY');
    if (!date.ok) errors.add('date', 'errors:preset.cell', { column: 'Date', reason: date.text });
    const quantity = errors.number('quantity', row.get('Quantity'), 'Quantity');
    const price = errors.number('price', row.get('Price'), 'Price');
    const fees = errors.number('fees', row.get('Fees & Comm'), 'Fees & Comm');
    const amount = errors.number('amount', row.get('Amount'), 'Amount');

    let q = 0;
    let p = 0;
    let feeTotal = Math.abs(fees ?? 0);
    let note = '';
    if (type === 'buy' || type === 'sell') {
      if (quantity === null || quantity <= 0) {
        errors.add('quantity', 'errors:preset.needsSharesGot', { column: 'Quantity', word: { key: TYPE_NAMES[type] }, value: row.get('Quantity') });
      }
      if (price === null || price < 0) errors.add('price', 'errors:preset.needsPriceGot', { column: 'Price', word: { key: TYPE_NAMES[type] }, value: row.get('Price') });
      q = quantity ?? 0;
      p = price ?? 0;
      if (action === 'Reinvest Shares') note = 'Dividend reinvestment.';
    } else if (type === 'dividend') {
      if (amount === null || amount < 0) {
        errors.add('amount', 'errors:preset.dividendAmountGot', { column: 'Amount', value: row.get('Amount') });
      }
      q = 1;
      p = amount ?? 0;
      note = /cap gain/i.test(action) ? `Capital gain distribution (${action}), total amount.` : `${action}, total amount.`;
    } else if (type === 'split') {
      if (quantity === null || quantity <= 0) {
        errors.add('quantity', 'errors:preset.splitSharesGot', { column: 'Quantity', value: row.get('Quantity') });
      }
      q = quantity ?? 0;
      note = `Schwab reports the split as ${q} shares added; the ratio follows from the holding.`;
    } else {
      if (amount === null) errors.add('amount', 'errors:preset.feeAmountGot', { column: 'Amount', value: row.get('Amount') });
      feeTotal = Math.abs(amount ?? 0);
      note = action;
    }

    if (!errors.ok || !date.ok) {
      errors.flushInto(result);
      continue;
    }
    result.transactions.push({
      type,
      date: date.value,
      quantity: q,
      price: p,
      currency: 'USD',
      fees: feeTotal,
      splitRatio: undefined,
      note,
      externalId: null,
      symbol,
      isin: null,
      name: emptyToNull(row.get('Description')),
      line: row.line,
      taxes: 0,
      account: null,
    });
  }
  return byLine(result);
}
