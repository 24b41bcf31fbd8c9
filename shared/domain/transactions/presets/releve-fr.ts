import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isFooterRow, isIsin } from '../cells';
import type { ImportResult } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, transaction } from './build';
import { keyedText } from '../../common/errors';
import { byLine, emptyResult, lineError, readPresetRows, type TransactionPreset } from './preset';

/**
 * A French broker's 'relevé de compte' (statement of account): title lines, then
 * 'Date d'opération;…;Opération;ISIN;Libellé;Quantité;Cours;Montant;Frais;Devise', decimal
 * commas, and a 'Total mouvements' footer. Headers are matched without accents.
 */
const plain = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
const REQUIRED = ["date d'operation", 'operation', 'isin', 'libelle', 'quantite', 'cours', 'montant', 'devise'];

export const releveFrPreset: TransactionPreset = {
  id: 'releve-fr',
  label: 'Relevé de compte (French broker statement)',
  isHeader: (cells) => {
    const names = cells.map(plain);
    return REQUIRED.every((h) => names.includes(h));
  },
  language: () => 'French',
  parse: (text) => {
    const result: ImportResult = emptyResult();
    const rows = readPresetRows(text, releveFrPreset, result, (row) => (isFooterRow(row.cells) ? keyedText('errors:preset.totalLine') : null));
    for (const row of rows) {
      const get = (plainName: string): string => {
        for (const variant of VARIANTS[plainName] ?? [plainName]) {
          const v = row.get(variant);
          if (v !== '') return v;
        }
        return '';
      };
      const operation = plain(get('operation'));
      const date = parseDateCell(get("date d'operation"), 'DMY');
      const n = (name: string): number | null | undefined => {
        const parsed = parseNumberCell(get(name), ',');
        return parsed.ok ? parsed.value : undefined;
      };
      const amount = n('montant');
      const currency = currencyCode(get('devise'));
      if (!date.ok || amount === undefined || currency === null) {
        result.errors.push(
          !date.ok
            ? lineError(row.line, 'date', 'errors:preset.cell', { column: "Date d'opération", reason: date.text })
            : currency === null
              ? lineError(row.line, 'currency', 'errors:preset.notCurrency', { column: 'Devise', value: get('devise') })
              : lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Montant', value: get('montant') }),
        );
        continue;
      }
      const isin = get('isin').toUpperCase();
      const security = { isin: isIsin(isin) ? isin : null, symbol: null, name: emptyToNull(get('libelle')) };
      const fees = Math.abs(n('frais') ?? 0);
      if (operation === 'achat' || operation === 'vente') {
        const quantity = n('quantite');
        const price = n('cours');
        if (quantity === undefined || quantity === null || quantity <= 0 || price === undefined || price === null) {
          result.errors.push(
            lineError(row.line, 'quantity', 'errors:preset.sharesOrPrice', { what: get('operation'), sharesColumn: 'Quantité', shares: get('quantite'), priceColumn: 'Cours', price: get('cours') }),
          );
          continue;
        }
        result.transactions.push(transaction({ type: operation === 'achat' ? 'buy' : 'sell', date: date.value, quantity, price, currency, fees, ...security, line: row.line }));
      } else if (operation === 'dividende' || operation === 'coupon') {
        result.transactions.push(transaction({ type: 'dividend', date: date.value, quantity: 1, price: Math.abs(amount ?? 0), currency, fees, note: 'Dividend total (quantity 1 × amount).', ...security, line: row.line }));
      } else if (['versement', 'depot', 'virement recu'].includes(operation)) {
        result.cash.push(cashLine({ type: 'deposit', date: date.value, amount: Math.abs(amount ?? 0), currency, note: get('operation'), line: row.line }));
      } else if (['prelevement', 'retrait', 'virement emis'].includes(operation)) {
        result.cash.push(cashLine({ type: 'withdrawal', date: date.value, amount: Math.abs(amount ?? 0), currency, note: get('operation'), line: row.line }));
      } else if (operation === 'interet' || operation === 'interets') {
        result.cash.push(cashLine({ type: (amount ?? 0) < 0 ? 'fee' : 'interest', date: date.value, amount: Math.abs(amount ?? 0), currency, note: get('operation'), line: row.line }));
      } else if (operation === 'frais' || operation === 'droits de garde' || operation === 'commission') {
        result.cash.push(cashLine({ type: 'fee', date: date.value, amount: Math.abs(amount ?? 0) || fees, currency, ...security, note: get('operation'), line: row.line }));
      } else if (operation === 'impot' || operation === 'prelevements sociaux' || operation === 'retenue a la source') {
        result.cash.push(cashLine({ type: 'tax', date: date.value, amount: Math.abs(amount ?? 0), currency, ...security, note: get('operation'), line: row.line }));
      } else {
        result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Relevé', word: get('operation') }));
      }
    }
    return byLine(result);
  },
};

/** Header spellings, with and without accents, per plain name. */
const VARIANTS: Record<string, readonly string[]> = {
  "date d'operation": ["Date d'operation", "Date d'opération", "Date d’opération"],
  operation: ['Operation', 'Opération'],
  isin: ['ISIN', 'Code ISIN'],
  libelle: ['Libelle', 'Libellé'],
  quantite: ['Quantite', 'Quantité'],
  cours: ['Cours'],
  montant: ['Montant'],
  frais: ['Frais'],
  devise: ['Devise'],
};
