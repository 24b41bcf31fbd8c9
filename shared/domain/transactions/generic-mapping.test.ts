import { describe, expect, it } from 'vitest';
import { detectTransactionColumns, headerLanguage, mappingShapeKey, suggestTypeWords, typeWordsInColumn } from './mapping';
import { parseTransactions, unknownTypeWordOf } from './parse-transactions';

const read = (text: string, locale?: string) => {
  const detection = detectTransactionColumns(text, { locale });
  return { detection, result: parseTransactions(text, detection.mapping) };
};

describe('generic mapping in other languages', () => {
  it('a Swedish export: Köp, Sälj, Utdelning as transactions, Insättning and Uttag as cash lines', () => {
    const text = [
      'Affärsdag;Transaktionstyp;Värdepapper;ISIN;Antal;Kurs;Belopp;Courtage;Valuta',
      '2024-01-02;Insättning;-;-;-;-;10 000,00;-;SEK',
      '2024-01-03;Köp;Investor B;SE0015811963;20;250,10;-5 002,00;0;SEK',
      '2024-02-05;Sälj;Investor B;SE0015811963;-5;260,00;1 300,00;1;SEK',
      '2024-05-10;Utdelning;Investor B;SE0015811963;15;4,40;66,00;-;SEK',
      '2024-06-01;Uttag;-;-;-;-;-500,00;-;SEK',
      '2024-06-02;Courtage;-;-;-;-;0,00;0;SEK',
    ].join('\n');
    const { detection, result } = read(text);
    expect(detection.language).toBe('Swedish');
    expect(detection.mapping.columns).toMatchObject({ date: 0, type: 1, name: 2, isin: 3, quantity: 4, price: 5, amount: 6, fees: 7, currency: 8 });
    expect(detection.unmappedTypeWords).toEqual([]);
    expect(result.errors).toEqual([]);
    // 20 × 250,10 = 5 002,00; a commission of 0 is accepted, not "must be greater than zero"
    expect(result.transactions.map((t) => [t.type, t.quantity, t.price, t.fees])).toEqual([['buy', 20, 250.1, 0], ['sell', 5, 260, 1], ['dividend', 15, 4.4, 0]]);
    expect(result.cash.map((c) => [c.type, c.amount, c.currency])).toEqual([['deposit', 10000, 'SEK'], ['withdrawal', 500, 'SEK']]);
    // a fee line of 0,00 charges nothing
    expect(result.skipped).toMatchObject([{ line: 7, reason: "'Courtage' of 0: nothing was charged." }]);
  });

  it('German, Dutch, Polish and Norwegian words', () => {
    const words = ['Kauf', 'Verkauf', 'Dividende', 'Koop', 'Verkoop', 'Storting', 'Kupno', 'Sprzedaż', 'Wypłata', 'Kjøp', 'Salg', 'Utbytte', 'Achat', 'Vente', 'Compra', 'Venta'];
    expect(suggestTypeWords(words)).toEqual({
      typeWords: {
        kauf: 'buy', verkauf: 'sell', dividende: 'dividend', koop: 'buy', verkoop: 'sell', storting: 'deposit', kupno: 'buy', sprzedaz: 'sell',
        wyplata: 'withdrawal', kjop: 'buy', salg: 'sell', utbytte: 'dividend', achat: 'buy', vente: 'sell', compra: 'buy', venta: 'sell',
      },
      unmapped: [],
    });
  });
});

