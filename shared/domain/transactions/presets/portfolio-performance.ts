import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportLineError, ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { parseNumberCell, type DecimalSeparator } from '../numbers';
import { cashLine, round, transaction } from './build';
import type { ErrorKey, TextParams } from '../../../i18n/errorText';
import { byLine, emptyResult, lineError, readPresetRows, skipLine, type NamedRow, type TransactionPreset } from './preset';

/**
 * Portfolio Performance's CSV export (File ▸ Export ▸ CSV) of a securities account
 * ("Depot": Kauf, Verkauf, Einlieferung…) or of a cash account ("Konto": Einlage, Dividende,
 * Zinsen…), with the column names and type words of PP's language, German or English
 * (name.abuchen.portfolio CSVExporter). The date is ISO ('2024-01-15T00:00'); amounts are
 * written in the user's number format, so a semicolon-separated or German file has decimal
 * commas. `Wert` is what the account booked — a buy's value includes its fees and taxes, a
 * sell's has them taken off — and it is negative for debits. When the security trades in
 * another currency, `Bruttobetrag` is the gross value in that currency and `Wechselkurs`
 * converts it into the booking currency.
 *
 * Einlieferung / Auslieferung (delivery inbound / outbound) are shares arriving from or leaving
 * for outside PP: transfers in and out at the value PP booked, no money moving. Umbuchung (transfer)
 * moves shares between two securities accounts or money between two cash accounts; the other
 * account is in the offset-account column (Gegenkonto) that PP's CSV import format and newer
 * exports carry, and a row's own account in Depot / Konto when the file has that column.
 */
const GERMAN = {
  date: 'Datum', type: 'Typ', value: 'Wert', currency: 'Buchungswährung', gross: 'Bruttobetrag', grossCurrency: 'Währung Bruttobetrag', rate: 'Wechselkurs',
  fees: 'Gebühren', taxes: 'Steuern', shares: 'Stück', isin: 'ISIN', ticker: 'Ticker-Symbol', name: 'Wertpapiername', note: 'Notiz',
  cashAccount: 'Konto', securitiesAccount: 'Depot', offsetAccount: 'Gegenkonto', offsetSecuritiesAccount: 'Gegendepot',
};
const ENGLISH: typeof GERMAN = {
  date: 'Date', type: 'Type', value: 'Value', currency: 'Transaction Currency', gross: 'Gross Amount', grossCurrency: 'Currency Gross Amount', rate: 'Exchange Rate',
  fees: 'Fees', taxes: 'Taxes', shares: 'Shares', isin: 'ISIN', ticker: 'Ticker Symbol', name: 'Security Name', note: 'Note',
  cashAccount: 'Cash Account', securitiesAccount: 'Securities Account', offsetAccount: 'Offset Account', offsetSecuritiesAccount: 'Offset Securities Account',
};

const isHeaderIn = (cells: readonly string[], c: typeof GERMAN): boolean => [c.date, c.type, c.value, c.currency, c.shares, c.isin, c.name].every((h) => cells.includes(h));

type Kind =
  | { trade: 'buy' | 'sell' | 'transfer-in' | 'transfer-out'; delivery: boolean }
  | { cash: ImportedCashTransaction['type'] }
  | { dividend: true }
  | { skip: ErrorKey };

/** PP's type words (PortfolioTransaction.Type and AccountTransaction.Type), lower-case, German and English. */
const TYPES: Record<string, Kind> = {
  kauf: { trade: 'buy', delivery: false },
  buy: { trade: 'buy', delivery: false },
  verkauf: { trade: 'sell', delivery: false },
  sell: { trade: 'sell', delivery: false },
  // Shares from or to outside PP: no money moves, so not a buy or a sale.
  einlieferung: { trade: 'transfer-in', delivery: true },
  'delivery (inbound)': { trade: 'transfer-in', delivery: true },
  auslieferung: { trade: 'transfer-out', delivery: true },
  'delivery (outbound)': { trade: 'transfer-out', delivery: true },
  einlage: { cash: 'deposit' },
  deposit: { cash: 'deposit' },
  entnahme: { cash: 'withdrawal' },
  removal: { cash: 'withdrawal' },
  zinsen: { cash: 'interest' },
  interest: { cash: 'interest' },
  zinsbelastung: { cash: 'fee' },
  'interest charge': { cash: 'fee' },
  gebühren: { cash: 'fee' },
  fees: { cash: 'fee' },
  gebührenerstattung: { cash: 'refund' },
  'fees refund': { cash: 'refund' },
  steuern: { cash: 'tax' },
  taxes: { cash: 'tax' },
  steuerrückerstattung: { cash: 'refund' },
  'tax refund': { cash: 'refund' },
  dividende: { dividend: true },
  dividend: { dividend: true },
};

