import { parseDateCell } from '../date-cells';
import { emptyToNull } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { cashLine, looseNumber, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type TransactionPreset } from './preset';

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
      result.errors.push(lineError(row.line, 'date', 'errors:preset.cell', { column: 'Date', reason: date.text }));
      continue;
    }
    if (amount === undefined || amount === null) {
      result.errors.push(lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Amount', value: row.get('Amount') }));
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
      result.skipped.push(skipLine(row.line, 'errors:preset.cfd', { type, details }));
      continue;
    }
    if (lower === 'open position' || lower === 'position closed') {
      const units = looseNumber(row.get('Units'));
      if (units === undefined || units === null || units <= 0 || symbol === null) {
        result.errors.push(lineError(row.line, 'quantity', 'errors:preset.unitsOrInstrument', { type, units: row.get('Units'), details }));
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
        result.errors.push(lineError(row.line, 'symbol', 'errors:preset.dividendNoInstrument', { details }));
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
      if (amount === 0) result.skipped.push(skipLine(row.line, 'errors:skipped.zeroCharged', { word: type }));
      else cash(amount < 0 ? 'fee' : 'refund');
    } else if (lower === 'sdrt' || /tax/.test(lower)) cash(amount < 0 ? 'tax' : 'refund', `${type} (${details})`);
    else if (/refund|compensation|adjustment/.test(lower)) cash(amount < 0 ? 'fee' : 'refund');
    else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'eToro', word: type }));
  }
  result.transactions.sort((a, b) => a.line - b.line);
  return byLine(result);
}
