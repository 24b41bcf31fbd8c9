import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';

const depot = readFixture('transactions', 'portfolio-performance_depot_de.csv');
const konto = readFixture('transactions', 'portfolio-performance_konto_de.csv');
const english = readFixture('transactions', 'portfolio-performance_portfolio_en.csv');

describe('Portfolio Performance CSV export preset', () => {
  it('is recognised from German and English headers, whatever the file is called', () => {
    expect(detectTransactionFormat(depot, 'Depot.csv')).toMatchObject({ kind: 'preset', presetId: 'portfolio-performance', language: 'German' });
    expect(detectTransactionFormat(konto, 'x.txt')).toMatchObject({ kind: 'preset', presetId: 'portfolio-performance', language: 'German' });
    expect(detectTransactionFormat(english, 'Broker.csv')).toMatchObject({ kind: 'preset', presetId: 'portfolio-performance', language: 'English' });
  });

  it('securities account (German): buys net of fees, a USD buy at the booked rate, free shares, a sell with tax, a transfer skipped', () => {
    const r = importTransactionFile(depot, 'Depot.csv');
    expect(r.errors).toEqual([]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // line 2: Wert 1.005,90 = gross + 5,90 fees → 1000 / 10 = 100 a share
    expect(at(2)).toMatchObject({ type: 'buy', date: '2023-01-16', quantity: 10, price: 100, fees: 5.9, currency: 'EUR', isin: 'DE0007164600', symbol: 'SAP.DE', note: 'Sparplan' });
    // line 3: 1.000 USD × 0,9234 = 923,40 EUR + 3,90 fees = 927,30 booked. 1000 / 5 = 200 USD a share;
    // fees 3.90 / 0.9234 = 4.223522 USD; rate 1 / 0.9234 = 1.0829542993 USD per EUR
    expect(at(3)).toMatchObject({ type: 'buy', quantity: 5, price: 200, currency: 'USD', fees: 4.223522, fxRate: { accountCurrency: 'EUR', rate: 1.0829542993 } });
    // line 4: Einlieferung at 0 — a bonus share, free
    expect(at(4)).toMatchObject({ type: 'buy', quantity: 1, price: 0, freeShares: true, note: 'Bonusaktie' });
    // line 5: Wert −1.190,10 = gross − 5,90 fees − 24,00 tax → gross 1220 / 4 = 305; the tax withheld is a cash line
    expect(at(5)).toMatchObject({ type: 'sell', date: '2023-09-20', quantity: 4, price: 305, fees: 5.9 });
    expect(r.cash).toEqual([expect.objectContaining({ line: 5, type: 'tax', amount: 24, currency: 'EUR', isin: 'DE0007164600' })]);
    expect(r.skipped.map((s) => s.line)).toEqual([6]);
  });

  it('cash account (German): deposit, dividend gross with its tax, interest, fee, withdrawal, refund; the cash side of a buy skipped', () => {
    const r = importTransactionFile(konto, 'Konto.csv');
    expect(r.errors).toEqual([]);
    expect(r.cash.map((c) => [c.line, c.type, c.amount])).toEqual([
      [2, 'deposit', 2500],
      [5, 'interest', 3.12],
      [6, 'fee', 4.95],
      [7, 'withdrawal', 300],
      [8, 'refund', 1.5],
    ]);
    // line 4: 14,73 credited + 5,27 tax = 20,00 gross
    expect(r.transactions).toEqual([expect.objectContaining({ line: 4, type: 'dividend', quantity: 1, price: 20, taxes: 5.27, isin: 'DE0007164600' })]);
    expect(r.skipped).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('money side of a trade') })]);
  });

  it('securities account (English): Buy, Delivery (Inbound), Sell with decimal points and quoted thousands', () => {
    const r = importTransactionFile(english, 'Broker.csv');
    expect(r.errors).toEqual([]);
    // 2,509.95 − 9.95 = 2500 / 25 = 100; 1,200.00 / 10 = 120; 1110.05 + 4.95 + 5.00 = 1120 / 5 = 224
    expect(r.transactions.map((t) => [t.line, t.type, t.quantity, t.price, t.fees, t.symbol])).toEqual([
      [2, 'buy', 25, 100, 9.95, 'VTI'],
      [3, 'buy', 10, 120, 0, 'IVV'],
      [4, 'sell', 5, 224, 4.95, 'VTI'],
    ]);
    expect(r.cash).toEqual([expect.objectContaining({ line: 4, type: 'tax', amount: 5, currency: 'USD' })]);
  });
});
