import { parseDateCell } from '../date-cells';
import { isIsin } from '../cells';
import type { ImportResult } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, type TransactionPreset } from './preset';

/**
 * InvestEngine trading statement: 'Security / ISIN' holds 'Name / ISIN IE00…', amounts carry
 * the currency sign ('£110.79') and dates are day-first with two-digit years ('23/12/24').
 * InvestEngine charges no dealing fees; its platform fee is not in this file.
 */
const REQUIRED = ['Security / ISIN', 'Transaction Type', 'Quantity', 'Share Price', 'Total Trade Value', 'Trade Date/Time'];
const SIGNS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };

export const investEnginePreset: TransactionPreset = {
  id: 'investengine',
  label: 'InvestEngine trading statement',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: (text) => {
    const result: ImportResult = emptyResult();
    for (const row of readPresetRows(text, investEnginePreset, result)) {
      const side = row.get('Transaction Type').toLowerCase();
      const [name, isinPart] = row.get('Security / ISIN').split(/\s+\/\s+/);
      const isin = (isinPart ?? '').replace(/^ISIN\s*/i, '').toUpperCase();
      const date = parseDateCell(row.get('Trade Date/Time'), 'DMY');
      const quantity = parseNumberCell(row.get('Quantity'), '.');
      const priceCell = row.get('Share Price');
      const price = parseNumberCell(priceCell, '.');
      const currency = SIGNS[priceCell.replace(/^-/, '').charAt(0)] ?? 'GBP';
      if (side !== 'buy' && side !== 'sell') {
        result.errors.push(lineError(row.line, 'type', 'errors:preset.notBuyOrSell', { column: 'Transaction Type', value: row.get('Transaction Type') }));
        continue;
      }
      if (!date.ok || !quantity.ok || quantity.value === null || !price.ok || price.value === null) {
        result.errors.push(
          !date.ok
            ? lineError(row.line, 'date', 'errors:preset.cell', { column: 'Trade Date/Time', reason: date.text })
            : lineError(row.line, 'quantity', 'errors:preset.sharesOrPrice', { what: row.get('Transaction Type'), sharesColumn: 'Quantity', shares: row.get('Quantity'), priceColumn: 'Share Price', price: priceCell }),
        );
        continue;
      }
      result.transactions.push(
        transaction({ type: side, date: date.value, quantity: Math.abs(quantity.value), price: price.value, currency, isin: isIsin(isin) ? isin : null, name: name?.trim() || null, line: row.line }),
      );
    }
    return byLine(result);
  },
};
