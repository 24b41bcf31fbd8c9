import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction, ImportedTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';
import { simpleRatio } from './trading212';

/**
 * BUX transactions export. Amounts are in the account currency (EUR); a trade's Asset Price
 * is in the asset's currency with 'Exchange Rate' for the 'Currency Pair' (EURUSD 1.14547 =
 * dollars per euro). Older rows carry one empty cell too many before the amount, which is
 * recognised by the currency sitting in the balance column.
 */
const REQUIRED = ['Transaction Time (CET)', 'Transaction Category', 'Transaction Type', 'Transaction Amount', 'Transaction Currency', 'Asset Id'];

export const buxPreset: TransactionPreset = {
  id: 'bux',
  label: 'BUX transactions',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: parseBux,
};

function parseBux(text: string): ImportResult {
  const result = emptyResult();
  const trades: { row: NamedRow; t: ImportedTransaction; time: string }[] = [];
  const fees: { row: NamedRow; c: ImportedCashTransaction; time: string }[] = [];
  const splits: { row: NamedRow; out: boolean; quantity: number; date: string }[] = [];
  for (const row of readPresetRows(text, buxPreset, result)) {
    const shifted = currencyCode(row.get('Transaction Currency')) === null && currencyCode(row.get('Cash Balance Amount')) !== null;
    const amountCell = shifted ? row.get('Transaction Currency') : row.get('Transaction Amount');
    const currency = currencyCode(shifted ? row.get('Cash Balance Amount') : row.get('Transaction Currency'));
    const amount = parseNumberCell(amountCell, '.');
    const date = parseDateCell(row.get('Transaction Time (CET)'), 'DMY');
    const category = row.get('Transaction Category').toLowerCase();
    const type = row.get('Transaction Type');
    if (!date.ok || !amount.ok || amount.value === null || currency === null) {
      const field = !date.ok ? 'date' : currency === null ? 'currency' : 'amount';
      result.errors.push(
        !date.ok
          ? lineError(row.line, field, 'errors:preset.cell', { column: 'Transaction Time', reason: date.text })
          : lineError(row.line, field, 'errors:preset.amountOrCurrency', { column: 'Transaction Amount', value: amountCell }),
      );
      continue;
    }
    const value = amount.value;
    const isinCell = row.get('Asset Id').toUpperCase();
    const security = { isin: isIsin(isinCell) ? isinCell : null, symbol: null, name: emptyToNull(row.get('Asset Name')) };
    const externalId = /Order (?:Partial )?Id:\s*(.+)$/i.exec(row.get('Transaction Description'))?.[1]?.trim() ?? null;
    const cash = (kind: ImportedCashTransaction['type'], withSecurity = false): ImportedCashTransaction => {
      const c = cashLine({ type: kind, date: date.value, amount: Math.abs(value), currency, ...(withSecurity ? security : {}), note: type, externalId, line: row.line });
      result.cash.push(c);
      return c;
    };
    const quantity = parseNumberCell(row.get('Asset Quantity'), '.');
    const price = parseNumberCell(row.get('Asset Price'), '.');

    if (category === 'deposits') cash('deposit');
    else if (category === 'withdrawals') cash('withdrawal');
    else if (category === 'interest') cash(value < 0 ? 'fee' : 'interest');
    else if (category === 'fees') {
      const c = cash(value > 0 ? 'refund' : 'fee', security.isin !== null);
      if (security.isin !== null) fees.push({ row, c, time: row.get('Transaction Time (CET)').slice(0, 19) });
    } else if (category === 'dividends') {
      const gross = parseNumberCell(row.get('Dividend Gross Amount'), '.');
      const tax = parseNumberCell(row.get('Dividend Tax Amount'), '.');
      const hasGross = gross.ok && gross.value !== null;
      result.transactions.push(
        transaction({
          type: 'dividend',
          date: date.value,
          quantity: 1,
          price: hasGross ? Math.abs(gross.value ?? 0) : Math.abs(value),
          currency: hasGross ? (currencyCode(row.get('Dividend Currency')) ?? currency) : currency,
          taxes: hasGross && tax.ok ? Math.abs(tax.value ?? 0) : 0,
          note: hasGross ? 'Dividend total (quantity 1 × amount).' : 'Dividend as credited, after any tax (quantity 1 × amount).',
          ...security,
          line: row.line,
        }),
      );
    } else if (category === 'trades') {
      const side = /sell/i.test(type) ? 'sell' : /buy/i.test(type) ? 'buy' : null;
      const assetCurrency = currencyCode(row.get('Asset Currency')) ?? currency;
      if (side === null || !quantity.ok || quantity.value === null || quantity.value <= 0 || !price.ok || price.value === null) {
        result.errors.push(
          lineError(row.line, side === null ? 'type' : 'quantity', 'errors:preset.sharesOrPrice', {
            what: type,
            sharesColumn: 'Asset Quantity',
            shares: row.get('Asset Quantity'),
            priceColumn: 'Asset Price',
            price: row.get('Asset Price'),
          }),
        );
        continue;
      }
      const rate = parseNumberCell(row.get('Exchange Rate'), '.');
      const t = transaction({
        type: side,
        date: date.value,
        quantity: quantity.value,
        price: price.value,
        currency: assetCurrency,
        externalId,
        ...security,
        line: row.line,
        fxRate: assetCurrency !== currency && rate.ok && rate.value !== null ? { accountCurrency: currency, rate: rate.value } : undefined,
      });
      result.transactions.push(t);
      trades.push({ row, t, time: row.get('Transaction Time (CET)').slice(0, 19) });
    } else if (category === 'corporate_actions' && /split/i.test(row.get('Transaction Description')) && quantity.ok && quantity.value !== null) {
      splits.push({ row, out: /REDEEM/i.test(row.get('Transfer Type')) || value < 0, quantity: quantity.value, date: date.value });
    } else if (category === 'others') cash(value < 0 ? 'fee' : 'refund');
    else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'BUX', word: `${category} ${type}` }));
  }
  // A trading fee booked in the same second as a trade of the same asset and currency is that trade's fee.
  for (const f of fees) {
    const trade = trades.find((x) => x.time === f.time && x.t.isin === f.c.isin && x.t.currency === f.c.currency && f.c.type === 'fee');
    if (!trade) continue;
    trade.t.fees = round(trade.t.fees + f.c.amount);
    result.cash.splice(result.cash.indexOf(f.c), 1);
    result.skipped.push(skipLine(f.row.line, 'errors:preset.feeOfTrade', { line: trade.row.line }));
  }
  for (const out of splits.filter((s) => s.out)) {
    const into = splits.find((s) => !s.out && s.row.get('Asset Id') === out.row.get('Asset Id') && s.date === out.date);
    if (!into) {
      result.errors.push(lineError(out.row.line, 'splitRatio', 'errors:preset.splitWithoutShares'));
      continue;
    }
    result.transactions.push(
      transaction({
        type: 'split',
        date: out.date,
        quantity: 0,
        price: 0,
        currency: currencyCode(out.row.get('Asset Currency')) ?? 'EUR',
        splitRatio: simpleRatio(out.quantity, into.quantity),
        note: `${out.row.get('Transaction Description')}: ${out.quantity} shares became ${into.quantity}.`,
        isin: isIsin(out.row.get('Asset Id')) ? out.row.get('Asset Id').toUpperCase() : null,
        name: emptyToNull(out.row.get('Asset Name')),
        line: out.row.line,
      }),
    );
    result.skipped.push(skipLine(into.row.line, 'errors:preset.splitShares', { line: out.row.line }));
  }
  result.transactions.sort((a, b) => a.line - b.line);
  result.cash.sort((a, b) => a.line - b.line);
  return byLine(result);
}
