import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';

/**
 * Directa SIM 'movimenti' export (Italian), below a title block. 'Importo euro' is the cash
 * that moved, commissions included, so a trade's price is that amount over the quantity.
 * Withholding on a distribution or coupon is a line of its own ('Rit.provento etf',
 * 'Rit.cedola obb.') beside the payment.
 */
const REQUIRED = ['Data operazione', 'Tipo operazione', 'Ticker', 'Isin', 'Quantità', 'Importo euro'];

export const directaPreset: TransactionPreset = {
  id: 'directa',
  label: 'Directa movimenti',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'Italian',
  parse: parseDirecta,
};

const INCOME = /^(provento|dividendo|cedola|coupon)/i;
const WITHHOLDING = /^rit(\.|enuta)\s*(provento|dividendo|cedola|coupon)/i;

function parseDirecta(text: string): ImportResult {
  const result = emptyResult();
  const incomes: { row: NamedRow; date: string; amount: number }[] = [];
  const withheld: { row: NamedRow; date: string; amount: number }[] = [];
  for (const row of readPresetRows(text, directaPreset, result)) {
    const type = row.get('Tipo operazione');
    if (type === '') {
      result.skipped.push(skipLine(row.line, 'errors:preset.emptyType'));
      continue;
    }
    const date = parseDateCell(row.get('Data operazione'), 'DMY');
    const amount = parseNumberCell(row.get('Importo euro'), '.');
    if (!date.ok || !amount.ok || amount.value === null) {
      result.errors.push(
        !date.ok
          ? lineError(row.line, 'date', 'errors:preset.cell', { column: 'Data operazione', reason: date.text })
          : lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Importo euro', value: row.get('Importo euro') }),
      );
      continue;
    }
    const value = amount.value;
    const isin = row.get('Isin').toUpperCase();
    const security = { isin: isIsin(isin) ? isin : null, symbol: emptyToNull(row.get('Ticker')), name: emptyToNull(row.get('Descrizione')) };
    const externalId = emptyToNull(row.get('Riferimento ordine'));
    const cash = (kind: ImportedCashTransaction['type'], withSecurity: boolean): void => {
      result.cash.push(cashLine({ type: kind, date: date.value, amount: Math.abs(value), currency: 'EUR', ...(withSecurity ? security : {}), note: type, externalId, line: row.line }));
    };
    const lower = type.toLowerCase();
    if (lower === 'acquisto' || lower === 'vendita') {
      const quantity = parseNumberCell(row.get('Quantità'), '.');
      if (!quantity.ok || quantity.value === null || quantity.value <= 0) {
        result.errors.push(lineError(row.line, 'quantity', 'errors:preset.notSharesAboveZero', { column: 'Quantità', value: row.get('Quantità') }));
        continue;
      }
      const foreign = currencyCode(row.get('Divisa'));
      const inCurrency = parseNumberCell(row.get('Importo Divisa'), '.');
      const useForeign = foreign !== null && foreign !== 'EUR' && inCurrency.ok && inCurrency.value !== null && inCurrency.value !== 0;
      const total = useForeign ? Math.abs(inCurrency.value ?? 0) : Math.abs(value);
      result.transactions.push(
        transaction({
          type: lower === 'acquisto' ? 'buy' : 'sell',
          date: date.value,
          quantity: quantity.value,
          price: round(total / quantity.value, 8),
          currency: useForeign ? foreign : 'EUR',
          note: 'Price = amount / quantity (Directa states the total, commissions included).',
          externalId,
          ...security,
          line: row.line,
          fxRate: useForeign ? { accountCurrency: 'EUR', rate: round(total / Math.abs(value), 10) } : undefined,
        }),
      );
    } else if (WITHHOLDING.test(type)) withheld.push({ row, date: date.value, amount: value });
    else if (INCOME.test(type)) incomes.push({ row, date: date.value, amount: value });
    else if (/^conferimento|^versamento|^bonifico in entrata/i.test(type)) cash(value >= 0 ? 'deposit' : 'withdrawal', false);
    else if (/^prelievo|^bonifico in uscita|^disposizione/i.test(type)) cash('withdrawal', false);
    else if (/^ritenuta|^imposta|^tassa|^bollo|^tobin/i.test(type)) cash(value > 0 ? 'refund' : 'tax', security.isin !== null);
    else if (/^commission|^spese|^canone/i.test(type)) cash(value > 0 ? 'refund' : 'fee', security.isin !== null);
    else if (/^interessi/i.test(type)) cash(value < 0 ? 'fee' : 'interest', false);
    else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Directa', word: type }));
  }
  const used = new Set<NamedRow>();
  for (const inc of incomes) {
    const tax = withheld.find((w) => !used.has(w.row) && w.date === inc.date && w.row.get('Isin') === inc.row.get('Isin'));
    if (tax) {
      used.add(tax.row);
      result.skipped.push(skipLine(tax.row.line, 'errors:preset.taxOfPayment', { line: inc.row.line }));
    }
    const isin = inc.row.get('Isin').toUpperCase();
    result.transactions.push(
      transaction({
        type: 'dividend',
        date: inc.date,
        quantity: 1,
        price: Math.abs(inc.amount),
        currency: 'EUR',
        taxes: tax ? Math.abs(tax.amount) : 0,
        note: `${inc.row.get('Tipo operazione')} (quantity 1 × amount).`,
        isin: isIsin(isin) ? isin : null,
        symbol: emptyToNull(inc.row.get('Ticker')),
        name: emptyToNull(inc.row.get('Descrizione')),
        line: inc.row.line,
      }),
    );
  }
  for (const w of withheld) {
    if (used.has(w.row)) continue;
    result.cash.push(cashLine({ type: 'tax', date: w.date, amount: Math.abs(w.amount), currency: 'EUR', isin: emptyToNull(w.row.get('Isin')), note: `${w.row.get('Tipo operazione')} without its payment in this file.`, line: w.row.line }));
  }
  result.transactions.sort((a, b) => a.line - b.line);
  result.cash.sort((a, b) => a.line - b.line);
  return byLine(result);
}
