import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, i18nOptions } from '@shared/i18n/i18n';
import { numberFormatter } from '@shared/i18n/number-format';
import type { TransactionImportSummary } from '@shared/api/transactions';
import { describeImportSummary, formatLabel, languageName, lineProblemText } from './summaryText';

const en = createI18n('en');
const de = createI18n('de');

const degiro: TransactionImportSummary = {
  format: 'Degiro account statement',
  language: 'Dutch',
  lines: 74,
  trades: 23,
  perType: { buy: 20, sell: 3, dividend: 9 },
  cashPerType: { deposit: 19 },
  cashLines: 19,
  skipped: 32,
  errors: 0,
  errorLines: 0,
  warnings: 1,
};
const degiroFormat = { kind: 'preset' as const, label: 'Degiro account statement', presetId: 'degiro' };

describe('describeImportSummary', () => {
  it('words a preset file with its language, counting each kind once', () => {
    // The line count is the summary's own (74), not the sum of the parts: one file line can give a trade and a cash line.
    expect(describeImportSummary(degiro, formatLabel(degiroFormat, en), en)).toBe(
      'Degiro account statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped, 1 warning',
    );
  });

  it('says the same in German: the format, the language and every count in German', () => {
    expect(describeImportSummary(degiro, formatLabel(degiroFormat, de), de)).toBe(
      'Degiro-Kontoauszug, Niederländisch, 74 Zeilen: 23 Käufe/Verkäufe, 9 Dividenden, 19 Kontobuchungen, 32 übersprungen, 1 Hinweis',
    );
  });

  it('says a generic file was read with the mapping, and one line in the singular', () => {
    const one: TransactionImportSummary = { format: null, language: null, lines: 1, trades: 1, perType: { buy: 1 }, cashPerType: {}, cashLines: 0, skipped: 0, errors: 2, errorLines: 1, warnings: 0 };
    expect(describeImportSummary(one, null, en)).toBe('Read with your column mapping, 1 line: 1 trade, 1 line with problems');
    expect(describeImportSummary(one, null, de)).toBe('Mit Ihrer Spaltenzuordnung gelesen, 1 Zeile: 1 Kauf/Verkauf, 1 fehlerhafte Zeile');
  });

  it('groups thousands the chosen way (issue 15: "240971" had no separator), also English text with German numbers', () => {
    // A 240,971-line broker export: 240,000 trades + 971 skipped.
    const big: TransactionImportSummary = { format: 'Generic CSV', language: null, lines: 240_971, trades: 240_000, perType: { buy: 240_000 }, cashPerType: {}, cashLines: 0, skipped: 971, errors: 0, errorLines: 0, warnings: 0 };
    expect(describeImportSummary(big, 'Generic CSV', en)).toBe('Generic CSV, 240,971 lines: 240,000 trades, 971 skipped');
    expect(describeImportSummary(big, 'Generic CSV', de)).toBe('Generic CSV, 240.971 Zeilen: 240.000 Käufe/Verkäufe, 971 übersprungen');
    const englishWithGermanNumbers = i18next.createInstance();
    void englishWithGermanNumbers.use(numberFormatter(() => 'de-DE')).init(i18nOptions('en'));
    expect(describeImportSummary(big, 'Generic CSV', englishWithGermanNumbers)).toBe('Generic CSV, 240.971 lines: 240.000 trades, 971 skipped');
  });

  it('counts share transfers in and out together (Portfolio Performance deliveries and Umbuchungen)', () => {
    // 1 buy + 2 transfers in + 2 transfers out = 5 lines; 2 + 2 = 4 share transfers
    const pp: TransactionImportSummary = { format: 'Portfolio Performance export', language: 'German', lines: 5, trades: 1, perType: { buy: 1, 'transfer-in': 2, 'transfer-out': 2 }, cashPerType: {}, cashLines: 0, skipped: 0, errors: 0, errorLines: 0, warnings: 0 };
    const format = { kind: 'preset' as const, label: 'Portfolio Performance export', presetId: 'portfolio-performance' };
    expect(describeImportSummary(pp, formatLabel(format, en), en)).toBe('Portfolio Performance export, German, 5 lines: 1 trade, 4 share transfers');
    expect(describeImportSummary(pp, formatLabel(format, de), de)).toBe('Portfolio-Performance-Export, Deutsch, 5 Zeilen: 1 Kauf/Verkauf, 4 Depotüberträge');
  });

  it('says a file with nothing in it counted as only its lines', () => {
    const empty: TransactionImportSummary = { format: 'Trading 212 history', language: 'English', lines: 0, trades: 0, perType: {}, cashPerType: {}, cashLines: 0, skipped: 0, errors: 0, errorLines: 0, warnings: 0 };
    expect(describeImportSummary(empty, formatLabel({ kind: 'preset', label: 'Trading 212 history', presetId: 'trading212' }, de), de)).toBe('Trading-212-Verlauf, Englisch, 0 Zeilen');
  });
});

describe('formatLabel', () => {
  it('names the generic format and keeps the English label of a preset it does not know', () => {
    expect(formatLabel({ kind: 'generic', label: 'Other CSV (check the columns)', presetId: null }, de)).toBe('Andere CSV-Datei (Spalten prüfen)');
    expect(formatLabel({ kind: 'preset', label: 'Some new broker', presetId: 'some-new-broker' }, de)).toBe('Some new broker');
  });
});

describe('languageName', () => {
  it('writes the file language in the reader language, and an unknown one as given', () => {
    expect(languageName('French', 'de')).toBe('Französisch');
    expect(languageName('Italian', 'en')).toBe('Italian');
    expect(languageName('Klingon', 'de')).toBe('Klingon');
  });
});

describe('lineProblemText', () => {
  it('names the field in German, and leaves the bracket out when the message starts with it or the line is the problem', () => {
    expect(lineProblemText({ line: 3, field: 'date' }, 'Datum: „31.02.2024“ ist kein gültiges Datum im Format TT.MM.JJJJ.', de)).toBe(
      'Zeile 3: Datum: „31.02.2024“ ist kein gültiges Datum im Format TT.MM.JJJJ.',
    );
    expect(lineProblemText({ line: 7, field: 'price' }, 'TradePrice: „x“ ist kein gültiger Kurs.', de)).toBe('Zeile 7 (Kurs): TradePrice: „x“ ist kein gültiger Kurs.');
    expect(lineProblemText({ line: 2, field: 'row' }, 'Die Datei ist leer.', de)).toBe('Zeile 2: Die Datei ist leer.');
    expect(lineProblemText({ line: 7, field: 'splitRatio' }, 'Split without its other line.', en)).toBe('Line 7 (Split ratio): Split without its other line.');
  });
});
