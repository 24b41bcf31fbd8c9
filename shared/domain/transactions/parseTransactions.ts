import { readCsvTable, effectiveWidth } from './csv';
import { parseDateCell } from './dateCells';
import { currencyCode, emptyToNull, isFooterRow, isIsin } from './cells';
import type { ImportField, ImportResult, ImportedTransaction } from './importedTransaction';
import type { MappedField, TransactionMapping } from './mapping';
import { parseNumberCell } from './numbers';
import { lookupTypeWord } from './typeWords';

/**
 * Reads every data row with a confirmed mapping. Nothing is dropped quietly: a row
 * becomes a transaction, a per-field error, or a skipped line with a reason. The
 * caller decides to import all or nothing.
 */
export function parseTransactions(text: string, mapping: TransactionMapping): ImportResult {
  const result: ImportResult = { transactions: [], cash: [], errors: [], skipped: [] };
  if (text.trim() === '') {
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
    const cell = (field: MappedField): string => {
      const index = mapping.columns[field];
      return index === null ? '' : (row.cells[index] ?? '').trim();
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
    const target = word === '' ? undefined : lookupTypeWord(mapping.typeWords, word);
    if (word === '') {
      result.errors.push({ line: row.line, field: 'type', message: 'The transaction type is empty.' });
      continue;
    }
    if (target === undefined) {
      result.errors.push({
        line: row.line,
        field: 'type',
        message: `Unknown transaction type '${word}'. Map it to buy, sell, dividend, split or fee, or skip it.`,
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
    const currency = currencyRaw === '' ? mapping.defaultCurrency : currencyCode(currencyRaw);
    if (currency === null) {
      errors.push({
        field: 'currency',
        message: currencyRaw === '' ? 'Currency: the file gives none; choose a default currency.' : `Currency: '${currencyRaw}' is not a three-letter currency code.`,
      });
    }

    let quantity = number('quantity');
    let price = number('price');
    const amount = number('amount');
    const feesRaw = number('fees');
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
      const cost = feesRaw ?? amount ?? (quantity !== null && price !== null ? quantity * price : null);
      if (cost === null) errors.push({ field: 'fees', message: 'Fees: a fee line needs an amount.' });
      fees = Math.abs(cost ?? 0);
      quantity = 0;
      price = 0;
    } else {
      if (quantity !== null && quantity < 0) errors.push({ field: 'quantity', message: `Quantity: a split cannot add a negative number of shares (${quantity}).` });
    }
    if (price !== null && price < 0) errors.push({ field: 'price', message: `Price: cannot be negative (${price}).` });

    if (symbol === null && isin === null && name === null) {
      if (target === 'fee') {
        result.skipped.push({ line: row.line, reason: 'Account fee without a security; not imported.' });
        continue;
      }
      errors.push({ field: 'symbol', message: 'Security: the line has no symbol, ISIN or name.' });
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
    result.transactions.push(transaction);
  }
  return result;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function joinNote(a: string, b: string): string {
  return a === '' ? b : `${a} — ${b}`;
}
