import { parseDateCell } from '../date-cells';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import { isBlank, readCsvTable, type CsvRow } from '../csv';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { cashLine, looseNumber, round, transaction } from './build';
import type { ErrorKey } from '../../../i18n/errorText';
import { byLine, emptyResult, lineError, skipLine, type TransactionPreset } from './preset';

/**
 * Degiro "Account statement" (Rekeningoverzicht / Kontoübersicht) CSV. Its header names
 * depend on the language of the user's account, and two currency columns have no name,
 * so the format is recognised by position: FX at column 7, unnamed columns 9 and 11.
 * Every cash movement is one line and the trades sit in the description text
 * ('Koop 1 @ 33,9 USD', 'Compra 6 ISHARES MSCI WOR A@49,785 EUR (IE00B4L5Y983)'); lines of
 * one order share the Order Id, which is how fees and currency exchanges find their trade.
 */
const COL = { date: 0, time: 1, valueDate: 2, product: 3, isin: 4, description: 5, fx: 6, currency: 7, amount: 8, orderId: 11 };

const LANGUAGES: Record<string, string> = { datum: 'Dutch', date: 'English', data: 'Italian', fecha: 'Spanish' };

export const degiroPreset: TransactionPreset = {
  id: 'degiro',
  label: 'Degiro account statement',
  isHeader: (cells) =>
    cells.length >= 11 && cells[6] === 'FX' && cells[8] === '' && cells[10] === '' && /isin/i.test(cells[4] ?? ''),
  language: (text) => {
    const header = readCsvTable(text, { isHeader: degiroPreset.isHeader }).header?.cells ?? [];
    if (/uhrzeit/i.test(header[1] ?? '')) return 'German';
    if (/tijd/i.test(header[1] ?? '')) return 'Dutch';
    if (/heure/i.test(header[1] ?? '')) return 'French';
    return LANGUAGES[(header[0] ?? '').trim().toLowerCase()] ?? null;
  },
  parse: parseDegiro,
};

interface Line {
  line: number;
  date: string;
  time: string;
  valueDate: string;
  product: string;
  isin: string | null;
  description: string;
  fx: number | null;
  currency: string | null;
  amount: number | null;
  orderId: string | null;
}

const TRADE = /^(?:(stock dividend|productwijziging|product change|produktänderung|conversion fonds mon[ée]taires finalis[ée]e|[^:]*):\s*)?(koop|verkoop|kauf|verkauf|buy|sell|compra|venda|venta|achat|vente|acquisto|vendita)\s+(\d[\d\s.,]*?)\s*(?:([^\d\s@][^@]*?)\s*)?@\s*(\d[\d\s.,]*?)\s+([A-Za-z]{3})\b/i;
const BUY_WORDS = new Set(['koop', 'kauf', 'buy', 'compra', 'achat', 'acquisto']);

/** Description → kind, in the languages Degiro writes statements in (and its mojibake). */
const RULES: readonly [RegExp, Kind][] = [
  [/reservation .*deposit|reservering/i, 'skip-reservation'],
  [/cash sweep|overboeking (van|naar) uw geldrekening|transfer (from|to) your cash account|überweisung (von|auf) ihr geldkonto|virement (de|vers) votre compte/i, 'skip-sweep'],
  [/transactiekosten|transaktionsgeb|transaction (and\/or third|costs|fee)|frais .*courtage|comiss[õo]es de transa|commissioni di transazione|costes de transacci|comisiones de transacci/i, 'trade-fee'],
  [/valuta (creditering|debitering)|fx (credit|debit)|cambio de divisa|de divisa|w[äa]hrungswechsel|de devise|conversione valuta|valutaomvandeling/i, 'exchange'],
  [/dividendbelasting|dividendensteuer|dividend tax|imp[ôo]ts? sur dividende|retenci[óo]n .*dividendo|reten[çc][ãa]o .*dividendo|ritenuta .*dividend|quellensteuer/i, 'dividend-tax'],
  [/^(dividend|dividende|dividendo|dividenden|aussch[üu]ttung|capital return|kapitalr[üu]ckzahlung)$/i, 'dividend'],
  [/variation fonds mon|geldmarktfonds|money market fund|geldmarktfondsen/i, 'skip-cash-fund'],
  [/processed flatex withdrawal/i, 'skip-withdrawal-sweep'],
  [/terugstorting|withdrawal|auszahlung|retrait|retirada$|levantamento$|opname/i, 'withdrawal'],
  [/deposit|storting|einzahlung|^ingreso$|d[ée]p[ôo]t|versamento|dep[óo]sito/i, 'deposit'],
  [/courtesy|kulanz|geste commercial|compensatie|refund|r[üu]ckerstattung|terugbetaling/i, 'refund'],
  [/aansluitingskosten|connection fee|verbindungsgeb|frais de connexion|costi di connessione|kosten|fee|geb[üu]hr|frais|costi|comisi[óo]n/i, 'fee'],
  [/interest|rente|zinsen|int[ée]r[êe]ts?|interessi|intereses/i, 'interest'],
];
type Kind =
  | 'skip-reservation'
  | 'skip-sweep'
  | 'skip-cash-fund'
  | 'skip-withdrawal-sweep'
  | 'trade-fee'
  | 'exchange'
  | 'dividend-tax'
  | 'dividend'
  | 'withdrawal'
  | 'deposit'
  | 'refund'
  | 'fee'
  | 'interest';

