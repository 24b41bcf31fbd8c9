import { parseDateCell } from '../date-cells';
import { emptyToNull } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { cashLine, looseNumber, round, transaction } from './build';
import { byLine, emptyResult, readPresetRows, type TransactionPreset } from './preset';

/**
 * eToro account statement, 'Account Activity' sheet saved as CSV. eToro accounts are kept
 * in US dollars: every Amount is USD whatever the instrument trades in, so a position's
 * price is Amount / Units in USD. Numbers come with either decimal mark ('4,581.91',
 * ' 1 757,95 ', '(0,10)') depending on the user's spreadsheet.
 */
const REQUIRED = ['Date', 'Type', 'Details', 'Amount', 'Units', 'Position ID'];
const CURRENCY = 'USD';

export const etoroPreset: TransactionPreset = {
  id: 'etoro',
  label: 'eToro account statement',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: parseEtoro,
};

function parseEtoro(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, etoroPreset, result)) {
    const type = row.get('Type');
    const lower = type.toLowerCase();
    const date = parseDateCell(row.get('Date'), 'DMY');
    const amount = looseNumber(row.get('Amount'));
    if (!date.ok) {
      result.errors.push({ line: row.line, field: 'date', message: `Date: ${date.reason}.` });
      continue;
    }
    if (amount === undefined || amount === null) {
      result.errors.push({ line: row.line, field: 'amount', message: `Amount '${row.get('Amount')}' is not a number.` });
      continue;
    }
    const details = row.get('Details');
    const symbol = details.includes('/') ? (details.split('/')[0] ?? '').trim() || null : null;
    const positionId = emptyToNull(row.get('Position ID') === '-' ? '' : row.get('Position ID'));
    const assetType = row.get('Asset type');
    const cash = (kind: ImportedCashTransaction['type'], note = type): void => {
      result.cash.push(cashLine({ type: kind, date: date.value, amount: Math.abs(amount), currency: CURRENCY, symbol, note, externalId: positionId, line: row.line }));
    };

    if (assetType.toUpperCase() === 'CFD' || lower.startsWith('overnight')) {
      result.skipped.push({ line: row.line, reason: `${type} of a CFD position (${details}): CFDs are contracts, not holdings, and are not imported.` });
      continue;
    }
    if (lower === 'open position' || lower === 'position closed') {
      const units = looseNumber(row.get('Units'));
      if (units === undefined || units === null || units <= 0 || symbol === null) {
        result.errors.push({ line: row.line, field: 'quantity', message: `${type}: Units '${row.get('Units')}' or the instrument '${details}' cannot be read.` });
        continue;
      }
      const open = lower === 'open position';
      result.transactions.push(
        transaction({
          type: open ? 'buy' : 'sell',
          date: date.value,
          quantity: units,
          // eToro states the dollars invested or returned, not a price: price = Amount / Units.
          price: round(Math.abs(amount) / units, 8),
          currency: CURRENCY,
          note: open ? `${details}: ${amount} USD invested.` : `${details}: ${amount} USD returned; realised ${row.get('Realized Equity Change')} USD.`,
          // Opening and closing share the position id; the suffix keeps them apart for duplicate checks.
          externalId: positionId === null ? null : `${positionId}-${open ? 'open' : 'close'}`,
          symbol,
          line: row.line,
        }),
      );
    } else if (lower === 'dividend') {
      if (symbol === null) {
        result.errors.push({ line: row.line, field: 'symbol', message: `Dividend without an instrument in Details ('${details}').` });
        continue;
      }
      if (amount < 0) cash('fee', 'Dividend charged on a short position.');
      // eToro books dividends net of withholding tax; the tax is only in its dividends report.
      else result.transactions.push(transaction({ type: 'dividend', date: date.value, quantity: 1, price: amount, currency: CURRENCY, note: 'Dividend, net of withholding tax as eToro books it.', externalId: positionId, symbol, line: row.line }));
    } else if (lower === 'interest payment') cash(amount < 0 ? 'fee' : 'interest');
    else if (lower === 'deposit') cash('deposit');
    else if (lower === 'withdraw request' || lower === 'withdrawal') cash('withdrawal');
    else if (lower === 'withdraw request cancelled' || lower === 'withdraw request canceled') cash('deposit', 'Withdrawal cancelled: the money came back.');
    else if (/fee/.test(lower)) {
      if (amount === 0) result.skipped.push({ line: row.line, reason: `${type} of 0.00: nothing was charged.` });
      else cash(amount < 0 ? 'fee' : 'refund');
    } else if (lower === 'sdrt' || /tax/.test(lower)) cash(amount < 0 ? 'tax' : 'refund', `${type} (${details})`);
    else if (/refund|compensation|adjustment/.test(lower)) cash(amount < 0 ? 'fee' : 'refund');
    else result.errors.push({ line: row.line, field: 'type', message: `eToro activity '${type}' is not one Tickerline knows; enter it by hand or leave it out.` });
  }
  result.transactions.sort((a, b) => a.line - b.line);
  return byLine(result);
}