describe('dates decided from all rows', () => {
  it('a Ghostfolio-style file: 07-03-2022 is 7 March because another row is day-first', () => {
    const text = ['Date,Code,Currency,Price,Quantity,Action,Fee', '07-03-2022,MSFT,USD,280,1,buy,0', '28-02-2022,MSFT,USD,290,1,buy,0'].join('\n');
    const { detection, result } = read(text, 'en-US');
    expect(detection.dateOrderBy).toBe('rows');
    expect(result.transactions.map((t) => t.date)).toEqual(['2022-03-07', '2022-02-28']);
  });

  it('a dotted date anywhere is evidence for day-first', () => {
    const text = ['Date,Code,Currency,Price,Quantity,Action,Fee', '07-03-2022,MSFT,USD,280,1,buy,0', '01.02.2022,MSFT,USD,290,1,buy,0'].join('\n');
    expect(read(text, 'en-US').result.transactions[0]?.date).toBe('2022-03-07');
  });

  it('all ambiguous: the file language decides, then the user locale, and the detection says it guessed', () => {
    const english = ['Date,Symbol,Currency,Price,Quantity,Type', '03/04/2024,ABC,USD,10,1,Buy'].join('\n');
    expect(read(english, 'en-US').detection).toMatchObject({ dateOrderBy: 'locale', mapping: { dateOrder: 'MDY' } });
    expect(read(english, 'en-GB').detection).toMatchObject({ dateOrderBy: 'locale', mapping: { dateOrder: 'DMY' } });
    const german = ['Datum,Symbol,Währung,Kurs,Anzahl,Typ', '03/04/2024,ABC,EUR,10,1,Kauf'].join('\n');
    // German header: 3 April whatever the locale
    expect(read(german, 'en-US').detection).toMatchObject({ language: 'German', dateOrderBy: 'language', mapping: { dateOrder: 'DMY' } });
    expect(read(german, 'en-US').result.transactions[0]?.date).toBe('2024-04-03');
  });
});

describe('currencies, rates and empty values', () => {
  it('pence become pounds, RMB is CNY, and "-" is no value', () => {
    const text = ['Date,Type,Symbol,Quantity,Price,Fees,Currency', '2024-01-02,Buy,VOD,100,70.5,-,GBX', '2024-01-03,Buy,BABA,10,72.1,5,RMB'].join('\n');
    const { result } = read(text);
    expect(result.errors).toEqual([]);
    // 70.5 pence = £0.705 a share
    expect(result.transactions.map((t) => [t.price, t.currency, t.fees])).toEqual([[0.705, 'GBP', 0], [72.1, 'CNY', 5]]);
  });

  it('keeps the price in the instrument currency with the rate paid, and warns when the amount is off by more than a cent a share', () => {
    const text = [
      'Date,Type,Symbol,Quantity,Price,Currency,Exchange rate,Amount,Fees',
      // 10 × 180 USD / 1.08 USD per EUR = 1666.67 EUR: reconciles
      '2024-01-02,Buy,AAPL,10,180,USD,1.08,-1666.67,0',
      // 10 × 180 / 1.08 = 1666.67, but the file says 1700: 33.33 apart, more than 10 × 0.01
      '2024-01-03,Buy,AAPL,10,180,USD,1.08,-1700.00,0',
    ].join('\n');
    const { detection, result } = read(text);
    expect(detection.mapping.columns.fxRate).toBe(6);
    const withAccount = parseTransactions(text, { ...detection.mapping, accountCurrency: 'EUR' });
    expect(withAccount.transactions[0]).toMatchObject({ price: 180, currency: 'USD', fxRate: { accountCurrency: 'EUR', rate: 1.08 }, note: '' });
    // A catalogue message (German: "Betrag 1.700 passt nicht zu 10 × 180 / 1,08 = 1.666,6667 …"), numbers in the reader's format.
    expect(result.warnings).toEqual([
      {
        line: 3,
        field: 'amount',
        message: 'Amount 1,700 does not match 10 × 180 / 1.08 = 1,666.6667 (more than a cent a share apart).',
        key: 'errors:importLine.amountMismatchFx',
        params: { amount: 1700, quantity: 10, price: 180, rate: 1.08, expected: 1666.6667 },
      },
    ]);
    expect(withAccount.transactions[1]?.note).toMatch(/^Amount 1,700 does not match/);
  });
});

describe('mapping helpers for the mapping step', () => {
  it('type words of a newly chosen column, unknown words from errors, and a shape key that ignores case and accents', () => {
    expect(typeWordsInColumn([['x', 'Köp'], ['y', 'Sälj'], ['z', 'köp']], 1)).toEqual(['kop', 'salj']);
    expect(unknownTypeWordOf("Unknown transaction type 'Swap'. Map it to buy, sell, dividend, split, fee, a cash type, or skip it.")).toBe('Swap');
    expect(mappingShapeKey(['Datum', 'Typ', 'Währung'], ';')).toBe(mappingShapeKey(['datum', 'TYP', 'Wahrung'], ';'));
    expect(mappingShapeKey(['Datum', 'Typ'], ';')).not.toBe(mappingShapeKey(['Datum', 'Typ'], ','));
    expect(headerLanguage(['Data operazione', 'Quantità', 'Prezzo', 'Divisa'])).toBe('Italian');
  });
});
