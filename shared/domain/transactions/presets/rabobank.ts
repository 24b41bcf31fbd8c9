import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, type TransactionPreset } from './preset';

/**
 * Rabobank investment account mutations ('mutaties', Dutch). 'Bedrag' is what moved in the
 * cash account; for a cash dividend 'Waarde' is the gross and 'Bedrag' the net, so the
 * difference is the dividend tax withheld. Volumes of sales are negative.
 */
const REQUIRED = ['Portefeuille', 'Naam', 'Datum', 'Type mutatie', 'Volume', 'Koers', 'Waarde', 'Bedrag'];

export const rabobankPreset: TransactionPreset = {
  id: 'rabobank',
  label: 'Rabobank beleggen mutaties',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'Dutch',
  parse: (text) => {
    const result: ImportResult = emptyResult();
    for (const row of readPresetRows(text, rabobankPreset, result)) {
      const type = row.get('Type mutatie');
      const lower = type.toLowerCase();
      const date = parseDateCell(row.get('Datum'), 'DMY');
      const n = (column: string): number | null => {
        const parsed = parseNumberCell(row.get(column), ',');
        return parsed.ok ? parsed.value : null;
      };
      const amount = n('Bedrag');
      const currency = currencyCode(row.get('Valuta mutatie')) ?? 'EUR';
      if (!date.ok || amount === null) {
        result.errors.push(
          !date.ok
            ? lineError(row.line, 'date', 'errors:preset.cell', { column: 'Datum', reason: date.text })
            : lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Bedrag', value: row.get('Bedrag') }),
        );
        continue;
      }
      const account = emptyToNull(row.get('Portefeuille'));
      const isin = row.get('Isin code').toUpperCase();
      const security = { isin: isIsin(isin) ? isin : null, symbol: null, name: emptyToNull(row.get('Naam')) };
      const cash = (kind: ImportedCashTransaction['type']): void => {
        result.cash.push(cashLine({ type: kind, date: date.value, amount: Math.abs(amount), currency, account, note: type, line: row.line }));
      };
      const volume = n('Volume');
      const price = n('Koers');
      const costs = Math.abs(n('Valuta kosten €') ?? 0);
      if (/^(koop|verkoop)/.test(lower)) {
        if (volume === null || volume === 0 || price === null) {
          result.errors.push(lineError(row.line, 'quantity', 'errors:preset.sharesOrPrice', { what: type, sharesColumn: 'Volume', shares: row.get('Volume'), priceColumn: 'Koers', price: row.get('Koers') }));
          continue;
        }
        result.transactions.push(
          transaction({ type: lower.startsWith('koop') ? 'buy' : 'sell', date: date.value, quantity: Math.abs(volume), price, currency: currencyCode(row.get('Valuta koers')) ?? currency, fees: costs, account, ...security, line: row.line }),
        );
      } else if (/dividend/.test(lower)) {
        const gross = n('Waarde') ?? amount;
        const shares = volume !== null && volume > 0 ? volume : 1;
        // gross 80.63 over 60.5563 shares: the per-share 1.331559 in 'Koers' unless it misses the gross by more than a cent
        const perShare = price !== null && Math.abs(price * shares - gross) <= 0.01 ? price : round(gross / shares, 8);
        result.transactions.push(
          transaction({ type: 'dividend', date: date.value, quantity: shares, price: perShare, currency, taxes: round(Math.max(0, gross - amount), 2), account, ...security, line: row.line }),
        );
      } else if (/storting|opname/.test(lower)) cash(amount >= 0 ? 'deposit' : 'withdrawal');
      else if (/rente/.test(lower)) cash(amount < 0 ? 'fee' : 'interest');
      else if (/tarieven|kosten|servicekosten|provisie/.test(lower)) cash(amount > 0 ? 'refund' : 'fee');
      else if (/belasting/.test(lower)) cash(amount > 0 ? 'refund' : 'tax');
      else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Rabobank', word: type }));
    }
    return byLine(result);
  },
};
