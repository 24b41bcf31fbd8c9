import { readCsvTable, type CsvDelimiter, type CsvRow } from './csv';
import { dateOrderEvidence, defaultDateOrder, type DateOrder } from './date-cells';
import { guessDecimalSeparator, type DecimalSeparator } from './numbers';
import { DEFAULT_TYPE_WORDS, lookupTypeWord, normaliseWord, type TypeWordMap } from './type-words';

export const MAPPED_FIELDS = [
  'date',
  'type',
  'symbol',
  'isin',
  'name',
  'quantity',
  'price',
  'amount',
  'fees',
  'currency',
  'externalId',
  'note',
] as const;

export type MappedField = (typeof MAPPED_FIELDS)[number];

/** How to read a file we have no preset for; the user can correct every part of it. */
export interface TransactionMapping {
  delimiter: CsvDelimiter;
  /** Physical line of the header row; lines above it are titles and are ignored. */
  headerLine: number;
  /**
   * 0-based column index per field, null when the file has no such column. `fxRate` is the
   * rate paid between the price's currency and the account's (units of price currency per
   * account unit), for files that state both.
   */
  columns: Record<MappedField, number | null> & { fxRate?: number | null };
  dateOrder: DateOrder;
  decimalSeparator: DecimalSeparator;
  /** Type words of this file (normalised with normaliseWord) → our types or 'skip'. */
  typeWords: TypeWordMap;
  /** Used when the file has no currency column. */
  defaultCurrency: string | null;
  /** The account's currency when prices are in the instrument's (with an FX rate column). */
  accountCurrency?: string | null;
}

export interface ColumnDetection {
  headers: string[];
  headerLine: number;
  /** First 20 data rows, cells as written. */
  preview: CsvRow[];
  mapping: TransactionMapping;
  /** Type words found in the file that the suggestion could not map: the user must choose. */
  unmappedTypeWords: string[];
  /** The language the header is written in, when its words say. */
  language?: string | null;
  /**
   * Why the date order was chosen: 'rows' when a date in the file decides it; otherwise the
   * file's language, the user's locale or the default, and the preview must say it is a guess.
   */
  dateOrderBy?: 'rows' | 'language' | 'locale' | 'default';
}

const PREVIEW_ROWS = 20;

/** Header words only one language uses, to tell the file's language (and so its date order). */
const LANGUAGE_WORDS: Record<string, readonly string[]> = {
  German: ['datum', 'anzahl', 'stuck', 'kurs', 'betrag', 'wahrung', 'gebuhren', 'buchungstag', 'wertpapier', 'bezeichnung', 'umsatz', 'art', 'typ'],
  French: ['quantite', 'cours', 'montant', 'devise', 'frais', 'libelle', 'operation', "date d'operation", 'valeur'],
  Dutch: ['aantal', 'koers', 'bedrag', 'omschrijving', 'valuta', 'kosten', 'mutatie', 'datum', 'soort'],
  Italian: ['quantita', 'prezzo', 'importo', 'divisa', 'commissioni', 'descrizione', 'data operazione', 'operazione', 'titolo'],
  Spanish: ['cantidad', 'precio', 'importe', 'moneda', 'comision', 'fecha', 'operacion', 'descripcion'],
  Swedish: ['antal', 'kurs', 'belopp', 'valuta', 'courtage', 'transaktionstyp', 'vardepapper', 'datum', 'affarsdag'],
  Danish: ['antal', 'kurs', 'belob', 'valuta', 'gebyr', 'handelsdag', 'dato'],
  Norwegian: ['antall', 'kurs', 'belop', 'valuta', 'kurtasje', 'handelsdag', 'dato', 'transaksjonstype'],
  Polish: ['data', 'ilosc', 'kurs', 'kwota', 'waluta', 'prowizja', 'typ transakcji', 'instrument'],
  English: ['date', 'quantity', 'price', 'amount', 'currency', 'fees', 'commission', 'shares', 'description', 'action', 'symbol', 'type', 'total'],
};

