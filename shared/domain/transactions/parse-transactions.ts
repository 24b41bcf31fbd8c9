import { effectiveWidth, isBlank, readCsvTable } from './csv';
import { parseDateCell } from './date-cells';
import { currencyUnit, emptyToNull, isFooterRow, isIsin } from './cells';
import type { ImportField, ImportResult, ImportedTransaction } from './imported-transaction';
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
export function parseTransactions(text: string, mapping: TransactionMapping): ImportResult {
  const result: ImportResult = { transactions: [], cash: [], errors: [], skipped: [] };
  if (isBlank(text)) {
    result.errors.push({ line: 1, field: 'row', message: 'The file is empty.' });
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
    result.errors.push({ line: mapping.headerLine, field: 'row', message: `No header row on line ${mapping.headerLine}.` });
    return result;
  }
  for (const p of table.problems) result.errors.push({ line: p.line, field: 'row', message: p.message });

  const width = effectiveWidth(header.cells);
  const rows = all.slice(headerIndex + 1);
  if (rows.length === 0) {
    result.errors.push({ line: header.line, field: 'row', message: 'The file has a header but no transactions.' });
    return result;
  }

  for (const row of rows) {
    const errors: { field: ImportField; message: string }[] = [];
    const cell = (field: MappedField | 'fxRate'): string => {
      const index = mapping.columns[field];
      return index === null || index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const number = (field: MappedField & ImportField): number | null => {
      const parsed = parseNumberCell(cell(field), mapping.decimalSeparator);
      if (parsed.ok) return parsed.value;
      errors.push({ field, message: `${capitalise(field)}: ${parsed.reason}.` });
      return null;
    };

    if (isFooterRow(row.cells) && effectiveWidth(row.cells) < width) {
      result.skipped.push({ line: row.line, reason: 'Summary line after the transactions.' });
      continue;
    }
    if (effectiveWidth(row.cells) > width || row.cells.length < width) {
      result.errors.push({
        line: row.line,
        field: 'row',
        message: `This line has ${effectiveWidth(row.cells)} ${effectiveWidth(row.cells) === 1 ? 'value' : 'values'} but the header has ${width}; a delimiter or quote is probably missing or extra.`,
      });
      continue;
    }

    const word = cell('type');
    // Words the user did not map fall back to the words brokers write in ten languages.
    const target: TypeWordTarget | undefined = word === '' ? undefined : (lookupTypeWord(mapping.typeWords, word) ?? lookupTypeWord(DEFAULT_TYPE_WORDS, word));
    if (word === '') {
      result.errors.push({ line: row.line, field: 'type', message: 'The transaction type is empty.' });
      continue;
    }
    if (target === undefined) {
      result.errors.push({
        line: row.line,
        field: 'type',
        message: `${UNKNOWN_TYPE_WORD} '${word}'. Map it to buy, sell, dividend, split, fee, a cash type, or skip it.`,
      });
      continue;
    }
    if (target === 'skip') {
      result.skipped.push({ line: row.line, reason: `'${word}' is not a security transaction (set to skip).` });
      continue;
    }

    const date = parseDateCell(cell('date'), mapping.dateOrder);
    if (!date.ok) errors.push({ field: 'date', message: `Date: ${date.reason}.` });

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
        message: noCurrency ? 'Currency: the file gives none; choose a default currency.' : `Currency: '${currencyRaw}' is not a three-letter currency code.`,
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
        if (value === null) errors.push({ field: 'amount', message: `Amount: a ${target} line needs an amount.` });
        for (const e of errors) result.errors.push({ line: row.line, ...e });
        continue;
      }
      if (value === 0) {
        result.skipped.push({ line: row.line, reason: `'${word}' of 0 moves no money.` });
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
      if (quantity === null) errors.push({ field: 'quantity', message: `Quantity: a ${target} needs a number of shares.` });
      else if (quantity < 0 && target === 'buy') {
        errors.push({ field: 'quantity', message: `Quantity: a buy cannot have a negative quantity (${quantity}).` });
      } else quantity = Math.abs(quantity); // many brokers sign sells negative
      if (price === null && amount !== null && quantity !== null && quantity !== 0) price = Math.abs(amount) / Math.abs(quantity);
      if (price === null) errors.push({ field: 'price', message: `Price: a ${target} needs a price or an amount.` });
    } else if (target === 'dividend') {
      if (quantity !== null && price !== null) {
        if (quantity < 0 || price < 0) errors.push({ field: 'quantity', message: 'Quantity/price: a dividend cannot be negative.' });
      } else if (amount !== null) {
        if (amount < 0) errors.push({ field: 'amount', message: `Amount: a dividend cannot be negative (${amount}).` });
        quantity = 1;
        price = Math.abs(amount);
        note = joinNote(note, 'Dividend total (quantity 1 × amount).');
      } else errors.push({ field: 'amount', message: 'Amount: a dividend needs an amount, or a quantity and a price per share.' });
    } else if (target === 'fee') {
      const amounts = [feesRaw, amount, quantity !== null && price !== null ? quantity * price : null];
      const cost = amounts.find((v) => v !== null && v !== 0) ?? amounts.find((v) => v !== null) ?? null;
      if (cost === null) errors.push({ field: 'fees', message: 'Fees: a fee line needs an amount.' });
      else if (cost === 0) {
        // A commission column of 0 on a fee line: nothing was charged.
        result.skipped.push({ line: row.line, reason: `'${word}' of 0: nothing was charged.` });
        continue;
      }
      fees = Math.abs(cost ?? 0);
      quantity = 0;
      price = 0;
    } else {
      if (quantity !== null && quantity < 0) errors.push({ field: 'quantity', message: `Quantity: a split cannot add a negative number of shares (${quantity}).` });
    }
    if (price !== null && price < 0) errors.push({ field: 'price', message: `Price: cannot be negative (${price}).` });

    if (symbol === null && isin === null && name === null) {
      if (target === 'fee' && date.ok && currency !== null && errors.length === 0) {
        // A fee that names no security is a fee of the account.
        result.cash.push(cashLine({ type: 'fee', date: date.value, amount: fees, currency, note: note || word, externalId: emptyToNull(cell('externalId')), line: row.line }));
        continue;
      }
      errors.push({ field: 'symbol', message: 'Security: the line has no symbol, ISIN or name.' });
    }
    if (target === 'dividend' && price === 0) {
      result.skipped.push({ line: row.line, reason: `'${word}' of 0 pays nothing.` });
      continue;
    }
    // Price in the instrument's currency, amount in the account's: the amount column must agree with shares × price / rate.
    if ((target === 'buy' || target === 'sell') && quantity !== null && price !== null && amount !== null && quantity > 0) {
      const expected = (quantity * price) / (fxRate ?? 1);
      const gross = Math.abs(amount);
      const tolerance = 0.01 * quantity + 0.01;
      // Brokers put the fees into the amount or leave them out; either reconciles.
      if (Math.abs(gross - expected) > tolerance && Math.abs(gross - expected - fees) > tolerance && Math.abs(gross - expected + fees) > tolerance) {
        const warning = `Amount ${gross} does not match ${quantity} × ${price}${fxRate ? ` / ${fxRate}` : ''} = ${round(expected, 4)} (more than a cent a share apart).`;
        (result.warnings ??= []).push({ line: row.line, field: 'amount', message: warning });
        note = joinNote(note, warning);
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

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function joinNote(a: string, b: string): string {
  return a === '' ? b : `${a} — ${b}`;
}
