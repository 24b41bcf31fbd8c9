import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull } from '../cells';
import type { ImportResult } from '../imported-transaction';
import { keyedText } from '../../common/errors';
import { byLine, emptyResult, readPresetRows, RowErrors, skipLine, type TransactionPreset } from './preset';

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
    ibkrFlexTradesPreset.isHeader(row.cells.map((c) => c.trim())) ? keyedText('errors:preset.repeatedHeader') : null,
  );
  for (const row of rows) {
    const side = row.get('Buy/Sell').toUpperCase();
    const assetClass = row.get('AssetClass').toUpperCase();
    const symbol = emptyToNull(row.get('Symbol'));
    const isin = emptyToNull(row.get('ISIN'))?.toUpperCase() ?? null;

    if (assetClass === 'CASH' || (symbol === null && isin === null)) {
      result.skipped.push(skipLine(row.line, 'errors:preset.fxTrade'));
      continue;
    }
    if (assetClass !== '' && assetClass !== 'STK') {
      result.skipped.push(skipLine(row.line, 'errors:preset.assetClass', { assetClass, name: row.get('Description') || (symbol ?? isin ?? '') }));
      continue;
    }
    const type = side === 'BUY' ? 'buy' : side === 'SELL' ? 'sell' : null;
    const errors = new RowErrors(row.line, '.');
    if (type === null) {
      // 'BUY (Ca.)' and similar are cancellations or corrections: the user must decide.
      errors.add('type', 'errors:preset.notBuyOrSell', { column: 'Buy/Sell', value: row.get('Buy/Sell') });
    }
    const date = parseDateCell(row.get('TradeDate') || row.get('DateTime'), 'MDY');
    if (!date.ok) errors.add('date', 'errors:preset.cell', { column: 'TradeDate', reason: date.text });
    const quantity = errors.number('quantity', row.get('Quantity'), 'Quantity');
    const price = errors.number('price', row.get('TradePrice'), 'TradePrice');
    const commission = errors.number('fees', row.get('IBCommission'), 'IBCommission');
    // IBKR signs quantity by direction: sells are negative, buys positive.
    if (quantity !== null && type !== null && (type === 'buy' ? quantity < 0 : quantity > 0)) {
      errors.add('quantity', 'errors:preset.quantitySign', { quantity, side });
    }
    if (quantity === null) errors.add('quantity', 'errors:preset.missing', { column: 'Quantity' });
    if (price === null || price < 0) errors.add('price', 'errors:preset.badPrice', { column: 'TradePrice', value: row.get('TradePrice') });

    const currency = currencyCode(row.get('CurrencyPrimary'));
    if (currency === null) errors.add('currency', 'errors:preset.notCurrency', { column: 'CurrencyPrimary', value: row.get('CurrencyPrimary') });
    const commissionCurrency = currencyCode(row.get('IBCommissionCurrency')) ?? currency;
    if (commission !== null && commission !== 0 && commissionCurrency !== currency) {
      errors.add('fees', 'errors:preset.commissionCurrency', { commission: commissionCurrency ?? '?', trade: currency ?? '?' });
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
