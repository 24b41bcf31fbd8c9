import { effectiveWidth, isBlank, readCsvTable } from './csv';
import { parseDateCell } from './date-cells';
import { currencyUnit, emptyToNull, isFooterRow, isIsin } from './cells';
import { keyedText, type ErrorText } from '../common/errors';
import type { ErrorKey } from '../../i18n/errorText';
import type { ImportField, ImportResult, ImportedTransaction, SkippedLine } from './imported-transaction';
import type { MappedField, TransactionMapping } from './mapping';
import { parseNumberCell } from './numbers';
import { cashLine, round } from './presets/build';
import { DEFAULT_TYPE_WORDS, lookupTypeWord, type TypeWordTarget } from './type-words';

/** Start of the error for a type word the mapping does not cover; the mapping step lists these words. */
export const UNKNOWN_TYPE_WORD = 'Unknown transaction type';

/** The word of an 'Unknown transaction type' error, so the mapping step can offer it. */
export function unknownTypeWordOf(message: string): string | null {
  return message.startsWith(UNKNOWN_TYPE_WORD) ? (/'(.*)'/.exec(message)?.[1] ?? null) : null;
}

/**
 * Reads every data row with a confirmed mapping. Nothing is dropped quietly: a row
 * becomes a transaction, a per-field error, or a skipped line with a reason. The
 * caller decides to import all or nothing.
 */
/** The catalogue name of each type a line can be read as, for messages that name it. */
export const TYPE_NAMES = {
  buy: 'errors:typeName.buy',
  sell: 'errors:typeName.sell',
  dividend: 'errors:typeName.dividend',
  split: 'errors:typeName.split',
  fee: 'errors:typeName.fee',
  deposit: 'errors:typeName.deposit',
  withdrawal: 'errors:typeName.withdrawal',
  interest: 'errors:typeName.interest',
  tax: 'errors:typeName.tax',
  refund: 'errors:typeName.refund',
  'transfer-in': 'errors:typeName.transfer-in',
  'transfer-out': 'errors:typeName.transfer-out',
} as const satisfies Record<Exclude<TypeWordTarget, 'skip'>, ErrorKey>;

/** The line-field messages of number cells, by field. */
const CELL_FIELD = {
  quantity: 'errors:importLine.quantity',
  price: 'errors:importLine.price',
  amount: 'errors:importLine.amount',
  fees: 'errors:importLine.fees',
} as const;

/** A skipped line with its reason in English and as a catalogue message. */
function skip(line: number, text: ErrorText & { message: string }): SkippedLine {
  const { message, ...rest } = text;
  return { line, reason: message, ...rest };
}