const SKIP_REASONS: Record<Extract<Kind, `skip-${string}`>, ErrorKey> = {
  'skip-reservation': 'errors:preset.degiroReservation',
  'skip-sweep': 'errors:preset.degiroSweep',
  'skip-cash-fund': 'errors:preset.degiroCashFund',
  'skip-withdrawal-sweep': 'errors:preset.degiroWithdrawalSweep',
};

function parseDegiro(text: string): ImportResult {
  const result = emptyResult();
  if (isBlank(text)) {
    result.errors.push(lineError(1, 'row', 'errors:importLine.fileEmpty'));
    return result;
  }
  const table = readCsvTable(text, { isHeader: degiroPreset.isHeader });
  if (!table.header) {
    result.errors.push(lineError(1, 'row', 'errors:preset.noHeader'));
    return result;
  }
  for (const p of table.problems) result.errors.push({ ...p, field: 'row' });
  const lines = readLines(table.rows, table.header.cells, result);
  if (lines.length === 0 && result.errors.length === 0) {
    result.errors.push(lineError(table.header.line, 'row', 'errors:importLine.headerNoRows'));
  }

  const byOrder = new Map<string, Line[]>();
  for (const l of lines) if (l.orderId !== null) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  const done = new Set<Line>();
  const pendingExchange: Line[] = [];
  const dividends: Line[] = [];
  const taxes: Line[] = [];

  // Trades first: their fee lines come before them in the file and must find them.
  for (const l of lines) {
    const trade = TRADE.exec(l.description);
    if (!trade) continue;
    done.add(l);
    readTrade(l, trade, byOrder.get(l.orderId ?? '') ?? [], done, result);
  }
  for (const l of lines) {
    if (done.has(l)) continue;
    if (l.amount === null || l.currency === null) {
      const kind = classify(l.description);
      result.skipped.push(skipLine(l.line, kind === 'skip-sweep' ? SKIP_REASONS['skip-sweep'] : 'errors:preset.degiroTextOnly'));
      continue;
    }
    const kind = classify(l.description);
    if (kind === null) {
      result.errors.push(lineError(l.line, 'type', 'errors:preset.unknownType', { broker: 'Degiro', word: l.description }));
      continue;
    }
    if (isSkip(kind)) {
      result.skipped.push(skipLine(l.line, SKIP_REASONS[kind]));
      continue;
    }
    if (kind === 'trade-fee') {
      // A fee whose trade line is not in the file (statement cut mid-order): still a cost.
      result.cash.push(cashFrom(l, 'fee', 'Transaction fee of an order not in this file.'));
    } else if (kind === 'exchange') pendingExchange.push(l);
    else if (kind === 'dividend') dividends.push(l);
    else if (kind === 'dividend-tax') taxes.push(l);
    else if (kind === 'interest') result.cash.push(cashFrom(l, l.amount < 0 ? 'fee' : 'interest', l.amount < 0 ? 'Negative interest.' : ''));
    else if (kind === 'fee') result.cash.push(cashFrom(l, l.amount > 0 ? 'refund' : 'fee', ''));
    else result.cash.push(cashFrom(l, kind, ''));
  }

  pairExchanges(pendingExchange, result);
  pairDividends(dividends, taxes, result);
  result.transactions.sort((a, b) => a.line - b.line);
  result.cash.sort((a, b) => a.line - b.line);
  return byLine(result);
}

