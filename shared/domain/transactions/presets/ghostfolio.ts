import { readCsvTable } from '../csv';
import type { ImportResult } from '../imported-transaction';
import { parseTransactions } from '../parse-transactions';
import type { TransactionMapping } from '../mapping';
import type { TransactionPreset } from './preset';

/**
 * Ghostfolio activities CSV. Ghostfolio accepts several day-first date formats in
 * one file (dd-MM-yyyy, dd/MM/yyyy, dd.MM.yyyy, yyyyMMdd), which the day-first
 * date reader covers. DataSource MANUAL means Code is a free-text asset name.
 */
const HEADER = ['Date', 'Code', 'DataSource', 'Currency', 'Price', 'Quantity', 'Action', 'Fee', 'Note'];

export const ghostfolioPreset: TransactionPreset = {
  id: 'ghostfolio',
  label: 'Ghostfolio activities',
  isHeader: (cells) => HEADER.every((h, i) => cells[i] === h),
  parse: parseGhostfolio,
};

function parseGhostfolio(text: string): ImportResult {
  const table = readCsvTable(text, { delimiter: ',', isHeader: ghostfolioPreset.isHeader });
  if (!table.header) return parseTransactions(text, mappingFor(1)); // reports empty file / missing header
  const result = parseTransactions(text, mappingFor(table.header.line));
  const manualLines = new Set(table.rows.filter((r) => r.cells[2]?.trim().toUpperCase() === 'MANUAL').map((r) => r.line));
  for (const t of result.transactions) {
    if (manualLines.has(t.line) && t.symbol !== null) {
      t.name = t.symbol;
      t.symbol = null;
    }
  }
  return result;
}

function mappingFor(headerLine: number): TransactionMapping {
  return {
    delimiter: ',',
    headerLine,
    columns: {
      date: 0,
      symbol: 1,
      currency: 3,
      price: 4,
      quantity: 5,
      type: 6,
      fees: 7,
      note: 8,
      isin: null,
      name: null,
      amount: null,
      externalId: null,
    },
    dateOrder: 'DMY',
    decimalSeparator: '.',
    typeWords: { buy: 'buy', sell: 'sell', dividend: 'dividend', fee: 'fee', interest: 'interest', item: 'skip', liability: 'skip' },
    defaultCurrency: null,
  };
}
