import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { shown } from '../../../../test-support/shown';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';
import { ibkrFlexXmlPreset } from './ibkr-xml';

const read = (name: string): string => readFixture('transactions', name);

describe('Interactive Brokers Flex XML preset', () => {
  it('is recognised from the FlexQueryResponse root, not the file name', () => {
    expect(detectTransactionFormat(read('ibkr-flex_02_eu-exchanges-options.xml'), 'statement.txt')).toMatchObject({ kind: 'preset', presetId: 'ibkr-flex-xml' });
  });

  it('file 01: 13 stock buys, a 1-for-25 split, a cash merger as a sale, 7 cash lines; options and FX translation skipped', () => {
    const r = importTransactionFile(read('ibkr-flex_01_trades-fx-corpactions.xml'), 'flex.xml');
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([15, 7, 19]);
    const buys = r.transactions.filter((t) => t.type === 'buy');
    expect(buys).toHaveLength(13);
    // GCM: 5000 + 6000 + 1000 = 12000 shares at 0.27 CAD, commissions 6.75 + 8.10 + 1.35 = 16.20
    const gcm = buys.filter((t) => t.isin === 'CA38501D2041');
    expect(gcm.reduce((s, t) => s + t.quantity, 0)).toBe(12000);
    expect(gcm.reduce((s, t) => s + t.fees, 0)).toBeCloseTo(16.2, 10);
    expect(gcm[0]).toMatchObject({ date: '2013-04-01', price: 0.27, currency: 'CAD', externalId: '3452745495', account: 'U123456' });
    // 'GCM(CA38501D2041) SPLIT 1 FOR 25': 25 old shares become 1; 12000 / 25 = 480, the new ISIN's line says +480
    expect(r.transactions.find((t) => t.type === 'split')).toMatchObject({ line: 41, date: '2013-06-17', isin: 'CA38501D2041', symbol: 'GCM', splitRatio: { from: 25, to: 1 } });
    // UUU tendered 1 for 1 to CA91701P1TN3, then 'MERGED … FOR CAD 2.86 PER SHARE': 12000 × 2.86 = 34320 = the proceeds
    expect(r.transactions.find((t) => t.type === 'sell')).toMatchObject({ line: 42, quantity: 12000, price: 2.86, currency: 'CAD', isin: 'CA91701P1053', symbol: 'UUU' });
    // UUU bought: 100+200+100+100+100+100+100+100 + 1100 + 10000 = 12000, so the merger sells exactly what was held
    expect(buys.filter((t) => t.isin === 'CA91701P1053').reduce((s, t) => s + t.quantity, 0)).toBe(12000);
    const cash = r.cash.map((c) => [c.line, c.type, c.amount, c.currency]);
    expect(cash).toEqual([
      [45, 'fee', 10, 'CHF'],
      [46, 'fee', 9.49, 'CHF'],
      [47, 'interest', 1.23, 'CAD'],
      [48, 'fee', 15.17, 'CAD'], // Broker Interest Paid −15.17: interest charged is a fee
      [49, 'tax', 2.07, 'USD'], // withholding tax whose dividend is not in the file
      [50, 'fee', 9.18, 'USD'],
      [51, 'refund', 9.18, 'USD'],
    ]);
    expect(r.skipped.find((s) => s.line === 18)?.reason).toMatch(/Asset class OPT/);
  });

  it('file 02: dividend stored gross with its withholding tax, euro stocks with commissions', () => {
    const r = ibkrFlexXmlPreset.parse(read('ibkr-flex_02_eu-exchanges-options.xml'));
    expect(r.errors).toEqual([]);
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([6, 2, 6]);
    // 'ORCL … CASH DIVIDEND 0.19 USD PER SHARE' 19.00 (100 shares × 0.19) with −2.85 US tax (15 %): net 16.15
    expect(r.transactions.find((t) => t.type === 'dividend')).toMatchObject({ line: 18, date: '2017-10-25', price: 19, taxes: 2.85, currency: 'USD', isin: 'US68389X1054', symbol: 'ORCL' });
    // BMW: 141 × 81.97 = 11557.77 = −proceeds, commission 16.180878 EUR
    expect(r.transactions.find((t) => t.isin === 'DE0005190003')).toMatchObject({ quantity: 141, price: 81.97, fees: 16.180878, currency: 'EUR' });
  });

  it('file 17: market data fees and the VAT charged on them; the balance sections skipped once each', () => {
    const r = ibkrFlexXmlPreset.parse(read('ibkr-flex_17_us-stocks-options.xml'));
    expect(r.errors).toEqual([]);
    expect(r.transactions).toEqual([]);
    // 3 fees of 1.50 USD, each with 20 % Austrian VAT: 1.50 × 0.2 = 0.30
    expect(r.cash.map((c) => [c.type, c.amount])).toEqual([['fee', 1.5], ['fee', 1.5], ['fee', 1.5], ['tax', 0.3], ['tax', 0.3], ['tax', 0.3]]);
    expect(r.cash[0]?.externalId).toBe('457125101');
    expect(r.skipped).toHaveLength(13);
  });

  it('reports damaged XML with its line', () => {
    const r = ibkrFlexXmlPreset.parse('<FlexQueryResponse>\n<FlexStatements>\n<Trade a="1" />\n</FlexQueryResponse>');
    expect(r.errors).toHaveLength(1);
    // Line 4 closes FlexQueryResponse while FlexStatements (line 2) is still open: a tag damage, from column 1.
    expect(r.errors[0]?.message).toBe('The XML is damaged: a tag is malformed or not closed (column 1)');
    expect(r.errors[0]?.line).toBe(4);
    expect(r.errors[0] && shown('de', r.errors[0])).toBe('Die XML-Datei ist beschädigt: ein Tag ist fehlerhaft oder nicht geschlossen (Spalte 1)');
  });
});
