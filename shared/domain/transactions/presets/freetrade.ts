import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell } from '../numbers';
import { cashLine, round, transaction } from './build';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';

/**
 * Freetrade activity export. An order of a US share states its price in dollars ('Price
 * per Share'), the same price in pounds, the market rate ('Base FX Rate') and Freetrade's
 * FX fee in pounds: Total Amount = shares × price in pounds + FX fee + stamp duty.
 */
const REQUIRED = ['Title', 'Type', 'Timestamp', 'Account Currency', 'Total Amount', 'Buy / Sell', 'Ticker', 'ISIN'];

export const freetradePreset: TransactionPreset = {
  id: 'freetrade',
  label: 'Freetrade activity',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: parseFreetrade,
};

function parseFreetrade(text: string): ImportResult {
  const result = emptyResult();
  for (const row of readPresetRows(text, freetradePreset, result)) {
    const type = row.get('Type').toUpperCase();
    const date = parseDateCell(row.get('Timestamp'), 'DMY');
    const n = (column: string): number | null => {
      const parsed = parseNumberCell(row.get(column), '.');
      return parsed.ok ? parsed.value : null;
    };
    const account = currencyCode(row.get('Account Currency'));
    const total = n('Total Amount');
    if (type === 'MONTHLY_STATEMENT') {
      result.skipped.push(skipLine(row.line, 'errors:preset.statementNotice', { title: row.get('Title') }));
      continue;
    }
    if (!date.ok || account === null || total === null) {
      result.errors.push(
        !date.ok
          ? lineError(row.line, 'date', 'errors:preset.cell', { column: 'Timestamp', reason: date.text })
          : account === null
            ? lineError(row.line, 'currency', 'errors:preset.notCurrency', { column: 'Account Currency', value: row.get('Account Currency') })
            : lineError(row.line, 'amount', 'errors:preset.notNumber', { column: 'Total Amount', value: row.get('Total Amount') }),
      );
      continue;
    }
    const security = { symbol: emptyToNull(row.get('Ticker')), isin: isIsin(row.get('ISIN')) ? row.get('ISIN') : null, name: emptyToNull(row.get('Title')) };
    const cash = (kind: ImportedCashTransaction['type'], extra: Partial<ImportedCashTransaction> = {}): void => {
      result.cash.push(cashLine({ type: kind, date: date.value, amount: Math.abs(total), currency: account, note: row.get('Title'), line: row.line, ...extra }));
    };
    if (type === 'TOP_UP') cash('deposit');
    else if (type === 'WITHDRAWAL') cash('withdrawal');
    else if (type === 'INTEREST_FROM_CASH') cash('interest');
    else if (type === 'ORDER' || type === 'FREESHARE_ORDER') readOrder(row, date.value, account, total, type === 'FREESHARE_ORDER', security, result);
    else if (type === 'DIVIDEND' || type === 'PROPERTY') readDividend(row, date.value, account, total, type, security, result);
    else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Freetrade', word: row.get('Type') }));
  }
  return byLine(result);
}

interface Security {
  symbol: string | null;
  isin: string | null;
  name: string | null;
}

function num(row: NamedRow, column: string): number | null {
  const parsed = parseNumberCell(row.get(column), '.');
  return parsed.ok ? parsed.value : null;
}

function readOrder(row: NamedRow, date: string, account: string, total: number, free: boolean, security: Security, result: ImportResult): void {
  const side = row.get('Buy / Sell').toUpperCase();
  const quantity = num(row, 'Quantity');
  const instrumentCurrency = currencyCode(row.get('Instrument Currency')) ?? account;
  const price = num(row, 'Price per Share') ?? num(row, 'Price per Share in Account Currency');
  if ((side !== 'BUY' && side !== 'SELL') || quantity === null || quantity <= 0 || price === null) {
    result.errors.push(
      lineError(row.line, side !== 'BUY' && side !== 'SELL' ? 'type' : 'quantity', 'errors:preset.freetradeOrder', {
        side: row.get('Buy / Sell'),
        quantity: row.get('Quantity'),
        price: row.get('Price per Share'),
      }),
    );
    return;
  }
  const stamp = Math.abs(num(row, 'Stamp Duty') ?? 0);
  const fxFee = Math.abs(num(row, 'FX Fee Amount') ?? 0);
  const foreign = instrumentCurrency !== account;
  // Costs in pounds go with a pound trade; for a dollar trade they are a cash line in pounds.
  const costsInAccount = round(stamp + fxFee);
  if (foreign && costsInAccount > 0) {
    result.cash.push(cashLine({ type: 'fee', date, amount: costsInAccount, currency: account, ...security, note: `FX fee and stamp duty of the order on line ${row.line}.`, externalId: emptyToNull(row.get('Order ID')), line: row.line }));
  }
  if (free) {
    // The free share is a gift: money from outside buys it, so its value counts as paid in.
    result.cash.push(cashLine({ type: 'deposit', date, amount: Math.abs(total), currency: account, ...security, note: `Free share from Freetrade worth ${total} ${account}.`, line: row.line }));
  }
  const baseRate = num(row, 'Base FX Rate');
  result.transactions.push(
    transaction({
      type: side === 'BUY' ? 'buy' : 'sell',
      date,
      quantity,
      price,
      currency: instrumentCurrency,
      fees: foreign ? 0 : costsInAccount,
      note: free ? 'Free share.' : '',
      externalId: emptyToNull(row.get('Order ID')),
      ...security,
      line: row.line,
      fxRate: foreign && baseRate !== null ? { accountCurrency: account, rate: baseRate } : undefined,
    }),
  );
}

function readDividend(row: NamedRow, date: string, account: string, total: number, type: string, security: Security, result: ImportResult): void {
  const eligible = num(row, 'Dividend Eligible Quantity');
  const perShare = num(row, 'Dividend Amount Per Share');
  const gross = num(row, 'Dividend Gross Distribution Amount');
  const tax = Math.abs(num(row, 'Dividend Withheld Tax Amount') ?? 0);
  const currency = currencyCode(row.get('Instrument Currency')) ?? account;
  if (eligible === null || eligible <= 0 || perShare === null) {
    // Only the total is known: it is in the account currency, after tax.
    result.transactions.push(transaction({ type: 'dividend', date, quantity: 1, price: Math.abs(total), currency: account, note: 'Dividend total after tax (quantity 1 × amount).', ...security, line: row.line }));
    return;
  }
  // Keep the per-share amount when it gives the gross to the cent, else gross / shares.
  const price = gross !== null && Math.abs(eligible * perShare - gross) > 0.01 ? round(gross / eligible, 8) : perShare;
  result.transactions.push(
    transaction({
      type: 'dividend',
      date,
      quantity: eligible,
      price,
      currency,
      taxes: tax,
      note: type === 'PROPERTY' ? 'Property income distribution (REIT).' : '',
      ...security,
      line: row.line,
    }),
  );
}