/** The language most of the header's words belong to (ties keep the order above), or null. */
export function headerLanguage(headers: readonly string[]): string | null {
  const names = headers.map(normaliseWord);
  let best: string | null = null;
  let bestScore = 0;
  for (const [language, words] of Object.entries(LANGUAGE_WORDS)) {
    const score = names.filter((n) => words.some((w) => n === w || n.startsWith(`${w} `))).length;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

/** Header names per field, normalised; exact matches win over partial ones. */
const SYNONYMS: Record<MappedField, readonly string[]> = {
  date: [
    'date', 'trade date', 'tradedate', 'transaction date', 'datum', "date d'operation", 'data', 'datetime', 'time', 'timestamp', 'buchungstag', 'trade date/time',
    'handelsdatum', 'buchungsdatum', 'transaktionsdatum', 'data operazione', 'fecha', 'fecha operacion', 'affarsdag', 'handelsdag', 'dato', 'data transakcji', 'data operacji',
  ],
  type: [
    'type', 'action', 'transaction type', 'activity type', 'activitytype', 'operation', 'transaction', 'transaktion', 'transactietype', 'buy/sell', 'side', 'art', 'category',
    'typ', 'transaktionsart', 'buchungsart', 'type mutatie', 'soort', 'tipo', 'tipo operazione', 'operazione', 'tipo de operacion', 'operacion',
    'transaktionstyp', 'transaksjonstype', 'transaktionstype', 'typ transakcji', 'rodzaj', 'rodzaj transakcji',
  ],
  symbol: ['symbol', 'ticker', 'code', 'instrument symbol', 'symbole', 'ticker symbol', 'tickersymbol', 'kurzel', 'simbolo', 'symbool', 'kortnamn'],
  isin: ['isin', 'isin code', 'instrument isin', 'code isin', 'codice isin', 'isin-kod', 'kod isin'],
  name: [
    'name', 'description', 'libelle', 'product', 'produkt', 'asset name', 'security', 'instrument', 'wertpapier', 'bezeichnung', 'security name',
    'nom', 'produit', 'naam', 'omschrijving', 'fonds', 'nome', 'titolo', 'descrizione', 'nombre', 'valor', 'instrumento', 'vardepapper', 'vaerdipapir', 'verdipapir', 'papier wartosciowy', 'nazwa',
  ],
  quantity: [
    'quantity', 'qty', 'shares', 'no. of shares', 'number of shares', 'anzahl', 'stuck', 'stuckzahl', 'quantite', 'aantal', 'units', 'volume', 'nominale',
    'quantita', 'cantidad', 'titulos', 'antal', 'antall', 'ilosc', 'liczba',
  ],
  price: [
    'price', 'unit price', 'unit_price', 'unitprice', 'price / share', 'price per share', 'trade price', 'tradeprice', 'cours', 'kurs', 'koers', 'share price',
    'prix', 'prezzo', 'precio', 'pris', 'kurs kupna', 'cena', 'stuckpreis', 'prijs',
  ],
  amount: [
    'amount', 'total', 'montant', 'betrag', 'net amount', 'trademoney', 'trade money', 'value', 'total amount', 'bedrag', 'waarde',
    'importo', 'controvalore', 'importe', 'belopp', 'belob', 'belop', 'kwota', 'wartosc', 'gesamtbetrag', 'umsatz',
  ],
  fees: [
    'fee', 'fees', 'fees & comm', 'commission', 'ibcommission', 'frais', 'gebuhr', 'gebuhren', 'kosten', 'costs', 'provision', 'spesen',
    'commissioni', 'spese', 'comision', 'comisiones', 'gastos', 'courtage', 'avgift', 'gebyr', 'kurtasje', 'prowizja', 'oplaty',
  ],
  currency: ['currency', 'devise', 'wahrung', 'valuta', 'currencyprimary', 'ccy', 'divisa', 'moneda', 'waluta', 'munt'],
  externalId: [
    'id', 'transaction id', 'transactionid', 'order id', 'reference', 'tradeid', 'order #', 'referenz', 'auftragsnummer', 'referentie', 'ordernummer',
    'riferimento', 'riferimento ordine', 'referencia', 'verifikationsnummer', 'id transakcji', 'numer zlecenia',
  ],
  note: ['note', 'notes', 'comment', 'comments', 'memo', 'opmerking', 'bemerkung', 'remarque', 'nota', 'notas', 'anteckning', 'notat', 'uwagi', 'kommentar'],
};

/** Headers of a rate column beside the price (rate paid between instrument and account currency). */
const FX_RATE = ['fx rate', 'exchange rate', 'fxrate', 'conversion rate', 'wechselkurs', 'devisenkurs', 'taux de change', 'wisselkoers', 'tasso di cambio', 'cambio', 'tipo de cambio', 'vaxelkurs', 'valutakurs', 'kurs wymiany'];

/**
 * Reads the header and the first rows and suggests a mapping. Nothing is parsed
 * into transactions yet: the suggestion is for the user to confirm in a preview.
 */
export function detectTransactionColumns(text: string, options: { locale?: string | null } = {}): ColumnDetection {
  const table = readCsvTable(text);
  const headers = (table.header?.cells ?? []).map((h) => h.trim());
  const columns = matchColumns(headers);
  const rows = table.rows;

  const samples = (field: MappedField): string[] => {
    const index = columns[field];
    return index === null ? [] : rows.map((r) => r.cells[index] ?? '').filter((c) => c.trim() !== '');
  };
  const numericSamples = (['quantity', 'price', 'amount', 'fees'] as const).flatMap(samples);
  // When no number settles it: a comma-separated file writes decimal points, a semicolon-separated one decimal
  // commas (that is why it is not comma-separated), and a tab-separated one as the user's locale does.
  const fallbackDecimal = table.delimiter === ',' ? '.' : table.delimiter === ';' ? ',' : (localeDecimalSeparator(options.locale ?? null) ?? '.');
  const decimalSeparator = guessDecimalSeparator(numericSamples, fallbackDecimal);
  // Every row counts: one '24/12/2023' settles the order for all the ambiguous ones.
  const evidence = dateOrderEvidence(samples('date'));
  const language = headerLanguage(headers);
  const byDefault = defaultDateOrder(language, options.locale ?? null, decimalSeparator === ',' ? 'DMY' : 'MDY');
  const dateOrder = evidence.order ?? byDefault.order;

  const { typeWords, unmapped } = suggestTypeWords([...new Set(samples('type').map(normaliseWord))]);

  return {
    headers,
    headerLine: table.header?.line ?? 1,
    preview: rows.slice(0, PREVIEW_ROWS),
    unmappedTypeWords: unmapped,
    language,
    dateOrderBy: evidence.order !== null ? 'rows' : byDefault.by,
    mapping: {
      delimiter: table.delimiter,
      headerLine: table.header?.line ?? 1,
      columns,
      dateOrder,
      decimalSeparator,
      typeWords,
      defaultCurrency: null,
    },
  };
}

/** The decimal separator a locale writes ('de-DE' → ',', 'en-GB' → '.'), or null when the locale is unknown. */
export function localeDecimalSeparator(locale: string | null): DecimalSeparator | null {
  if (locale === null) return null;
  try {
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return decimal === ',' ? ',' : decimal === '.' ? '.' : null;
  } catch {
    return null;
  }
}

function matchColumns(headers: readonly string[]): TransactionMapping['columns'] {
  const names = headers.map(normaliseWord);
  const columns = Object.fromEntries(MAPPED_FIELDS.map((f) => [f, null])) as Record<MappedField, number | null>;
  const taken = new Set<number>();
  const assign = (matches: (name: string, synonym: string) => boolean): void => {
    for (const field of MAPPED_FIELDS) {
      if (columns[field] !== null) continue;
      for (const synonym of SYNONYMS[field]) {
        const index = names.findIndex((n, i) => !taken.has(i) && matches(n, synonym));
        if (index >= 0) {
          columns[field] = index;
          taken.add(index);
          break;
        }
      }
    }
  };
  // The rate column first, so 'Exchange rate' is not taken for a price or amount by a partial match.
  const fx = names.findIndex((n) => FX_RATE.includes(n));
  if (fx >= 0) taken.add(fx);
  assign((name, synonym) => name === synonym);
  // Partial matches ('Date de valeur', 'Kurs in EUR') only for words of 4+ letters, so 'id' does not match 'paid'.
  assign((name, synonym) => synonym.length >= 4 && name.startsWith(synonym));
  return fx >= 0 ? { ...columns, fxRate: fx } : columns;
}

/**
 * Files of the same shape share delimiter and header names (case, spacing and accents
 * aside), so a mapping the user confirmed for one fits the next month's export too.
 */
export function mappingShapeKey(headers: readonly string[], delimiter: CsvDelimiter): string {
  return `${delimiter === '\t' ? 'tab' : delimiter}|${headers.map(normaliseWord).join('|')}`;
}

/** The distinct type words of a column (normalised), in file order. */
export function typeWordsInColumn(rows: readonly (readonly string[])[], column: number | null): string[] {
  if (column === null) return [];
  const words = rows.map((r) => normaliseWord(r[column] ?? '')).filter((w) => w !== '');
  return [...new Set(words)];
}

/** Suggested targets for type words: those known in any of the ten languages; the rest left for the user. */
export function suggestTypeWords(words: readonly string[]): { typeWords: TypeWordMap; unmapped: string[] } {
  const typeWords: TypeWordMap = {};
  const unmapped: string[] = [];
  for (const word of words) {
    const target = lookupTypeWord(DEFAULT_TYPE_WORDS, word);
    if (target) typeWords[normaliseWord(word)] = target;
    else unmapped.push(normaliseWord(word));
  }
  return { typeWords, unmapped };
}
