import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull } from '../cells';
import type { ImportResult } from '../imported-transaction';
import { byLine, emptyResult, readPresetRows, RowErrors, type TransactionPreset } from './preset';

/**
 * Interactive Brokers Flex Query, Trades section exported as CSV. The column set
 * is chosen by the user when defining the query, so columns are read by name and
 * only Buy/Sell, TradeDate, Quantity and TradePrice are required.
 */
const REQUIRED = ['Buy/Sell', 'TradeDate', 'Quantity', 'TradePrice'];

export const ibkrFlexTradesPreset: TransactionPreset = {
  id: 'ibkr-flex-trades',
  label: 'Interactive Brokers Flex Query trades',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  parse: parseIbkr,
};

function parseIbkr(text: string): ImportResult {
  const result = emptyResult();
  // A Flex CSV with several accounts repeats the header before each block.
  const rows = readPresetRows(text, ibkrFlexTradesPreset, result, (row) =>
    ibkrFlexTradesPreset.isHeader(row.cells.map((c) => c.trim())) ? 'Repeated header line.' : null,
  );
  for (const row of rows) {
    const side = row.get('Buy/Sell').toUpperCase();
    const assetClass = row.get('AssetClass').toUpperCase();
    const symbol = emptyToNull(row.get('Symbol'));
    const isin = emptyToNull(row.get('ISIN'))?.toUpperCase() ?? null;

    if (assetClass === 'CASH' || (symbol === null && isin === null)) {
      result.skipped.push({ line: row.line, reason: 'Currency conversion (FX trade), not a security transaction.' });
      continue;
    }
    if (assetClass !== '' && assetClass !== 'STK') {
      result.skipped.push({ line: row.line, reason: `Asset class ${assetClass} (e.g. options, futures) is not supported; only stocks and ETFs are imported.` });
      continue;
    }
    const type = side === 'BUY' ? 'buy' : side === 'SELL' ? 'sell' : null;
    const errors = new RowErrors(row.line, '.');
    if (type === null) {
      // 'BUY (Ca.)' and similar are cancellations or corrections: the user must decide.
      errors.add('type', `Buy/Sell '${row.get('Buy/Sell')}' is not BUY or SELL.`);
    }
    const date = parseDateCell(row.get('TradeDate') || row.get('DateTime'), 'MDY');
    if (!date.ok) errors.add('date', `TradeDate: ${date.reason}.`);
    const quantity = errors.number('quantity', row.get('Quantity'), 'Quantity');
    const price = errors.number('price', row.get('TradePrice'), 'TradePrice');
    const commission = errors.number('fees', row.get('IBCommission'), 'IBCommission');
    // IBKR signs quantity by direction: sells are negative, buys positive.
    if (quantity !== null && type !== null && (type === 'buy' ? quantity < 0 : quantity > 0)) {
      errors.add('quantity', `Quantity ${quantity} does not match ${side}: IBKR buys are positive, sells negative.`);
    }
    if (quantity === null) errors.add('quantity', 'Quantity: missing.');
    if (price === null || price < 0) errors.add('price', `TradePrice: '${row.get('TradePrice')}' is not a valid price.`);

    const currency = currencyCode(row.get('CurrencyPrimary'));
    if (currency === null) errors.add('currency', `CurrencyPrimary: '${row.get('CurrencyPrimary')}' is not a currency code.`);
    const commissionCurrency = currencyCode(row.get('IBCommissionCurrency')) ?? currency;
    if (commission !== null && commission !== 0 && commissionCurrency !== currency) {
      errors.add('fees', `Commission is in ${commissionCurrency ?? '?'} but the trade in ${currency ?? '?'}; convert it and enter the trade by hand.`);
    }

    if (!errors.ok || !date.ok || type === null || currency === null) {
      errors.flushInto(result);
      continue;
    }
    result.transactions.push({
      type,
      date: date.value,
      quantity: Math.abs(quantity ?? 0),
      price: price ?? 0,
      currency,
      fees: Math.abs(commission ?? 0),
      splitRatio: undefined,
      note: '',
      externalId: emptyToNull(row.get('TransactionID')) ?? emptyToNull(row.get('TradeID')) ?? emptyToNull(row.get('IBExecID')),
      symbol,
      isin,
      name: emptyToNull(row.get('Description')),
      line: row.line,
      taxes: 0,
      account: null,
    });
  }
  return byLine(result);
}
