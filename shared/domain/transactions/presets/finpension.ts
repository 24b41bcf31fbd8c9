import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, type TransactionPreset } from './preset';

/**
 * finpension (Swiss pillar 3a / vested benefits) transactions export. Prices are given in
 * francs ('Asset Price in CHF') with the asset's currency and its rate in francs; 'Cash Flow'
 * is what moved in the account, in francs.
 */
const REQUIRED = ['Date', 'Category', 'Asset Name', 'ISIN', 'Number of Shares', 'Asset Price in CHF', 'Cash Flow'];
const ACCOUNT_CURRENCY = 'CHF';

export const finpensionPreset: TransactionPreset = {
  id: 'finpension',
  label: 'finpension transactions',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: (text) => {
    const result: ImportResult = emptyResult();
    for (const row of readPresetRows(text, finpensionPreset, result)) {
      const category = row.get('Category');
      const lower = category.toLowerCase();
      const date = parseDateCell(row.get('Date'), 'DMY');
      const flow = parseNumberCell(row.get('Cash Flow'), '.');
      if (!date.ok || !flow.ok || flow.value === null) {
        result.errors.push(
          !date.ok
            ? lineError(row.line, 'date', 'errors:preset.cell', { column: 'Date', reason: date.text })
            : lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Cash Flow', value: row.get('Cash Flow') }),
        );
        continue;
      }
      const value = flow.value;
      const isin = row.get('ISIN').toUpperCase();
      const security = { isin: isIsin(isin) ? isin : null, symbol: null, name: emptyToNull(row.get('Asset Name')) };
      const cash = (type: ImportedCashTransaction['type']): void => {
        result.cash.push(cashLine({ type, date: date.value, amount: Math.abs(value), currency: ACCOUNT_CURRENCY, ...security, note: category, line: row.line }));
      };
      if (lower === 'buy' || lower === 'sell') {
        const shares = parseNumberCell(row.get('Number of Shares'), '.');
        const priceChf = parseNumberCell(row.get('Asset Price in CHF'), '.');
        const rate = parseNumberCell(row.get('Currency Rate'), '.');
        const assetCurrency = currencyCode(row.get('Asset Currency')) ?? ACCOUNT_CURRENCY;
        if (!shares.ok || shares.value === null || shares.value === 0 || !priceChf.ok || priceChf.value === null) {
          result.errors.push(
            lineError(row.line, 'quantity', 'errors:preset.sharesOrPrice', {
              what: category,
              sharesColumn: 'Number of Shares',
              shares: row.get('Number of Shares'),
              priceColumn: 'Asset Price in CHF',
              price: row.get('Asset Price in CHF'),
            }),
          );
          continue;
        }
        // 'Currency Rate' is francs per unit of the asset's currency.
        const foreign = assetCurrency !== ACCOUNT_CURRENCY && rate.ok && rate.value !== null && rate.value > 0;
        result.transactions.push(
          transaction({
            type: lower,
            date: date.value,
            quantity: Math.abs(shares.value),
            price: foreign ? round(priceChf.value / (rate.value ?? 1), 8) : priceChf.value,
            currency: foreign ? assetCurrency : ACCOUNT_CURRENCY,
            ...security,
            line: row.line,
            fxRate: foreign ? { accountCurrency: ACCOUNT_CURRENCY, rate: round(1 / (rate.value ?? 1), 10) } : undefined,
          }),
        );
      } else if (lower === 'dividend') {
        result.transactions.push(transaction({ type: 'dividend', date: date.value, quantity: 1, price: Math.abs(value), currency: ACCOUNT_CURRENCY, note: 'Distribution total (quantity 1 × amount).', ...security, line: row.line }));
      } else if (lower === 'deposit' || lower === 'transfer in') cash(lower === 'deposit' ? 'deposit' : 'transfer-in');
      else if (lower === 'withdrawal' || lower === 'transfer out' || lower === 'payout') cash(lower === 'transfer out' ? 'transfer-out' : 'withdrawal');
      else if (lower === 'interests' || lower === 'interest') cash(value < 0 ? 'fee' : 'interest');
      else if (/fee/.test(lower)) cash(value > 0 ? 'refund' : 'fee');
      else if (/tax/.test(lower)) cash(value > 0 ? 'refund' : 'tax');
      else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'finpension', word: category }));
    }
    return byLine(result);
  },
};
