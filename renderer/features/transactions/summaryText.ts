import type { i18n } from 'i18next';
import type { ImportPreview, TransactionImportSummary } from '@shared/api/transactions';

/** The reader-facing name of each format the import recognises, by preset id ('generic' for a file read with a mapping). */
const FORMAT_LABELS = {
  generic: 'importing:format.generic',
  tickerline: 'importing:format.tickerline',
  'ibkr-flex-trades': 'importing:format.ibkrTrades',
  'ibkr-flex-xml': 'importing:format.ibkrXml',
  'ibkr-flex-cash': 'importing:format.ibkrCash',
  schwab: 'importing:format.schwab',
  ghostfolio: 'importing:format.ghostfolio',
  'ghostfolio-json': 'importing:format.ghostfolioJson',
  degiro: 'importing:format.degiro',
  trading212: 'importing:format.trading212',
  etoro: 'importing:format.etoro',
  parqet: 'importing:format.parqet',
  freetrade: 'importing:format.freetrade',
  investengine: 'importing:format.investengine',
  bux: 'importing:format.bux',
  finpension: 'importing:format.finpension',
  directa: 'importing:format.directa',
  'releve-fr': 'importing:format.releveFr',
  rabobank: 'importing:format.rabobank',
  'portfolio-performance': 'importing:format.portfolioPerformance',
  wealthfolio: 'importing:format.wealthfolio',
} as const;

/**
 * The readers name a file's language in English ('Dutch'); its code lets Intl write the name in the
 * reader's language ("Niederländisch"). Only the languages the readers can name.
 */
const LANGUAGE_CODES: Record<string, string> = {
  English: 'en',
  German: 'de',
  Dutch: 'nl',
  French: 'fr',
  Italian: 'it',
  Spanish: 'es',
  Portuguese: 'pt',
  Swedish: 'sv',
  Danish: 'da',
  Norwegian: 'no',
  Polish: 'pl',
};

type Translator = Pick<i18n, 't' | 'language'>;

/** The format badge's text: the preset's name in the reader's language, the backend's English label for one this table lacks. */
export function formatLabel(format: ImportPreview['format'], { t }: Translator): string {
  const id = format.kind === 'generic' ? 'generic' : format.presetId;
  const key = id !== null && id in FORMAT_LABELS ? FORMAT_LABELS[id as keyof typeof FORMAT_LABELS] : undefined;
  return key === undefined ? format.label : t(key);
}

/** A language named in English by a reader, written in the UI language; the English name when Intl does not know it. */
export function languageName(english: string, language: string): string {
  const code = LANGUAGE_CODES[english];
  if (code === undefined) return english;
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? english;
  } catch {
    return english;
  }
}

/**
 * The preview's one sentence on how the file was read:
 * "Degiro account statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped",
 * "Degiro-Kontoauszug, Niederländisch, 74 Zeilen: 23 Käufe/Verkäufe, 9 Dividenden, …".
 * `format` is the file's format as formatLabel words it, null for a file read with the user's mapping.
 */
export function describeImportSummary(summary: TransactionImportSummary, format: string | null, i18n: Translator): string {
  const { t } = i18n;
  const parts: string[] = [];
  if (summary.trades > 0) parts.push(t('importing:summary.trades', { count: summary.trades }));
  const dividends = summary.perType.dividend ?? 0;
  if (dividends > 0) parts.push(t('importing:summary.dividends', { count: dividends }));
  const splits = summary.perType.split ?? 0;
  if (splits > 0) parts.push(t('importing:summary.splits', { count: splits }));
  const fees = summary.perType.fee ?? 0;
  if (fees > 0) parts.push(t('importing:summary.fees', { count: fees }));
  const transfers = (summary.perType['transfer-in'] ?? 0) + (summary.perType['transfer-out'] ?? 0);
  if (transfers > 0) parts.push(t('importing:summary.transfers', { count: transfers }));
  if (summary.cashLines > 0) parts.push(t('importing:summary.cashLines', { count: summary.cashLines }));
  if (summary.skipped > 0) parts.push(t('importing:summary.skipped', { count: summary.skipped }));
  if (summary.errorLines > 0) parts.push(t('importing:summary.problemLines', { count: summary.errorLines }));
  if (summary.warnings > 0) parts.push(t('importing:summary.warnings', { count: summary.warnings }));
  const name = format ?? t('importing:summary.mapping');
  const lines = t('importing:summary.lines', { count: summary.lines });
  const head =
    summary.language === null || summary.language === ''
      ? t('importing:summary.head', { format: name, lines })
      : t('importing:summary.headLanguage', { format: name, language: languageName(summary.language, i18n.language), lines });
  // The parts are a list of counts, each already a whole phrase; the comma between them is the same in every language we ship.
  return parts.length === 0 ? head : t('importing:summary.withParts', { head, parts: parts.join(', ') });
}

/** The field of a line error as the mapping editor names it; 'row' (the line as a whole) has none. */
const LINE_FIELDS = {
  date: 'importing:mapping.field.date',
  type: 'importing:mapping.field.type',
  symbol: 'importing:mapping.field.symbol',
  isin: 'importing:mapping.field.isin',
  name: 'importing:mapping.field.name',
  quantity: 'importing:mapping.field.quantity',
  price: 'importing:mapping.field.price',
  amount: 'importing:mapping.field.amount',
  fees: 'importing:mapping.field.fees',
  currency: 'importing:mapping.field.currency',
  externalId: 'importing:mapping.field.externalId',
  note: 'importing:mapping.field.note',
  splitRatio: 'importing:mapping.field.splitRatio',
} as const;

/**
 * "Zeile 3 (Kurs): …" — a line's problem with its field in the reader's language. The bracket is
 * left out for the line as a whole and when the message already starts with the field's name
 * ("Zeile 3: Datum: „31.02.2024“ ist kein gültiges Datum…"), so nothing is said twice.
 */
export function lineProblemText(problem: { line: number; field: string }, message: string, { t, language }: Translator): string {
  const key = problem.field in LINE_FIELDS ? LINE_FIELDS[problem.field as keyof typeof LINE_FIELDS] : undefined;
  const field = key === undefined ? null : t(key);
  if (field === null || message.toLocaleLowerCase(language).startsWith(field.toLocaleLowerCase(language))) {
    return t('importing:tx.lineWarning', { line: problem.line, message });
  }
  return t('importing:tx.lineProblem', { line: problem.line, field, message });
}
