import type { ImportResult } from '../imported-transaction';
import { readFlexCashTransactions, type Attributes, type Element } from './ibkr-xml';
import { byLine, emptyResult, readPresetRows, type TransactionPreset } from './preset';

/**
 * Interactive Brokers Flex Query, Cash Transactions section as CSV. Its columns are the
 * XML attributes with a capital first letter, so the rows are read by the XML preset's rules.
 */
const DATE_COLUMNS = ['SettleDate', 'Date/Time', 'ReportDate', 'Date'];

export const ibkrFlexCashPreset: TransactionPreset = {
  id: 'ibkr-flex-cash',
  label: 'Interactive Brokers Flex Query cash transactions',
  isHeader: (cells) =>
    cells.includes('Type') && cells.includes('Amount') && cells.includes('Description') && !cells.includes('Buy/Sell') &&
    (cells.includes('CurrencyPrimary') || cells.includes('Currency')) && DATE_COLUMNS.some((d) => cells.includes(d)),
  language: () => 'English',
  parse: (text) => {
    const result: ImportResult = emptyResult();
    const rows = readPresetRows(text, ibkrFlexCashPreset, result);
    const elements: Element[] = [...rows].map((row) => {
      const a: Attributes = {
        type: row.get('Type'),
        amount: row.get('Amount'),
        currency: row.get('CurrencyPrimary') || row.get('Currency'),
        dateTime: DATE_COLUMNS.map((c) => row.get(c)).find((v) => v !== '') ?? '',
        isin: row.get('ISIN'),
        symbol: row.get('Symbol'),
        conid: row.get('Conid'),
        description: row.get('Description'),
        accountId: row.get('ClientAccountID') || row.get('AccountId'),
        transactionID: row.get('TransactionID'),
      };
      return { tag: 'CashTransaction', line: row.line, a };
    });
    readFlexCashTransactions(elements, result);
    result.transactions.sort((x, y) => x.line - y.line);
    result.cash.sort((x, y) => x.line - y.line);
    return byLine(result);
  },
};
