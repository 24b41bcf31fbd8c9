import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { createI18n } from '../../../i18n/i18n';
import { flattenParams, type LooseTextParams, type TextValue } from '../../../i18n/errorText';
import { importTransactionFile } from '../detect-format';

const de = createI18n('de');
// The cast names one catalogue key so t() accepts a key held in a variable, as the UI's problemText does.
const translate = (key: string, params: Record<string, TextValue>): string => de.t(key as 'errors:internal', params);
/** A line's problem or skip reason as a German reader sees it. */
const german = (p: { key?: string; params?: LooseTextParams }): string => translate(p.key ?? 'missing key', flattenParams(p.params, translate));

describe('broker presets in German (issue 17)', () => {
  it('words Degiro skip reasons in German: a fee and a withholding tax booked with their line, a flatex sweep', () => {
    const r = importTransactionFile(readFixture('transactions', 'degiro_account-statement_nl.csv'), 'export.csv');
    const reasons = new Set(r.skipped.map(german));
    expect([...reasons].some((s) => /^Gebühr zum Geschäft in Zeile \d+; dort mitgebucht\.$/.test(s))).toBe(true);
    expect([...reasons].some((s) => /^Quellensteuer zur Dividende in Zeile \d+; dort mitgebucht\.$/.test(s))).toBe(true);
    expect(reasons.has('Interne Umbuchung zwischen Degiro und dem flatex-Geldkonto; das Geld bleibt im Depot.')).toBe(true);
  });

  it('says an unknown Trading 212 action and a bad date in German, naming the file column', () => {
    const header = 'Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Total,Currency (Total),ID';
    const r = importTransactionFile([header, 'Mystery,2024-01-02 10:00:00,,,,,,,,1.00,EUR,x1', 'Deposit,31.02.2024,,,,,,,,5.00,EUR,x2'].join('\n'), 'from_2023.csv');
    expect(r.errors.map((e) => [e.line, german(e)])).toEqual([
      [2, 'Trading 212: „Mystery“ ist keine Buchungsart, die Tickerline kennt; erfassen Sie die Zeile von Hand oder lassen Sie sie weg.'],
      [3, 'Time: „31.02.2024“ ist kein gültiges Datum im Format TT.MM.JJJJ.'],
    ]);
  });

  it('explains a Portfolio Performance Umbuchung without Gegenkonto in German, clause by clause', () => {
    const noColumn = ['Datum;Typ;Wert;Buchungswährung;Steuern;Stück;ISIN;WKN;Ticker-Symbol;Wertpapiername;Notiz', '2024-01-02T00:00;Umbuchung (Ausgang);-200,00;EUR;;;;;;;'].join('\n');
    const [error] = importTransactionFile(noColumn, 'Konto.csv').errors;
    expect(error && german(error)).toBe(
      '„Umbuchung (Ausgang)“ in Zeile 2 bucht Geld zwischen zwei Ihrer Verrechnungskonten um, aber die Datei hat keine Spalte Gegenkonto; daher weiß Tickerline nicht, welches das Gegenkonto ist. Exportieren Sie die Buchungen mit der Spalte Gegenkonto (das CSV-Format von PP für den Import) oder nehmen Sie die Zeile aus der Datei und erfassen Sie die Umbuchung von Hand.',
    );
  });

  it('names a Schwab buy without shares with the German type word and the number in German format', () => {
    const text = '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n"01/02/2024","Buy","ABC","ABC INC","-5","$10.00","","$50.00"\n';
    const [error] = importTransactionFile(text, 'schwab.csv').errors;
    expect(error && german(error)).toBe('Quantity: „Kauf“ braucht eine positive Stückzahl, die Datei nennt „-5“.');
  });
});
