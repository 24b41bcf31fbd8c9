import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { currencyCode, emptyToNull, isIsin } from '../cells';
import type { ImportResult, ImportedCashTransaction } from '../imported-transaction';
import { cashLine, round, transaction } from './build';
import type { ErrorKey } from '../../../i18n/errorText';
import { byLine, emptyResult, lineError, skipLine, type TransactionPreset } from './preset';

/**
 * Interactive Brokers Flex Query in XML: the Trades, CashTransactions and CorporateActions
 * sections become transactions and cash lines; every other section (positions, NAV,
 * performance summaries, FX translation) describes balances, not movements, and is skipped.
 * Each statement names its account, so a file with several accounts keeps them apart.
 */
export const ibkrFlexXmlPreset: TransactionPreset = {
  id: 'ibkr-flex-xml',
  label: 'Interactive Brokers Flex Query (XML)',
  isHeader: () => false,
  recognise: (text) => /^\s*(<\?xml[^>]*>\s*)?<FlexQueryResponse[\s>]/.test(text),
  language: () => 'English',
  parse: parseFlexXml,
};

export type Attributes = Record<string, string>;
export interface Element {
  tag: string;
  line: number;
  a: Attributes;
}

/** Sections read; the element names inside them are the singular. */
const READ = new Set(['Trade', 'CashTransaction', 'CorporateAction', 'SalesTax']);
/** Elements of sections that are balances or summaries, skipped once per section with why. */
const SUMMARY_SECTIONS: Record<string, ErrorKey> = {
  FxTransaction: 'errors:preset.fxTranslation',
};

/** fast-xml-parser's validator explains in English; its error code says which kind of damage, in the reader's language. */
const DAMAGE = {
  InvalidTag: 'errors:preset.xmlDamage.tag',
  InvalidAttr: 'errors:preset.xmlDamage.attribute',
  InvalidChar: 'errors:preset.xmlDamage.character',
  InvalidXml: 'errors:preset.xmlDamage.structure',
} as const;

const isDamageCode = (code: string): code is keyof typeof DAMAGE => code in DAMAGE;

const attributeParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false });

function parseFlexXml(text: string): ImportResult {
  const result = emptyResult();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { code, msg, line, col } = valid.err;
    const detail = isDamageCode(code) ? { key: DAMAGE[code], params: { column: col } } : msg;
    result.errors.push(lineError(line, 'row', 'errors:preset.xmlDamaged', { detail }));
    return result;
  }
  const elements = readElements(text, result);
  const executions = elements.some((e) => e.tag === 'Trade' && e.a.levelOfDetail === 'EXECUTION');
  const cashDetail = elements.some((e) => e.tag === 'CashTransaction' && e.a.levelOfDetail === 'DETAIL');
  const renamed = tenderAliases(elements);
  const cashTransactions: Element[] = [];
  const corporate: Element[] = [];

  for (const e of elements) {
    if (e.tag === 'Trade') {
      if (executions && e.a.levelOfDetail !== undefined && e.a.levelOfDetail !== 'EXECUTION') {
        result.skipped.push(skipLine(e.line, 'errors:preset.tradeSummary', { level: e.a.levelOfDetail }));
      } else readTrade(e, result);
    } else if (e.tag === 'CashTransaction') {
      if (cashDetail && e.a.levelOfDetail !== undefined && e.a.levelOfDetail !== 'DETAIL') {
        result.skipped.push(skipLine(e.line, 'errors:preset.cashSummary', { level: e.a.levelOfDetail }));
        continue;
      }
      cashTransactions.push(e);
    } else if (e.tag === 'CorporateAction') corporate.push(e);
    else readSalesTax(e, result);
  }
  readFlexCashTransactions(cashTransactions, result);
  readCorporateActions(corporate, renamed, result);
  result.transactions.sort((x, y) => x.line - y.line);
  result.cash.sort((x, y) => x.line - y.line);
  return byLine(result);
}

/** Every self-closing element with attributes, with its line; unknown ones skipped with why. */
function readElements(text: string, result: ImportResult): Element[] {
  const out: Element[] = [];
  const pattern = /<([A-Za-z]+)\s([^<>]*?)\/>/g;
  let line = 1;
  let last = 0;
  const skippedSections = new Set<string>();
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    const tag = m[1] as string;
    if (!READ.has(tag)) {
      const reason = SUMMARY_SECTIONS[tag];
      if (reason !== undefined) result.skipped.push(skipLine(line, reason));
      else if (!skippedSections.has(tag)) {
        skippedSections.add(tag);
        result.skipped.push(skipLine(line, 'errors:preset.summarySection', { tag }));
      }
      continue;
    }
    const parsed = attributeParser.parse(m[0]) as Record<string, Attributes>;
    out.push({ tag, line, a: parsed[tag] ?? {} });
  }
  return out;
}