/** Rows to lines, joining an Order Id that Degiro wraps onto a line of its own. */
function readLines(rows: readonly CsvRow[], header: readonly string[], result: ImportResult): Line[] {
  const lines: Line[] = [];
  for (const row of rows) {
    const cell = (i: number): string => (row.cells[i] ?? '').trim();
    const onlyOrderId = row.cells.every((c, i) => i === COL.orderId || c.trim() === '') && cell(COL.orderId) !== '';
    const previous = lines[lines.length - 1];
    if (onlyOrderId && previous) {
      previous.orderId = (previous.orderId ?? '') + cell(COL.orderId);
      result.skipped.push(skipLine(row.line, 'errors:preset.degiroWrappedOrderId', { line: previous.line }));
      continue;
    }
    const date = parseDateCell(cell(COL.date), 'DMY');
    if (!date.ok) {
      result.errors.push(lineError(row.line, 'date', 'errors:preset.cell', { column: header[COL.date]?.trim() || 'Datum', reason: date.text }));
      continue;
    }
    const amount = looseNumber(cell(COL.amount));
    const fx = looseNumber(cell(COL.fx));
    if (amount === undefined || fx === undefined) {
      // The amount's own column has no name: it is the one after the currency column that does ('Mutatie', 'Änderung').
      const column = (amount === undefined ? header[COL.currency] : header[COL.fx])?.trim() ?? '';
      result.errors.push(lineError(row.line, 'amount', 'errors:preset.notNumber', { column, value: amount === undefined ? cell(COL.amount) : cell(COL.fx) }));
      continue;
    }
    const isinCell = cell(COL.isin).toUpperCase();
    lines.push({
      line: row.line,
      date: date.value,
      time: cell(COL.time),
      valueDate: cell(COL.valueDate),
      product: cell(COL.product),
      // NLFLATEXACNT is Degiro's name for the flatex cash account, not a security.
      isin: isIsin(isinCell) ? isinCell : null,
      description: cell(COL.description),
      fx,
      currency: currencyCode(cell(COL.currency)),
      amount,
      orderId: emptyToNull(cell(COL.orderId)),
    });
  }
  return lines;
}

function isSkip(kind: Kind): kind is keyof typeof SKIP_REASONS {
  return kind in SKIP_REASONS;
}

function classify(description: string): Kind | null {
  for (const [pattern, kind] of RULES) if (pattern.test(description)) return kind;
  return null;
}

function readTrade(l: Line, m: RegExpExecArray, order: readonly Line[], done: Set<Line>, result: ImportResult): void {
  const prefix = (m[1] ?? '').toLowerCase();
  const side = BUY_WORDS.has((m[2] as string).toLowerCase()) ? 'buy' : 'sell';
  const quantity = looseNumber(m[3] as string);
  const price = looseNumber(m[5] as string);
  const rawCurrency = (m[6] as string).toUpperCase();
  if (/productwijziging|product change|produktänderung/.test(prefix)) {
    result.skipped.push(skipLine(l.line, 'errors:preset.degiroProductChange', { name: m[1] ?? '' }));
    return;
  }
  if (/conversion fonds/.test(prefix)) {
    result.skipped.push(skipLine(l.line, 'errors:preset.degiroCashFundConversion'));
    return;
  }
  if (quantity === null || quantity === undefined || price === null || price === undefined || quantity <= 0) {
    result.errors.push(lineError(l.line, 'quantity', 'errors:preset.degiroSharesAndPrice', { description: l.description }));
    return;
  }
  if (l.isin === null && l.product === '') {
    result.errors.push(lineError(l.line, 'symbol', 'errors:preset.degiroNoProduct', { description: l.description }));
    return;
  }
  // Pence: 'AVIVA@496 GBX' is £4.96 a share.
  const pence = rawCurrency === 'GBX';
  const currency = pence ? 'GBP' : rawCurrency;
  const unitPrice = pence ? round(price / 100) : price;

  let fees = 0;
  const notes: string[] = [];
  if (prefix.startsWith('stock dividend')) notes.push('Stock dividend: shares received at no cost.');
  for (const other of order) {
    if (other === l || done.has(other) || other.amount === null || other.currency === null) continue;
    const kind = classify(other.description);
    if (kind === 'trade-fee' && other.currency === currency) {
      fees = round(fees - other.amount);
      done.add(other);
      result.skipped.push(skipLine(other.line, 'errors:preset.feeOfTrade', { line: l.line }));
    } else if (kind === 'trade-fee') {
      // The fee is charged in the account currency, the trade in the instrument's.
      result.cash.push(cashFrom(other, 'fee', `Transaction fee of the ${side} on line ${l.line}.`));
      done.add(other);
    }
  }
  // The exchange that paid for the trade in the account currency, so the price keeps the instrument currency and the rate is the one paid.
  const rateLine = order.find((o) => o !== l && classify(o.description) === 'exchange' && o.fx !== null);
  result.transactions.push(
    transaction({
      type: side,
      date: l.date,
      quantity,
      price: unitPrice,
      currency,
      fees,
      note: notes.join(' '),
      freeShares: prefix.startsWith('stock dividend'),
      externalId: l.orderId,
      isin: l.isin,
      name: emptyToNull(l.product),
      line: l.line,
      fxRate: rateLine?.fx ? { accountCurrency: accountCurrencyOf(order, currency) ?? currency, rate: rateLine.fx } : undefined,
    }),
  );
}