/** Umbuchung / Transfer: cash between two PP cash accounts, or shares between two securities accounts. */
const TRANSFER_IN = new Set(['umbuchung (eingang)', 'transfer (inbound)']);
const TRANSFER_OUT = new Set(['umbuchung (ausgang)', 'transfer (outbound)']);

export const portfolioPerformancePreset: TransactionPreset = {
  id: 'portfolio-performance',
  label: 'Portfolio Performance export',
  isHeader: (cells) => isHeaderIn(cells, GERMAN) || isHeaderIn(cells, ENGLISH),
  language: (text) => (/(^|[;,\t])"?Buchungswährung/m.test(text.slice(0, 2000)) ? 'German' : 'English'),
  parse: parsePortfolioPerformance,
};

function parsePortfolioPerformance(text: string): ImportResult {
  const result = emptyResult();
  const german = portfolioPerformancePreset.language?.(text) === 'German';
  const c = german ? GERMAN : ENGLISH;
  const rows = readPresetRows(text, portfolioPerformancePreset, result);
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Amounts follow the number format of PP's locale: a German or semicolon-separated file writes decimal commas.
  const decimal: DecimalSeparator = german || headerLine.includes(';') ? ',' : '.';
  // The securities-account export has fee and gross columns; the cash-account one does not.
  const securitiesAccount = headerLine.includes(c.fees);
  for (const row of rows) readRow(row, c, decimal, securitiesAccount, result);
  return byLine(result);
}

function readRow(row: NamedRow, c: typeof GERMAN, decimal: DecimalSeparator, securitiesAccount: boolean, result: ImportResult): void {
  const word = row.get(c.type);
  const lower = word.toLowerCase();
  const errors: ImportLineError[] = [];
  const number = (column: string, field: ImportLineError['field']): number | null => {
    const parsed = parseNumberCell(row.get(column), decimal);
    if (parsed.ok) return parsed.value;
    errors.push(lineError(row.line, field, 'errors:preset.cell', { column, reason: parsed.text }));
    return null;
  };
  // LocalDateTime.toString(): '2024-01-15T00:00'; older exports wrote the date alone.
  const date = parseDateCell(row.get(c.date).slice(0, 10), 'DMY');
  if (!date.ok) errors.push(lineError(row.line, 'date', 'errors:preset.cell', { column: c.date, reason: date.text }));
  const value = number(c.value, 'amount');
  const taxes = Math.abs(number(c.taxes, 'amount') ?? 0);
  const shares = number(c.shares, 'quantity');
  const currency = currencyCode(row.get(c.currency));
  if (currency === null) errors.push(lineError(row.line, 'currency', 'errors:preset.notCurrency', { column: c.currency, value: row.get(c.currency) }));
  const isinCell = row.get(c.isin).toUpperCase();
  const security = { isin: isIsin(isinCell) ? isinCell : null, symbol: emptyToNull(row.get(c.ticker)), name: emptyToNull(row.get(c.name)) };
  const note = row.raw(c.note).trim();

  const account = emptyToNull(row.get(securitiesAccount ? c.securitiesAccount : c.cashAccount));
  const transfer = TRANSFER_IN.has(lower) ? 'transfer-in' : TRANSFER_OUT.has(lower) ? 'transfer-out' : null;
  // The other account of an Umbuchung; a securities account's may sit in either offset column.
  const counterAccount = transfer === null ? null : (emptyToNull(row.get(c.offsetAccount)) ?? (securitiesAccount ? emptyToNull(row.get(c.offsetSecuritiesAccount)) : null));
  if (transfer !== null && counterAccount === null) {
    result.errors.push(lineError(row.line, 'row', 'errors:preset.ppTransfer', missingOffsetAccount(word, c, securitiesAccount, row)));
    return;
  }
  const kind: Kind | undefined = transfer === null ? TYPES[lower] : securitiesAccount ? { trade: transfer, delivery: false } : { cash: transfer };
  if (kind === undefined) {
    result.errors.push(lineError(row.line, 'type', 'errors:preset.unknownType', { broker: 'Portfolio Performance', word }));
    return;
  }
  if ('skip' in kind) {
    result.skipped.push(skipLine(row.line, kind.skip));
    return;
  }
  if ('trade' in kind && !securitiesAccount) {
    result.skipped.push(skipLine(row.line, 'errors:preset.ppCashSideOfTrade', { word }));
    return;
  }
  if (errors.length > 0 || !date.ok || currency === null || value === null) {
    for (const e of errors) result.errors.push(e);
    return;
  }
  const amount = Math.abs(value);

  if ('cash' in kind) {
    if (amount === 0) {
      result.skipped.push(skipLine(row.line, 'errors:skipped.zeroMoney', { word }));
      return;
    }
    result.cash.push(cashLine({ type: kind.cash, date: date.value, amount, currency, ...security, note: note || word, account, counterAccount, line: row.line }));
    return;
  }
  if ('dividend' in kind) {
    // PP books the dividend net of its withholding tax: gross = credited + tax.
    const gross = round(amount + taxes);
    const held = shares !== null && shares > 0 ? ` on ${shares} shares` : '';
    result.transactions.push(
      transaction({ type: 'dividend', date: date.value, quantity: 1, price: gross, currency, taxes, note: note || `Dividend${held} (gross, with ${taxes} ${currency} tax withheld).`, ...security, account, line: row.line }),
    );
    return;
  }

  const fees = Math.abs(number(c.fees, 'fees') ?? 0);
  if (shares === null || shares <= 0) {
    result.errors.push(lineError(row.line, 'quantity', 'errors:preset.needsShares', { column: c.shares, word }));
    return;
  }
  // A buy's value is gross + fees + taxes; a sell's is gross − fees − taxes. Shares moved in or out carry their value.
  const inbound = kind.trade === 'buy' || kind.trade === 'transfer-in';
  const gross = kind.trade === 'buy' ? amount - fees - taxes : kind.trade === 'sell' ? amount + fees + taxes : amount;
  const forexGross = number(c.gross, 'amount');
  const forexCurrency = currencyCode(row.get(c.grossCurrency));
  const rate = number(c.rate, 'amount');
  if (errors.length > 0) {
    for (const e of errors) result.errors.push(e);
    return;
  }
  const forex = forexGross !== null && forexCurrency !== null && forexCurrency !== currency && rate !== null && rate > 0;
  // PP's rate turns the security's currency into the booking currency (booked = forex × rate); Tickerline keeps the
  // price in the security's currency and the rate as units of it per unit of the account's currency.
  const price = forex ? round(Math.abs(forexGross) / shares, 10) : round(gross / shares, 10);
  const inPriceCurrency = (x: number): number => (forex ? round(x / rate, 6) : x);
  // Taxes on a buy (stamp duty, transaction tax) are part of its cost; on a sell they are money withheld from the proceeds.
  const tradeFees = round(inPriceCurrency(fees + (kind.trade === 'buy' ? taxes : 0)), 6);
  if (kind.trade === 'sell' && taxes > 0) {
    result.cash.push(cashLine({ type: 'tax', date: date.value, amount: taxes, currency, ...security, note: `Tax withheld on the sale on line ${row.line}.`, account, line: row.line }));
  }
  const free = kind.trade === 'buy' && gross === 0;
  const isTransfer = kind.trade === 'transfer-in' || kind.trade === 'transfer-out';
  result.transactions.push(
    transaction({
      type: kind.trade,
      date: date.value,
      quantity: shares,
      price: free ? 0 : price,
      currency: forex ? forexCurrency : currency,
      // A transfer moves shares, not money: nothing is charged on it here (PP books its costs as their own lines).
      fees: isTransfer ? 0 : tradeFees,
      note: note || (kind.delivery ? `${word}: shares delivered ${inbound ? 'in' : 'out'} at their value.` : ''),
      ...(free ? { freeShares: true } : {}),
      ...security,
      account,
      ...(isTransfer ? { counterAccount } : {}),
      line: row.line,
      fxRate: forex && !isTransfer ? { accountCurrency: currency, rate: round(1 / rate, 10) } : undefined,
    }),
  );
}

/** Why an Umbuchung without the other account cannot be read, and what to do. */
/** The values of errors:preset.ppTransfer: what the Umbuchung moves and why its other account is unknown. */
function missingOffsetAccount(word: string, c: typeof GERMAN, securitiesAccount: boolean, row: NamedRow): TextParams {
  const column = c.offsetAccount;
  return {
    word,
    line: row.line,
    column,
    what: { key: securitiesAccount ? 'errors:preset.ppTransferShares' : 'errors:preset.ppTransferCash' },
    where: { key: row.has(column) ? 'errors:preset.ppOffsetEmpty' : 'errors:preset.ppOffsetNoColumn', params: { column } },
  };
}