function flexDate(raw: string | undefined): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec((raw ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function num(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (s === '' || s === '--') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function readTrade(e: Element, result: ImportResult): void {
  const a = e.a;
  const category = (a.assetCategory ?? '').toUpperCase();
  const date = flexDate(a.tradeDate ?? a.dateTime);
  const quantity = num(a.quantity);
  const price = num(a.tradePrice);
  const currency = currencyCode(a.currency ?? '');
  if (date === null || quantity === null || price === null || currency === null) {
    result.errors.push(lineError(e.line, date === null ? 'date' : currency === null ? 'currency' : 'quantity', 'errors:preset.xmlTradeUnreadable'));
    return;
  }
  const account = emptyToNull(a.accountId);
  const externalId = emptyToNull(a.transactionID) ?? emptyToNull(a.tradeID) ?? emptyToNull(a.ibExecID);
  if (category === 'CASH') {
    // 'EUR.USD' BUY 1000 @ 1.1: 1000 EUR in, 1100 USD out (proceeds −1100).
    const [base] = (a.symbol ?? '').split('.');
    const proceeds = Math.abs(num(a.proceeds) ?? quantity * price);
    const buying = quantity > 0;
    result.cash.push(
      cashLine({
        type: 'exchange',
        date,
        amount: buying ? proceeds : Math.abs(quantity),
        currency: buying ? currency : (base ?? ''),
        counterAmount: buying ? Math.abs(quantity) : proceeds,
        counterCurrency: buying ? (base ?? '') : currency,
        account,
        note: `${a.symbol ?? ''} at ${price}`,
        externalId,
        line: e.line,
      }),
    );
    return;
  }
  if (category !== 'STK') {
    result.skipped.push(skipLine(e.line, 'errors:preset.assetClass', { assetClass: category || '?', name: a.description ?? a.symbol ?? '' }));
    return;
  }
  const side = (a.buySell ?? '').toUpperCase();
  if (side !== 'BUY' && side !== 'SELL') {
    result.errors.push(lineError(e.line, 'type', 'errors:preset.notBuyOrSell', { column: 'buySell', value: a.buySell ?? '' }));
    return;
  }
  const commission = Math.abs(num(a.ibCommission) ?? 0);
  const commissionCurrency = currencyCode(a.ibCommissionCurrency ?? '') ?? currency;
  const isin = emptyToNull(a.isin)?.toUpperCase() ?? null;
  if (commission !== 0 && commissionCurrency !== currency) {
    result.cash.push(cashLine({ type: 'fee', date, amount: commission, currency: commissionCurrency, account, symbol: emptyToNull(a.symbol), isin, note: `Commission of the trade on line ${e.line}.`, externalId, line: e.line }));
  }
  result.transactions.push(
    transaction({
      type: side === 'BUY' ? 'buy' : 'sell',
      date,
      quantity: Math.abs(quantity),
      price,
      currency,
      // Transaction taxes (stamp duty, FTT) are a cost of the trade like its commission.
      fees: round((commissionCurrency === currency ? commission : 0) + Math.abs(num(a.taxes) ?? 0)),
      externalId,
      symbol: emptyToNull(a.symbol),
      isin: isin !== null && isIsin(isin) ? isin : null,
      name: emptyToNull(a.description),
      account,
      line: e.line,
    }),
  );
}

const CASH_TYPES: Record<string, (amount: number) => ImportedCashTransaction['type']> = {
  'deposits/withdrawals': (x) => (x >= 0 ? 'deposit' : 'withdrawal'),
  'deposits & withdrawals': (x) => (x >= 0 ? 'deposit' : 'withdrawal'),
  'broker interest received': (x) => (x >= 0 ? 'interest' : 'fee'),
  'broker interest paid': (x) => (x >= 0 ? 'interest' : 'fee'),
  'bond interest received': (x) => (x >= 0 ? 'interest' : 'fee'),
  'bond interest paid': (x) => (x >= 0 ? 'interest' : 'fee'),
  'other fees': (x) => (x >= 0 ? 'refund' : 'fee'),
  'commission adjustments': (x) => (x >= 0 ? 'refund' : 'fee'),
  'advisor fees': (x) => (x >= 0 ? 'refund' : 'fee'),
  'withholding tax': (x) => (x >= 0 ? 'refund' : 'tax'),
  'dividends': (x) => (x >= 0 ? 'interest' : 'fee'),
};

function readCash(e: Element, result: ImportResult, note = ''): void {
  const a = e.a;
  const date = flexDate(a.dateTime ?? a.reportDate);
  const amount = num(a.amount);
  const currency = currencyCode(a.currency ?? '');
  const kind = CASH_TYPES[(a.type ?? '').toLowerCase()];
  if (kind === undefined) {
    result.errors.push(lineError(e.line, 'type', 'errors:preset.unknownType', { broker: 'Interactive Brokers', word: a.type ?? '' }));
    return;
  }
  if (date === null || amount === null || currency === null) {
    result.errors.push(lineError(e.line, date === null ? 'date' : 'amount', 'errors:preset.xmlCashUnreadable'));
    return;
  }
  const isin = emptyToNull(a.isin)?.toUpperCase() ?? null;
  result.cash.push(
    cashLine({
      type: kind(amount),
      date,
      amount: Math.abs(amount),
      currency,
      account: emptyToNull(a.accountId),
      symbol: emptyToNull(a.symbol),
      isin: isin !== null && isIsin(isin) ? isin : null,
      note: [a.description ?? '', note].filter((s) => s !== '').join(' — '),
      externalId: emptyToNull(a.transactionID),
      line: e.line,
    }),
  );
}

/** VAT on fees (IBKR charges it to EU clients): a tax paid from the account. */
function readSalesTax(e: Element, result: ImportResult): void {
  const date = flexDate(e.a.date ?? e.a.reportDate);
  const amount = num(e.a.salesTax);
  const currency = currencyCode(e.a.currency ?? '');
  if (date === null || amount === null || currency === null) {
    result.errors.push(lineError(e.line, 'amount', 'errors:preset.xmlSalesTaxUnreadable'));
    return;
  }
  result.cash.push(
    cashLine({
      type: amount <= 0 ? 'tax' : 'refund',
      date,
      amount: Math.abs(amount),
      currency,
      account: emptyToNull(e.a.accountId),
      note: `${e.a.taxType ?? 'Sales tax'} on ${e.a.taxableDescription ?? 'a fee'}`,
      externalId: emptyToNull(e.a.transactionID),
      line: e.line,
    }),
  );
}

/**
 * A dividend and its withholding tax share account, security, date and currency; when one
 * day has two dividends (ordinary and return of capital) the per-share text decides.
 */
function pairDividends(dividends: readonly Element[], taxes: readonly Element[], result: ImportResult): void {
  const key = (e: Element): string => [e.a.accountId, e.a.conid || e.a.isin || e.a.symbol, flexDate(e.a.dateTime ?? e.a.reportDate), e.a.currency].join('|');
  const perShare = (e: Element): string => /CASH DIVIDEND\s+[A-Z]{3}\s+[\d.]+|[\d.]+\s+[A-Z]{3}\s+PER SHARE/.exec(e.a.description ?? '')?.[0] ?? '';
  const taxesOf = new Map<Element, Element[]>();
  const orphans: Element[] = [];
  for (const t of taxes) {
    const candidates = dividends.filter((d) => key(d) === key(t) && (num(d.a.amount) ?? 0) > 0);
    const d = candidates.find((c) => perShare(c) !== '' && perShare(c) === perShare(t)) ?? candidates[0];
    if (d === undefined) orphans.push(t);
    else taxesOf.set(d, [...(taxesOf.get(d) ?? []), t]);
  }
  for (const d of dividends) {
    const amount = num(d.a.amount);
    const date = flexDate(d.a.dateTime ?? d.a.reportDate);
    const currency = currencyCode(d.a.currency ?? '');
    if (amount === null || date === null || currency === null) {
      result.errors.push(lineError(d.line, 'amount', 'errors:preset.xmlDividendUnreadable'));
      continue;
    }
    if (amount < 0) {
      // A reversal of an earlier dividend: money out of the account.
      readCash(d, result, 'Dividend reversed.');
      continue;
    }
    const matching = taxesOf.get(d) ?? [];
    for (const t of matching) result.skipped.push(skipLine(t.line, 'errors:preset.taxOfDividend', { line: d.line }));
    const tax = matching.reduce((s, t) => s - (num(t.a.amount) ?? 0), 0);
    const isin = emptyToNull(d.a.isin)?.toUpperCase() ?? /\(([A-Z]{2}[A-Z0-9]{9}\d)\)/.exec(d.a.description ?? '')?.[1] ?? null;
    const symbol = emptyToNull(d.a.symbol) ?? /^([^(\s]+)\(/.exec(d.a.description ?? '')?.[1] ?? null;
    result.transactions.push(
      transaction({
        type: 'dividend',
        date,
        quantity: 1,
        price: amount,
        currency,
        taxes: round(tax),
        note: `Dividend total (quantity 1 × amount). ${d.a.description ?? ''}`.trim(),
        externalId: emptyToNull(d.a.transactionID),
        symbol,
        isin,
        name: null,
        account: emptyToNull(d.a.accountId),
        line: d.line,
      }),
    );
  }
  for (const t of orphans) readCash(t, result, 'Withholding tax without its dividend in this file.');
}

/** Cash transactions however they were read (XML attributes or CSV columns renamed to them). */
export function readFlexCashTransactions(elements: readonly Element[], result: ImportResult): void {
  const dividends: Element[] = [];
  const taxes: Element[] = [];
  for (const e of elements) {
    const type = (e.a.type ?? '').toLowerCase();
    if (type === 'dividends' || type === 'payment in lieu of dividends') dividends.push(e);
    else if (type === 'withholding tax') taxes.push(e);
    else readCash(e, result);
  }
  pairDividends(dividends, taxes, result);
}

/**
 * 'UUU(CA91701P1053) TENDERED TO CA91701P1TN3 1 FOR 1': the tender security is the same
 * holding under a new identifier, so later actions on it are booked on the original.
 */
function tenderAliases(elements: readonly Element[]): Map<string, { isin: string; symbol: string }> {
  const aliases = new Map<string, { isin: string; symbol: string }>();
  for (const e of elements) {
    const m = /^([^(\s]+)\(([A-Z0-9]{12})\)\s+TENDERED TO\s+([A-Z0-9]{12})/.exec(e.a.description ?? '');
    if (e.tag === 'CorporateAction' && m) aliases.set(m[3] as string, { symbol: m[1] as string, isin: m[2] as string });
  }
  return aliases;
}

function readCorporateActions(actions: readonly Element[], aliases: Map<string, { isin: string; symbol: string }>, result: ImportResult): void {
  for (const e of actions) {
    const a = e.a;
    const description = a.description ?? '';
    const date = flexDate(a.dateTime ?? a.reportDate);
    const quantity = num(a.quantity) ?? 0;
    const currency = currencyCode(a.currency ?? '');
    const account = emptyToNull(a.accountId);
    if (date === null || currency === null) {
      result.errors.push(lineError(e.line, 'date', 'errors:preset.xmlActionUnreadable'));
      continue;
    }
    const split = /^([^(\s]+)\(([A-Z0-9]{12})\)\s+SPLIT\s+(\d+(?:\.\d+)?)\s+FOR\s+(\d+(?:\.\d+)?)/.exec(description);
    if (split) {
      const [, symbol, oldIsin, to, from] = split as unknown as [string, string, string, string, string];
      const newIsin = (a.isin ?? '').toUpperCase();
      // A split that changes the ISIN is booked as old shares out and new shares in; the split goes on the old line.
      if (newIsin !== oldIsin && quantity > 0) {
        result.skipped.push(skipLine(e.line, 'errors:preset.splitSharesOldIsin', { symbol, isin: oldIsin }));
        continue;
      }
      result.transactions.push(
        transaction({ type: 'split', date, quantity: 0, price: 0, currency, splitRatio: { from: Number(from), to: Number(to) }, note: description, symbol, isin: oldIsin, account, line: e.line }),
      );
      continue;
    }
    if (/\sTENDERED TO\s/.test(description)) {
      result.skipped.push(skipLine(e.line, 'errors:preset.tendered'));
      continue;
    }
    const merged = /MERGED.*FOR\s+([A-Z]{3})\s+(\d+(?:\.\d+)?)\s+PER SHARE/.exec(description);
    if (merged && quantity < 0) {
      const isin = (a.isin ?? '').toUpperCase();
      const original = aliases.get(isin);
      result.transactions.push(
        transaction({
          type: 'sell',
          date,
          quantity: -quantity,
          price: Number(merged[2]),
          currency: currencyCode(merged[1] as string) ?? currency,
          note: `Cash merger: ${description}`,
          symbol: original?.symbol ?? emptyToNull(a.symbol),
          isin: original?.isin ?? (isIsin(isin) ? isin : null),
          account,
          line: e.line,
        }),
      );
      continue;
    }
    result.errors.push(lineError(e.line, 'type', 'errors:preset.corporateAction', { description }));
  }
}
