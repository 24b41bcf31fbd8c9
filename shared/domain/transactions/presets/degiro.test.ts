import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';
import { degiroPreset } from './degiro';

const NAME = 'degiro_account-statement_nl.csv';
const text = readFixture('transactions', NAME);

describe('Degiro account statement preset', () => {
  it('is recognised from its header, whatever the file is called, and says the language', () => {
    expect(detectTransactionFormat(text, 'export.csv')).toEqual({ kind: 'preset', presetId: 'degiro', label: 'Degiro account statement', language: 'Dutch' });
  });

  it('turns all 74 data lines into 23 security transactions, 19 cash lines and 32 skipped lines', () => {
    const r = importTransactionFile(text, NAME);
    expect(r.errors).toEqual([]);
    // 75 physical lines − 1 header = 74 = 23 + 19 + 32
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([23, 19, 32]);
    const count = (type: string): number => r.transactions.filter((t) => t.type === type).length;
    // buys on lines 22 30 31 32 37 41 42 44 50 65 69; sells 29 39 56; dividends 10 12 14 33 48 51 61 66 74
    expect([count('buy'), count('sell'), count('dividend')]).toEqual([11, 3, 9]);
    const cash = (type: string): number => r.cash.filter((c) => c.type === type).length;
    // deposits: line 4 iDEAL Deposit, line 55 'Ingreso'; withdrawal: line 25 'flatex terugstorting'
    // exchanges start on lines 6 18 26 53 58 72; fees 21 28 36 (EUR fees of USD trades), 45 46 47 62 (exchange connection), 57; refunds 63 64
    expect([cash('deposit'), cash('withdrawal'), cash('exchange'), cash('fee'), cash('refund')]).toEqual([2, 1, 6, 8, 2]);
  });

  it('reads trades from the description in Dutch, Portuguese, French and English, with the fee of the same order', () => {
    const r = degiroPreset.parse(text);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // line 50: "Achat 6 QT GROUP OYJ@79,96 EUR", fee line 49 −4.90 EUR: 6 × 79.96 = 479.76 = the Mutatie −479.76
    expect(at(50)).toMatchObject({ type: 'buy', quantity: 6, price: 79.96, currency: 'EUR', fees: 4.9, isin: 'FI4000198031', externalId: 'cce1bd4c-9404-49b0-b69a-43a5c307d3c5' });
    // line 42: "Compra 6 ISHARES MSCI WOR A@49,785 EUR": 6 × 49.785 = 298.71 = the Mutatie −298.71
    expect(at(42)).toMatchObject({ type: 'buy', quantity: 6, price: 49.785 });
    // line 56: "Sell 4 AVIVA@496 GBX": 496 pence = £4.96; 4 × 4.96 = 19.84 = the Mutatie 19.84 GBP
    expect(at(56)).toMatchObject({ type: 'sell', quantity: 4, price: 4.96, currency: 'GBP' });
    // line 32: "Koop 500 @ 0,039 EUR": 500 × 0.039 = 19.5 = the Mutatie −19.5
    expect(at(32)).toMatchObject({ quantity: 500, price: 0.039 });
    // line 22: "Koop 1 @ 33,9 USD"; its fee (line 21) is in EUR, so it stays a cash fee of 1 EUR naming the security
    expect(at(22)).toMatchObject({ type: 'buy', quantity: 1, price: 33.9, currency: 'USD', fees: 0, fxRate: { accountCurrency: 'EUR', rate: 1.0624 } });
    expect(r.cash.find((c) => c.line === 21)).toMatchObject({ type: 'fee', amount: 1, currency: 'EUR', isin: 'US9256521090' });
    // line 65: "STOCK DIVIDEND: Koop 999 @ 0 EUR" — free shares
    expect(at(65)).toMatchObject({ type: 'buy', quantity: 999, price: 0, note: 'Stock dividend: shares received at no cost.', freeShares: true });
  });

  it('stores dividends gross with the withholding tax of the same security and value date', () => {
    const r = degiroPreset.parse(text);
    // lines 10/11: Dividend 0,44 USD and Dividendbelasting −0,07 USD → net 0.37
    expect(r.transactions.find((t) => t.line === 10)).toMatchObject({ type: 'dividend', quantity: 1, price: 0.44, taxes: 0.07, currency: 'USD', isin: 'US1912161007' });
    // lines 60/61 in French, tax line first: Dividende 3.50, Impôts sur dividende −0.53
    expect(r.transactions.find((t) => t.line === 61)).toMatchObject({ price: 3.5, taxes: 0.53 });
    expect(r.skipped.find((s) => s.line === 60)?.reason).toBe('Withholding tax of the dividend on line 61, stored with it.');
    // USD dividends gross: 0.44 + 0.44 + 0.73 + 11.82 + 1.39 + 0.51 + 3.50 + 0.23 = 19.06 over 8 lines (the 9th is JPY)
    const usd = r.transactions.filter((t) => t.type === 'dividend' && t.currency === 'USD');
    expect(usd.reduce((s, t) => s + t.price, 0)).toBeCloseTo(19.06, 10);
  });

  it('pairs currency debits and credits into exchanges, and skips sweeps, reservations and product changes with a reason', () => {
    const r = degiroPreset.parse(text);
    // lines 6/7: Valuta Debitering −1,36 USD at FX 1,0613 and Valuta Creditering 1,28 EUR: 1.36 / 1.0613 = 1.2814
    expect(r.cash.find((c) => c.line === 6)).toMatchObject({ type: 'exchange', amount: 1.36, currency: 'USD', counterAmount: 1.28, counterCurrency: 'EUR' });
    const reason = (line: number): string | undefined => r.skipped.find((s) => s.line === line)?.reason;
    expect(reason(2)).toMatch(/flatex cash account/);
    expect(reason(5)).toMatch(/Reservation of a deposit/);
    expect(reason(19)).toBe('Rest of the Order Id of line 18, which Degiro wrapped onto a line of its own.');
    expect(reason(34)).toMatch(/^Product change/);
    // the order id wrapped over lines 17 and 18 is joined back together
    // Line 18's exchange and line 21's fee belong to one order (Order Id 5925d76b…): each cash line gets its own id.
    expect(r.cash.find((c) => c.line === 18)?.externalId).toBe('5925d76b-eb36-46e3-b017-a61a6d03c3e7/exchange');
    expect(r.cash.find((c) => c.line === 21)?.externalId).toBe('5925d76b-eb36-46e3-b017-a61a6d03c3e7/fee');
    const ids = r.cash.map((c) => c.externalId).filter((id) => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the German header and a German description', () => {
    const de = [
      'Datum,Uhrzeit,Valutadatum,Produkt,ISIN,Beschreibung,FX,Änderung,,Saldo,,Order-ID',
      '02-01-2024,09:01,02-01-2024,ALIBABA GROUP HOLDING,US01609W1027,"Kauf 10 @ 72,50 USD",,USD,"-725,00",USD,"0,00",abc',
      '03-01-2024,09:00,02-01-2024,,,Einzahlung,,EUR,"1.000,00",EUR,"1.000,00",',
    ].join('\n');
    expect(degiroPreset.language?.(de)).toBe('German');
    const r = degiroPreset.parse(de);
    expect(r.errors).toEqual([]);
    expect(r.transactions).toEqual([expect.objectContaining({ type: 'buy', quantity: 10, price: 72.5, currency: 'USD', externalId: 'abc', line: 2 })]);
    expect(r.cash).toEqual([expect.objectContaining({ type: 'deposit', amount: 1000, currency: 'EUR', line: 3 })]);
  });

  it('reports a description it does not know as an error rather than dropping money', () => {
    const r = degiroPreset.parse(['Date,Time,Value date,Product,ISIN,Description,FX,Change,,Balance,,Order Id', '02-01-2024,09:01,02-01-2024,,,Something new,,EUR,-3.00,EUR,0.00,'].join('\n'));
    expect(r.errors).toMatchObject([
      { line: 2, field: 'type', message: "Degiro: 'Something new' is not a transaction type Tickerline knows; enter the line by hand or leave it out.", key: 'errors:preset.unknownType', params: { broker: 'Degiro', word: 'Something new' } },
    ]);
  });
});