function accountCurrencyOf(order: readonly Line[], tradeCurrency: string): string | null {
  return order.find((o) => o.currency !== null && o.currency !== tradeCurrency)?.currency ?? null;
}

function cashFrom(l: Line, type: ImportedCashTransaction['type'], note: string): ImportedCashTransaction {
  return cashLine({
    type,
    date: l.date,
    amount: Math.abs(l.amount ?? 0),
    currency: l.currency ?? '',
    note: note === '' ? l.description : `${l.description} — ${note}`,
    // One order has a trade, a fee and an exchange under one Order Id: each cash line gets its own id.
    externalId: l.orderId === null ? null : `${l.orderId}/${type}`,
    isin: l.isin,
    name: emptyToNull(l.product),
    line: l.line,
  });
}

/**
 * 'Valuta Debitering' (money out, FX column = rate) pairs with 'Valuta Creditering' (money in)
 * of the same order, or of the same date and time when no order is named.
 */
function pairExchanges(lines: Line[], result: ImportResult): void {
  const key = (l: Line): string => l.orderId ?? `${l.date} ${l.time}`;
  const used = new Set<Line>();
  for (const out of lines) {
    if (used.has(out) || (out.amount ?? 0) >= 0) continue;
    const into = lines.find((l) => !used.has(l) && l !== out && key(l) === key(out) && (l.amount ?? 0) > 0 && l.currency !== out.currency);
    if (!into) continue;
    used.add(out).add(into);
    result.cash.push(
      cashLine({
        type: 'exchange',
        date: out.date,
        amount: Math.abs(out.amount ?? 0),
        currency: out.currency ?? '',
        counterAmount: into.amount,
        counterCurrency: into.currency,
        note: `Degiro rate ${out.fx ?? into.fx ?? '?'} (lines ${Math.min(out.line, into.line)} and ${Math.max(out.line, into.line)}).`,
        externalId: out.orderId === null ? null : `${out.orderId}/exchange`,
        line: Math.min(out.line, into.line),
      }),
    );
    result.skipped.push(skipLine(Math.max(out.line, into.line), 'errors:preset.exchangeOtherHalf', { line: Math.min(out.line, into.line) }));
  }
  for (const l of lines) {
    if (used.has(l)) continue;
    const params = { description: l.description, amount: l.amount ?? '', currency: l.currency ?? '' };
    result.errors.push(lineError(l.line, 'amount', (l.amount ?? 0) < 0 ? 'errors:preset.degiroExchangeNoCredit' : 'errors:preset.degiroExchangeNoDebit', params));
  }
}

/** A dividend and its withholding tax share the security, the value date and the currency. */
function pairDividends(dividends: readonly Line[], taxes: Line[], result: ImportResult): void {
  const used = new Set<Line>();
  for (const d of dividends) {
    const tax = taxes.find((t) => !used.has(t) && t.isin === d.isin && t.valueDate === d.valueDate && t.currency === d.currency);
    if (tax) {
      used.add(tax);
      result.skipped.push(skipLine(tax.line, 'errors:preset.taxOfDividend', { line: d.line }));
    }
    const gross = d.amount ?? 0;
    if (gross < 0) {
      // A reversed dividend: Degiro books it negative; it is money out, not income.
      result.cash.push(cashFrom(d, 'fee', 'Reversed dividend.'));
      continue;
    }
    result.transactions.push(
      transaction({
        type: 'dividend',
        date: d.date,
        quantity: 1,
        price: gross,
        currency: d.currency ?? '',
        taxes: tax ? Math.abs(tax.amount ?? 0) : 0,
        note: 'Dividend total (quantity 1 × amount).',
        isin: d.isin,
        name: emptyToNull(d.product),
        line: d.line,
      }),
    );
  }
  for (const t of taxes) {
    if (used.has(t)) continue;
    result.cash.push(cashFrom(t, (t.amount ?? 0) > 0 ? 'refund' : 'tax', 'Withholding tax without a dividend line in this file.'));
  }
}
