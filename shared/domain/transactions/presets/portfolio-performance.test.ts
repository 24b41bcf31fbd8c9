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

  it('securities account (German): buys net of fees, a USD buy at the booked rate, a delivery in, a sell with tax, a transfer without its other account refused', () => {
    const r = importTransactionFile(depot, 'Depot.csv');
    // line 6: Umbuchung (Ausgang) in PP's File ▸ Export ▸ CSV, which has no Gegenkonto column
    expect(r.errors).toMatchObject([
      {
        line: 6,
        field: 'row',
        message:
          "'Umbuchung (Ausgang)' on line 6 moves shares between two of your securities accounts, but the file has no Gegenkonto column, so Tickerline cannot tell which other account. Export the transactions with the Gegenkonto column (PP's CSV format for import), or take this line out of the file and enter the transfer by hand.",
      },
    ]);
    const at = (line: number) => r.transactions.find((t) => t.line === line);
    // line 2: Wert 1.005,90 = gross + 5,90 fees → 1000 / 10 = 100 a share
    expect(at(2)).toMatchObject({ type: 'buy', date: '2023-01-16', quantity: 10, price: 100, fees: 5.9, currency: 'EUR', isin: 'DE0007164600', symbol: 'SAP.DE', note: 'Sparplan' });
    // line 3: 1.000 USD × 0,9234 = 923,40 EUR + 3,90 fees = 927,30 booked. 1000 / 5 = 200 USD a share;
    // fees 3.90 / 0.9234 = 4.223522 USD; rate 1 / 0.9234 = 1.0829542993 USD per EUR
    expect(at(3)).toMatchObject({ type: 'buy', quantity: 5, price: 200, currency: 'USD', fees: 4.223522, fxRate: { accountCurrency: 'EUR', rate: 1.0829542993 } });
    // line 4: Einlieferung of 1 share booked at 0 — shares arriving from outside, no money paid: a transfer in at cost 0
    expect(at(4)).toMatchObject({ type: 'transfer-in', quantity: 1, price: 0, fees: 0, note: 'Bonusaktie' });
    expect(at(4)?.counterAccount).toBeNull();
    // line 5: Wert −1.190,10 = gross − 5,90 fees − 24,00 tax → gross 1220 / 4 = 305; the tax withheld is a cash line
    expect(at(5)).toMatchObject({ type: 'sell', date: '2023-09-20', quantity: 4, price: 305, fees: 5.9 });
    expect(r.cash).toEqual([expect.objectContaining({ line: 5, type: 'tax', amount: 24, currency: 'EUR', isin: 'DE0007164600' })]);
    expect(r.skipped).toEqual([]);
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
    // 2,509.95 − 9.95 = 2500 / 25 = 100; delivered in: 1,200.00 / 10 = 120 a share carried; 1110.05 + 4.95 + 5.00 = 1120 / 5 = 224
    expect(r.transactions.map((t) => [t.line, t.type, t.quantity, t.price, t.fees, t.symbol])).toEqual([
      [2, 'buy', 25, 100, 9.95, 'VTI'],
      [3, 'transfer-in', 10, 120, 0, 'IVV'],
      [4, 'sell', 5, 224, 4.95, 'VTI'],
    ]);
    expect(r.cash).toEqual([expect.objectContaining({ line: 4, type: 'tax', amount: 5, currency: 'USD' })]);
  });

  describe('transfers', () => {
    // PP's CSV format for import (and newer exports): the row's own account and the offset account as columns.
    const depotWithAccounts = [
      'Datum;Typ;Wert;Buchungswährung;Gebühren;Steuern;Stück;ISIN;Ticker-Symbol;Wertpapiername;Notiz;Depot;Gegenkonto',
      '2024-01-10T00:00;Kauf;1.010,00;EUR;10,00;0,00;10;DE0007164600;SAP.DE;SAP SE;;Depot A;',
      '2024-02-01T00:00;Einlieferung;1.500,00;EUR;0,00;0,00;5;US0378331005;AAPL;Apple Inc.;Vom alten Broker;Depot A;',
      '2024-03-01T00:00;Umbuchung (Ausgang);-480,00;EUR;0,00;0,00;4;DE0007164600;SAP.DE;SAP SE;;Depot A;Depot B',
      '2024-03-01T00:00;Umbuchung (Eingang);480,00;EUR;0,00;0,00;4;DE0007164600;SAP.DE;SAP SE;;Depot B;Depot A',
      '2024-04-02T00:00;Auslieferung;-320,00;EUR;0,00;0,00;2;US0378331005;AAPL;Apple Inc.;;Depot A;',
    ].join('\n');

    it('German securities account: deliveries are shares in and out from outside, Umbuchung a transfer to the Gegenkonto', () => {
      const r = importTransactionFile(depotWithAccounts, 'Depot A.csv');
      expect(r.errors).toEqual([]);
      expect(r.cash).toEqual([]);
      // line 2: (1,010 − 10 fees) / 10 = 100 a share; line 3: 1,500 / 5 = 300 a share carried in;
      // lines 4–5: 480 / 4 = 120 a share moved from Depot A to Depot B; line 6: 320 / 2 = 160 a share delivered out
      expect(r.transactions.map((t) => [t.line, t.type, t.quantity, t.price, t.fees, t.symbol, t.account, t.counterAccount ?? null])).toEqual([
        [2, 'buy', 10, 100, 10, 'SAP.DE', 'Depot A', null],
        [3, 'transfer-in', 5, 300, 0, 'AAPL', 'Depot A', null],
        [4, 'transfer-out', 4, 120, 0, 'SAP.DE', 'Depot A', 'Depot B'],
        [5, 'transfer-in', 4, 120, 0, 'SAP.DE', 'Depot B', 'Depot A'],
        [6, 'transfer-out', 2, 160, 0, 'AAPL', 'Depot A', null],
      ]);
      expect(r.transactions[1]?.note).toBe('Vom alten Broker');
      expect(r.transactions[4]?.note).toBe('Auslieferung: shares delivered out at their value.');
    });

    it('English cash account: Transfer (Outbound/Inbound) between cash accounts named in Cash Account and Offset Account', () => {
      const text = [
        'Date,Type,Value,Transaction Currency,Shares,ISIN,WKN,Ticker Symbol,Security Name,Note,Cash Account,Offset Account',
        '2024-01-02T00:00,Deposit,"5,000.00",USD,,,,,,,Broker USD,',
        '2024-02-01T00:00,Transfer (Outbound),"-1,200.50",USD,,,,,,Rent reserve,Broker USD,Savings USD',
        '2024-02-01T00:00,Transfer (Inbound),"1,200.50",USD,,,,,,,Savings USD,Broker USD',
      ].join('\n');
      expect(detectTransactionFormat(text, 'cash.csv')).toMatchObject({ kind: 'preset', presetId: 'portfolio-performance', language: 'English' });
      const r = importTransactionFile(text, 'cash.csv');
      expect(r.errors).toEqual([]);
      expect(r.transactions).toEqual([]);
      // The value's sign is the direction; the amount is positive: |−1,200.50| = 1,200.50
      expect(r.cash.map((c) => [c.line, c.type, c.amount, c.currency, c.account, c.counterAccount, c.note])).toEqual([
        [2, 'deposit', 5000, 'USD', 'Broker USD', null, 'Deposit'],
        [3, 'transfer-out', 1200.5, 'USD', 'Broker USD', 'Savings USD', 'Rent reserve'],
        [4, 'transfer-in', 1200.5, 'USD', 'Savings USD', 'Broker USD', 'Transfer (Inbound)'],
      ]);
    });

    it('a transfer without its other account is refused by line with what to do: no Gegenkonto column, or an empty cell', () => {
      const noColumn = ['Datum;Typ;Wert;Buchungswährung;Steuern;Stück;ISIN;WKN;Ticker-Symbol;Wertpapiername;Notiz', '2024-01-02T00:00;Umbuchung (Ausgang);-200,00;EUR;;;;;;;'].join('\n');
      expect(importTransactionFile(noColumn, 'Konto.csv').errors).toMatchObject([
        {
          line: 2,
          field: 'row',
          message:
            "'Umbuchung (Ausgang)' on line 2 moves money between two of your cash accounts, but the file has no Gegenkonto column, so Tickerline cannot tell which other account. Export the transactions with the Gegenkonto column (PP's CSV format for import), or take this line out of the file and enter the transfer by hand.",
        },
      ]);
      const emptyCell = ['Date,Type,Value,Transaction Currency,Shares,ISIN,WKN,Ticker Symbol,Security Name,Note,Offset Account', '2024-01-02T00:00,Transfer (Inbound),200.00,EUR,,,,,,,'].join('\n');
      const r = importTransactionFile(emptyCell, 'cash.csv');
      expect(r.cash).toEqual([]);
      expect(r.errors.map((e) => [e.line, e.message])).toEqual([
        [2, expect.stringContaining("'Transfer (Inbound)' on line 2 moves money between two of your cash accounts, but its Offset Account cell is empty")],
      ]);
    });
  });
});