export function parseTransactions(text: string, mapping: TransactionMapping): ImportResult {
  const result: ImportResult = { transactions: [], cash: [], errors: [], skipped: [] };
  if (isBlank(text)) {
    result.errors.push({ line: 1, field: 'row', ...keyedText('errors:importLine.fileEmpty') });
    return result;
  }
  const table = readCsvTable(text, {
    delimiter: mapping.delimiter,
    isHeader: () => false,
  });
  const all = table.rows;
  const headerIndex = all.findIndex((r) => r.line === mapping.headerLine);
  const header = all[headerIndex];
  if (!header) {
    result.errors.push({ line: mapping.headerLine, field: 'row', ...keyedText('errors:importLine.noHeader', { line: mapping.headerLine }) });
    return result;
  }
  for (const p of table.problems) result.errors.push({ field: 'row', ...p });

  const width = effectiveWidth(header.cells);
  const rows = all.slice(headerIndex + 1);
  if (rows.length === 0) {
    result.errors.push({ line: header.line, field: 'row', ...keyedText('errors:importLine.headerNoRows') });
    return result;
  }

  for (const row of rows) {
    const errors: (ErrorText & { field: ImportField; message: string })[] = [];
    const cell = (field: MappedField | 'fxRate'): string => {
      const index = mapping.columns[field];
      return index === null || index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const number = (field: keyof typeof CELL_FIELD): number | null => {
      const parsed = parseNumberCell(cell(field), mapping.decimalSeparator);
      if (parsed.ok) return parsed.value;
      errors.push({ field, ...keyedText(CELL_FIELD[field], { reason: parsed.text }) });
      return null;
    };

    if (isFooterRow(row.cells) && effectiveWidth(row.cells) < width) {
      result.skipped.push(skip(row.line, keyedText('errors:skipped.summary')));
      continue;
    }
    if (effectiveWidth(row.cells) > width || row.cells.length < width) {
      result.errors.push({
        line: row.line,
        field: 'row',
        ...keyedText('errors:importLine.width', { count: effectiveWidth(row.cells), width }),
      });
      continue;
    }

    const word = cell('type');
    // Words the user did not map fall back to the words brokers write in ten languages.
    const target: TypeWordTarget | undefined = word === '' ? undefined : (lookupTypeWord(mapping.typeWords, word) ?? lookupTypeWord(DEFAULT_TYPE_WORDS, word));
    if (word === '') {
      result.errors.push({ line: row.line, field: 'type', ...keyedText('errors:importLine.typeEmpty') });
      continue;
    }
    if (target === undefined) {
      result.errors.push({
        line: row.line,
        field: 'type',
        ...keyedText('errors:importLine.unknownType', { word }),
      });
      continue;
    }
    if (target === 'skip') {
      result.skipped.push(skip(row.line, keyedText('errors:skipped.setToSkip', { word })));
      continue;
    }

    const date = parseDateCell(cell('date'), mapping.dateOrder);
    if (!date.ok) errors.push({ field: 'date', ...keyedText('errors:importLine.date', { reason: date.text }) });

    let symbol = emptyToNull(cell('symbol'));
    let isin = emptyToNull(cell('isin'))?.toUpperCase() ?? null;
    if (symbol !== null && isin === null && isIsin(symbol)) {
      isin = symbol.toUpperCase();
      symbol = null;
    }
    const name = emptyToNull(cell('name'));

    const currencyRaw = cell('currency');
    const noCurrency = currencyRaw === '' || currencyRaw === '-';
    const unit = noCurrency ? (mapping.defaultCurrency ? { code: mapping.defaultCurrency, divisor: 1 } : null) : currencyUnit(currencyRaw);
    const currency = unit?.code ?? null;
    if (currency === null) {
      errors.push({
        field: 'currency',
        ...(noCurrency ? keyedText('errors:importLine.noCurrency') : keyedText('errors:importLine.badCurrency', { value: currencyRaw })),
      });
    }
    // Pence (GBX, GBp): every amount of the line is in pence.
    const inUnits = (value: number | null): number | null => (value === null || unit === null || unit.divisor === 1 ? value : round(value / unit.divisor, 10));

    let quantity = number('quantity');
    let price = inUnits(number('price'));
    const amount = inUnits(number('amount'));
    const feesRaw = inUnits(number('fees'));
    const rate = cell('fxRate') === '' ? null : parseNumberCell(cell('fxRate'), mapping.decimalSeparator);
    const fxRate = rate !== null && rate.ok && rate.value !== null && rate.value > 0 ? rate.value : null;

    if (isCashTarget(target)) {
      // The amount, else shares × price (Ghostfolio's interest), else a fee column holding the only figure.
      const value = amount ?? (quantity !== null && price !== null ? quantity * price : null) ?? feesRaw;
      if (!date.ok || currency === null || value === null) {
        if (value === null) errors.push({ field: 'amount', ...keyedText('errors:importLine.cashNeedsAmount', { target: { key: TYPE_NAMES[target] } }) });
        for (const e of errors) result.errors.push({ line: row.line, ...e });
        continue;
      }
      if (value === 0) {
        result.skipped.push(skip(row.line, keyedText('errors:skipped.zeroMoney', { word })));
        continue;
      }
      result.cash.push(
        cashLine({ type: target, date: date.value, amount: Math.abs(value), currency, symbol, isin, name, note: cell('note') || word, externalId: emptyToNull(cell('externalId')), line: row.line }),
      );
      continue;
    }
    // Brokers print costs as negative cash flows; a fee is a cost either way.
    let fees = feesRaw === null ? 0 : Math.abs(feesRaw);
    let note = cell('note');

    if (target === 'buy' || target === 'sell') {
      if (quantity === null) errors.push({ field: 'quantity', ...keyedText('errors:importLine.needsQuantity', { target: { key: TYPE_NAMES[target] } }) });
      else if (quantity < 0 && target === 'buy') {
        errors.push({ field: 'quantity', ...keyedText('errors:importLine.negativeBuy', { quantity }) });
      } else quantity = Math.abs(quantity); // many brokers sign sells negative
      if (price === null && amount !== null && quantity !== null && quantity !== 0) price = Math.abs(amount) / Math.abs(quantity);
      if (price === null) errors.push({ field: 'price', ...keyedText('errors:importLine.needsPrice', { target: { key: TYPE_NAMES[target] } }) });
    } else if (target === 'dividend') {
      if (quantity !== null && price !== null) {
        if (quantity < 0 || price < 0) errors.push({ field: 'quantity', ...keyedText('errors:importLine.negativeDividendParts') });
      } else if (amount !== null) {
        if (amount < 0) errors.push({ field: 'amount', ...keyedText('errors:importLine.negativeDividend', { amount }) });
        quantity = 1;
        price = Math.abs(amount);
        note = joinNote(note, 'Dividend total (quantity 1 × amount).');
      } else errors.push({ field: 'amount', ...keyedText('errors:importLine.dividendNeedsAmount') });
    } else if (target === 'fee') {
      const amounts = [feesRaw, amount, quantity !== null && price !== null ? quantity * price : null];
      const cost = amounts.find((v) => v !== null && v !== 0) ?? amounts.find((v) => v !== null) ?? null;
      if (cost === null) errors.push({ field: 'fees', ...keyedText('errors:importLine.feeNeedsAmount') });
      else if (cost === 0) {
        // A commission column of 0 on a fee line: nothing was charged.
        result.skipped.push(skip(row.line, keyedText('errors:skipped.zeroCharged', { word })));
        continue;
      }
      fees = Math.abs(cost ?? 0);
      quantity = 0;
      price = 0;
    } else {
      if (quantity !== null && quantity < 0) errors.push({ field: 'quantity', ...keyedText('errors:importLine.negativeSplit', { quantity }) });
    }
    if (price !== null && price < 0) errors.push({ field: 'price', ...keyedText('errors:importLine.negativePrice', { price }) });

    if (symbol === null && isin === null && name === null) {
      if (target === 'fee' && date.ok && currency !== null && errors.length === 0) {
        // A fee that names no security is a fee of the account.
        result.cash.push(cashLine({ type: 'fee', date: date.value, amount: fees, currency, note: note || word, externalId: emptyToNull(cell('externalId')), line: row.line }));
        continue;
      }
      errors.push({ field: 'symbol', ...keyedText('errors:importLine.noSecurity') });
    }
    if (target === 'dividend' && price === 0) {
      result.skipped.push(skip(row.line, keyedText('errors:skipped.zeroPays', { word })));
      continue;
    }
    // Price in the instrument's currency, amount in the account's: the amount column must agree with shares × price / rate.
    if ((target === 'buy' || target === 'sell') && quantity !== null && price !== null && amount !== null && quantity > 0) {
      const expected = (quantity * price) / (fxRate ?? 1);
      const gross = Math.abs(amount);
      const tolerance = 0.01 * quantity + 0.01;
      // Brokers put the fees into the amount or leave them out; either reconciles.
      if (Math.abs(gross - expected) > tolerance && Math.abs(gross - expected - fees) > tolerance && Math.abs(gross - expected + fees) > tolerance) {
        const warning = fxRate
          ? keyedText('errors:importLine.amountMismatchFx', { amount: gross, quantity, price, rate: fxRate, expected: round(expected, 4) })
          : keyedText('errors:importLine.amountMismatch', { amount: gross, quantity, price, expected: round(expected, 4) });
        (result.warnings ??= []).push({ line: row.line, field: 'amount', ...warning });
        note = joinNote(note, warning.message);
      }
    }

    if (errors.length > 0 || !date.ok || currency === null) {
      for (const e of errors) result.errors.push({ line: row.line, ...e });
      continue;
    }
    const transaction: ImportedTransaction = {
      type: target,
      date: date.value,
      quantity: quantity ?? 0,
      price: price ?? 0,
      currency,
      fees,
      splitRatio: undefined,
      note,
      externalId: emptyToNull(cell('externalId')),
      symbol,
      isin,
      name,
      line: row.line,
      taxes: 0,
      account: null,
    };
    if (fxRate !== null && (target === 'buy' || target === 'sell')) {
      transaction.fxRate = { accountCurrency: mapping.accountCurrency ?? mapping.defaultCurrency ?? currency, rate: fxRate };
    }
    result.transactions.push(transaction);
  }
  return result;
}

function isCashTarget(target: TypeWordTarget): target is Exclude<TypeWordTarget, 'buy' | 'sell' | 'dividend' | 'split' | 'fee' | 'skip'> {
  return target !== 'buy' && target !== 'sell' && target !== 'dividend' && target !== 'split' && target !== 'fee' && target !== 'skip';
}

export function joinNote(a: string, b: string): string {
  return a === '' ? b : `${a} — ${b}`;
}
