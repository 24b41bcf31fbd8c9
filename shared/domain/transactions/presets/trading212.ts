import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin, stringPool } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { cashLine, round, transaction } from './build';
import { byLine, CellsByName, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';
import { parseNumberCell } from '../numbers';

/**
 * Trading 212 history export. Columns vary with what the account did (a fee column only
 * appears once such a fee was charged), so cells are read by name. Prices are in the
 * instrument's currency; 'Exchange rate' is instrument currency per account currency
 * and 'Total' is what moved in the account, in 'Currency (Total)'.
 */
const REQUIRED = ['Action', 'Time', 'ISIN', 'Ticker', 'No. of shares', 'Price / share'];

export const trading212Preset: TransactionPreset = {
  id: 'trading212',
  label: 'Trading 212 history',
  isHeader: (cells) => REQUIRED.every((h) => cells.includes(h)),
  language: () => 'English',
  parse: parseTrading212,
};

/** Costs Trading 212 lists in a column of their own, each with a 'Currency (…)' column beside. */
const FEE_COLUMNS = ['Currency conversion fee', 'Stamp duty reserve tax', 'Stamp duty', 'Transaction fee', 'Finra fee', 'French transaction tax', 'Deposit fee'];

/**
 * The column order of exports since 2024, where Notes and ID follow Name. Rows of that
 * layout appended under an older header (as in files merged by hand) are read with it.
 */
const NEWER_LAYOUT = ['Action', 'Time', 'ISIN', 'Ticker', 'Name', 'Notes', 'ID', 'No. of shares', 'Price / share', 'Currency (Price / share)', 'Exchange rate', 'Result', 'Currency (Result)', 'Total', 'Currency (Total)'];

function parseTrading212(text: string): ImportResult {
  const result = emptyResult();
  const rows = readPresetRows(text, trading212Preset, result);
  const splits: { row: NamedRow; open: boolean }[] = [];
  const shared = stringPool();
  let fileColumns: Columns | null = null;
  for (const original of rows) {
    fileColumns ??= columnsOf(original);
    const row = relaid(original, fileColumns);
    const columns = row === original ? fileColumns : NEWER_COLUMNS;
    const action = row.at(columns.action);
    const lower = action.toLowerCase();
    const date = parseDateCell(row.at(columns.time), 'DMY');
    if (!date.ok) {
      result.errors.push(lineError(row.line, 'date', 'errors:preset.cell', { column: 'Time', reason: date.text }));
      continue;
    }
    const day = shared(date.value);
    const totalCurrency = optional(shared, currencyCode(row.at(columns.totalCurrency)));
    const total = parseNumberCell(row.at(columns.total), '.');
    const line: CashContext = { row, date: day, action, total: total.ok ? total.value : null, totalCurrency, externalId: emptyToNull(row.at(columns.id)) };
    const isin = row.at(columns.isin);
    const security = {
      symbol: optional(shared, emptyToNull(row.at(columns.ticker))),
      isin: isIsin(isin) ? shared(isin.toUpperCase()) : null,
      name: optional(shared, emptyToNull(row.at(columns.name))),
    };

    if (lower === 'deposit' || (lower === 'transfer in' && security.isin === null)) readCash(line, 'deposit', '', result);
    else if (lower === 'withdrawal') readCash(line, 'withdrawal', '', result);
    else if (lower === 'interest on cash' || lower === 'lending interest' || lower === 'spending cashback') readCash(line, 'interest', '', result);
    else if (lower === 'new card cost' || lower === 'card debit') readCash(line, 'withdrawal', `${action} (card spending leaves the portfolio).`, result);
    else if (lower === 'card credit') readCash(line, 'deposit', '', result);
    else if (lower === 'currency conversion') readConversion(row, day, line.externalId, result);
    else if (TRADE_ACTIONS.has(lower)) readTrade(row, columns, day, lower, security, line, result, shared);
    else if (lower.startsWith('dividend')) readDividend(row, day, action, security, line.externalId, result);
    else if (lower === 'stock split open' || lower === 'stock split close') splits.push({ row, open: lower.endsWith('open') });
    else if (lower === 'transfer out' || lower === 'transfer in') {
      result.skipped.push(skipLine(row.line, 'errors:preset.brokerTransfer', { action, shares: row.get('No. of shares'), name: security.symbol ?? security.name ?? '' }));
    } else if (lower === 'result adjustment') readCash(line, line.total !== null && line.total < 0 ? 'fee' : 'refund', '', result);
    else result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Trading 212', word: action }));
  }
  pairSplits(splits, result);
  result.transactions.sort((a, b) => a.line - b.line);
  result.cash.sort((a, b) => a.line - b.line);
  return byLine(result);
}

function optional(shared: (value: string) => string, value: string | null): string | null {
  return value === null ? null : shared(value);
}

/** Actions that buy or sell shares ('stock distribution' is shares received at no cost). */
const TRADE_ACTIONS: ReadonlySet<string> = new Set(
  ['market', 'limit', 'stop', 'stop limit'].flatMap((order) => [`${order} buy`, `${order} sell`]).concat('stock distribution'),
);

/** What a cash line of the history is read from: its row, day, action and Total. */
interface CashContext {
  row: NamedRow;
  date: string;
  action: string;
  total: number | null;
  totalCurrency: string | null;
  externalId: string | null;
}

function readCash({ row, date, action, total, totalCurrency, externalId }: CashContext, type: ImportedCashTransaction['type'], note: string, result: ImportResult): void {
  if (total === null || totalCurrency === null) {
    result.errors.push(lineError(row.line, 'amount', 'errors:preset.totalMissing', { action }));
    return;
  }
  result.cash.push(cashLine({ type, date, amount: Math.abs(total), currency: totalCurrency, note: note || emptyToNull(row.get('Notes')) || action, externalId, line: row.line }));
}

/** A row of the newer layout under an older header: the ID sits where the shares should. */
function relaid(row: NamedRow, columns: Columns): NamedRow {
  const shifted = row.at(columns.shares) === '' && /^EOF\d+$/.test(row.at(columns.price));
  if (!shifted) return row;
  // Under the old header the newer layout's cells are found one name to the left.
  const cells = NEWER_LAYOUT.map((_, i) => cellAt(row, i));
  return new CellsByName(row.line, cells, NEWER_INDEX);
}
const NEWER_INDEX: ReadonlyMap<string, number> = new Map(NEWER_LAYOUT.map((h, i) => [h, i] as const));

/**
 * Where the cells read on every line sit, found once per header: a 200,000-line history would otherwise
 * look each one up by name on every line. Cells of rarer lines (dividends, conversions) are read by name.
 */
interface Columns {
  action: number;
  time: number;
  isin: number;
  ticker: number;
  name: number;
  id: number;
  shares: number;
  price: number;
  priceCurrency: number;
  rate: number;
  total: number;
  totalCurrency: number;
  /** The fee columns of this header and their 'Currency (…)' columns: most files have one or two of the seven. */
  fees: readonly { column: string; at: number; currencyAt: number }[];
}

function columnsOf(row: NamedRow): Columns {
  const at = (column: string): number => row.columnIndex(column);
  return {
    action: at('Action'),
    time: at('Time'),
    isin: at('ISIN'),
    ticker: at('Ticker'),
    name: at('Name'),
    id: at('ID'),
    shares: at('No. of shares'),
    price: at('Price / share'),
    priceCurrency: at('Currency (Price / share)'),
    rate: at('Exchange rate'),
    total: at('Total'),
    totalCurrency: at('Currency (Total)'),
    fees: FEE_COLUMNS.filter((column) => row.has(column)).map((column) => ({ column, at: at(column), currencyAt: at(`Currency (${column})`) })),
  };
}
const NEWER_COLUMNS = columnsOf(new CellsByName(0, [], NEWER_INDEX));

/** The older layout's column names by position, to read a row cell by index. */
const OLDER_LAYOUT = ['Action', 'Time', 'ISIN', 'Ticker', 'Name', 'No. of shares', 'Price / share', 'Currency (Price / share)', 'Exchange rate', 'Result', 'Currency (Result)', 'Total', 'Currency (Total)', 'Withholding tax', 'Currency (Withholding tax)'];
function cellAt(row: NamedRow, i: number): string {
  const name = OLDER_LAYOUT[i];
  return name === undefined ? '' : row.raw(name);
}

interface Security {
  symbol: string | null;
  isin: string | null;
  name: string | null;
}

function readTrade(
  row: NamedRow,
  columns: Columns,
  date: string,
  action: string,
  security: Security,
  { externalId, totalCurrency: accountCurrency }: CashContext,
  result: ImportResult,
  shared: (value: string) => string,
): void {
  const shares = parseNumberCell(row.at(columns.shares), '.');
  const price = parseNumberCell(row.at(columns.price), '.');
  const rawCurrency = row.at(columns.priceCurrency).toUpperCase();
  if (!shares.ok || shares.value === null || !price.ok || price.value === null) {
    result.errors.push(
      lineError(row.line, 'quantity', 'errors:preset.sharesOrPrice', {
        what: row.get('Action'),
        sharesColumn: 'No. of shares',
        shares: row.get('No. of shares'),
        priceColumn: 'Price / share',
        price: row.get('Price / share'),
      }),
    );
    return;
  }
  const pence = rawCurrency === 'GBX';
  const currency = pence ? 'GBP' : optional(shared, currencyCode(rawCurrency));
  if (currency === null) {
    result.errors.push(lineError(row.line, 'currency', 'errors:preset.notCurrency', { column: 'Currency (Price / share)', value: rawCurrency }));
    return;
  }
  let fees = 0;
  for (const { column, at, currencyAt } of columns.fees) {
    const amount = parseNumberCell(row.at(at), '.');
    if (!amount.ok || amount.value === null || amount.value === 0) continue;
    const feeCurrency: string = currencyCode(row.at(currencyAt)) ?? currency;
    if (feeCurrency === currency) fees += Math.abs(amount.value);
    else result.cash.push(cashLine({ type: 'fee', date, amount: Math.abs(amount.value), currency: feeCurrency, ...security, note: `${column} of the trade on line ${row.line}.`, externalId, line: row.line }));
  }
  const rate = parseNumberCell(row.at(columns.rate), '.');
  const distribution = action === 'stock distribution';
  result.transactions.push(
    transaction({
      type: action.endsWith('sell') ? 'sell' : 'buy',
      date,
      quantity: Math.abs(shares.value),
      price: pence ? round(price.value / 100) : price.value,
      currency,
      fees: round(fees),
      note: distribution ? 'Stock distribution: shares received at no cost.' : '',
      freeShares: distribution,
      externalId,
      // Named one by one: a spread in the middle of a literal is a slow path, taken 200,000 times in a large history.
      symbol: security.symbol,
      isin: security.isin,
      name: security.name,
      line: row.line,
      fxRate:
        rate.ok && rate.value !== null && accountCurrency !== null && accountCurrency !== currency && !pence
          ? { accountCurrency, rate: rate.value }
          : undefined,
    }),
  );
}

function readDividend(row: NamedRow, date: string, action: string, security: Security, externalId: string | null, result: ImportResult): void {
  const shares = parseNumberCell(row.get('No. of shares'), '.');
  const perShare = parseNumberCell(row.get('Price / share'), '.');
  const rawCurrency = row.get('Currency (Price / share)').toUpperCase();
  const pence = rawCurrency === 'GBX';
  const currency = pence ? 'GBP' : currencyCode(rawCurrency);
  if (!shares.ok || shares.value === null || !perShare.ok || perShare.value === null || currency === null) {
    result.errors.push(lineError(row.line, 'amount', 'errors:preset.dividendPartsMissing', { action }));
    return;
  }
  const tax = parseNumberCell(row.get('Withholding tax'), '.');
  const taxAmount = tax.ok && tax.value !== null ? Math.abs(tax.value) : 0;
  const taxCurrency = currencyCode(row.get('Currency (Withholding tax)')) ?? currency;
  if (taxAmount !== 0 && taxCurrency !== currency) {
    result.cash.push(cashLine({ type: 'tax', date, amount: taxAmount, currency: taxCurrency, ...security, note: `Withholding tax of the dividend on line ${row.line}, charged in another currency.`, externalId, line: row.line }));
  }
  const kind = /\((.*)\)/.exec(action)?.[1] ?? '';
  result.transactions.push(
    transaction({
      type: 'dividend',
      date,
      quantity: shares.value,
      price: pence ? round(perShare.value / 100) : perShare.value,
      currency,
      taxes: taxCurrency === currency ? taxAmount : 0,
      note: /return of capital/i.test(kind) ? 'Return of capital.' : '',
      externalId,
      symbol: security.symbol,
      isin: security.isin,
      name: security.name,
      line: row.line,
    }),
  );
}

function readConversion(row: NamedRow, date: string, externalId: string | null, result: ImportResult): void {
  const from = parseNumberCell(row.get('Currency conversion from amount'), '.');
  const to = parseNumberCell(row.get('Currency conversion to amount'), '.');
  const fromCurrency = currencyCode(row.get('Currency (Currency conversion from amount)'));
  const toCurrency = currencyCode(row.get('Currency (Currency conversion to amount)'));
  if (!from.ok || from.value === null || !to.ok || to.value === null || fromCurrency === null || toCurrency === null) {
    result.errors.push(lineError(row.line, 'amount', 'errors:preset.conversionMissing'));
    return;
  }
  result.cash.push(
    cashLine({ type: 'exchange', date, amount: Math.abs(from.value), currency: fromCurrency, counterAmount: Math.abs(to.value), counterCurrency: toCurrency, note: emptyToNull(row.get('Notes')) ?? '', externalId, line: row.line }),
  );
}

/** 'Stock split close' (old shares out) and 'Stock split open' (new shares in) of one security and day. */
function pairSplits(lines: readonly { row: NamedRow; open: boolean }[], result: ImportResult): void {
  const used = new Set<NamedRow>();
  for (const close of lines) {
    if (close.open || used.has(close.row)) continue;
    const day = close.row.get('Time').slice(0, 10);
    const open = lines.find((l) => l.open && !used.has(l.row) && l.row.get('ISIN') === close.row.get('ISIN') && l.row.get('Time').slice(0, 10) === day);
    const before = parseNumberCell(close.row.get('No. of shares'), '.');
    const after = open ? parseNumberCell(open.row.get('No. of shares'), '.') : null;
    if (!open || !before.ok || before.value === null || !after?.ok || after.value === null) {
      result.errors.push(lineError(close.row.line, 'splitRatio', 'errors:preset.splitCloseAlone'));
      continue;
    }
    used.add(close.row).add(open.row);
    const date = parseDateCell(close.row.get('Time'), 'DMY');
    if (!date.ok) continue;
    result.transactions.push(
      transaction({
        type: 'split',
        date: date.value,
        quantity: 0,
        price: 0,
        currency: currencyCode(close.row.get('Currency (Price / share)')) ?? currencyCode(close.row.get('Currency (Total)')) ?? 'EUR',
        splitRatio: simpleRatio(before.value, after.value),
        note: `${before.value} shares became ${after.value}.`,
        externalId: emptyToNull(close.row.get('ID')),
        symbol: emptyToNull(close.row.get('Ticker')),
        isin: emptyToNull(close.row.get('ISIN')),
        name: emptyToNull(close.row.get('Name')),
        line: close.row.line,
      }),
    );
    result.skipped.push(skipLine(open.row.line, 'errors:preset.splitShares', { line: close.row.line }));
  }
  for (const l of lines) {
    if (l.open && !used.has(l.row)) result.errors.push(lineError(l.row.line, 'splitRatio', 'errors:preset.splitOpenAlone'));
  }
}

/** 29.80478 → 7.451195 is a 4-to-1 reverse split; fractional holdings hide the round ratio. */
export function simpleRatio(before: number, after: number): { from: number; to: number } {
  for (let d = 1; d <= 100; d++) {
    const from = (before / after) * d;
    if (Math.abs(from - Math.round(from)) < 1e-4 * Math.max(1, from)) return { from: Math.round(from), to: d };
    const to = (after / before) * d;
    if (Math.abs(to - Math.round(to)) < 1e-4 * Math.max(1, to)) return { from: d, to: Math.round(to) };
  }
  return { from: before, to: after };
}
