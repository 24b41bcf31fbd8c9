import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';
import { simpleRatio, trading212Preset } from './trading212';

const text = readFixture('transactions', 'trading212_history.csv');

describe('Trading 212 history preset', () => {
  it('is recognised from its header', () => {
    expect(detectTransactionFormat(text, 'from_2023.csv')).toMatchObject({ kind: 'preset', presetId: 'trading212', language: 'English' });
  });

  it('13 data lines: 4 trades, 3 dividends, a stock distribution, a split, 3 cash lines, 2 skipped', () => {
    const r = importTransactionFile(text, 'trading212_history.csv');
    expect(r.errors).toEqual([]);
    // 14 physical lines − header = 13 = 9 transactions + 2 cash-only lines (2 deposit, 10 interest) + 2 skipped; line 9 gives a transaction and a cash tax line
    expect([r.transactions.length, r.cash.length, r.skipped.length]).toEqual([9, 3, 2]);
    expect(r.transactions.map((t) => t.type)).toEqual(['buy', 'buy', 'buy', 'sell', 'dividend', 'dividend', 'dividend', 'buy', 'split']);
  });

  it('keeps the price in the instrument currency with the rate paid, which reconciles with the Total', () => {
    const r = trading212Preset.parse(text);
    const cisco = r.transactions[0];
    expect(cisco).toMatchObject({ line: 3, symbol: 'CSCO', isin: 'US17275R1023', quantity: 0.029053, price: 49.96, currency: 'USD', externalId: 'EOF7504196256', fxRate: { accountCurrency: 'EUR', rate: 1.09303 } });
    // 0.029053 × 49.96 = 1.45148788 USD; / 1.09303 USD per EUR = 1.3279 EUR ≈ Total 1.33 EUR
    const c = cisco as NonNullable<typeof cisco>;
    expect((c.quantity * c.price) / (c.fxRate?.rate ?? 1)).toBeCloseTo(1.33, 2);
    // sell of Astra: 0.61254 × 1.26 = 0.7718 USD / 1.10231 = 0.7002 EUR ≈ Total 0.70
    expect(r.transactions[3]).toMatchObject({ type: 'sell', quantity: 0.61254, price: 1.26 });
  });

  it('dividends gross per share with withholding tax; pence become pounds; tax in another currency is a cash line', () => {
    const r = trading212Preset.parse(text);
    // Main Street: 0.154334 shares × 0.23 USD = 0.0355 USD gross, 0.01 USD withheld
    expect(r.transactions.find((t) => t.line === 7)).toMatchObject({ type: 'dividend', quantity: 0.154334, price: 0.23, currency: 'USD', taxes: 0.01 });
    // iShares Clean Energy: 630.11 GBX = 6.3011 GBP per share; its 15.02 USD tax cannot be netted in GBP
    expect(r.transactions.find((t) => t.line === 9)).toMatchObject({ price: 6.3011, currency: 'GBP', taxes: 0 });
    expect(r.cash.find((c) => c.line === 9)).toMatchObject({ type: 'tax', amount: 15.02, currency: 'USD', isin: 'IE00B1XNHC34' });
    expect(r.cash.find((c) => c.line === 2)).toMatchObject({ type: 'deposit', amount: 31, currency: 'EUR', externalId: '30c841b3-068d-44f0-9809-e75638e211cd' });
  });

  it('reads rows of the newer column layout: a split close/open pair becomes a 4-to-1 split', () => {
    const r = trading212Preset.parse(text);
    // 29.80478 shares closed, 7.451195 opened: 29.80478 / 7.451195 = 4.0000
    expect(r.transactions.find((t) => t.type === 'split')).toMatchObject({ line: 13, isin: 'CA46500E8678', splitRatio: { from: 4, to: 1 } });
    expect(r.transactions.find((t) => t.line === 11)).toMatchObject({ type: 'buy', quantity: 11.0563304, price: 0 });
    expect(r.skipped.find((s) => s.line === 12)?.reason).toMatch(/^Transfer out of 595/);
    expect(simpleRatio(10, 30)).toEqual({ from: 1, to: 3 });
  });

  it('reports an action it does not know', () => {
    const r = trading212Preset.parse('Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Total,Currency (Total)\nMystery,2024-01-02 10:00:00,,,,,,1.00,EUR\n');
    expect(r.errors).toMatchObject([{ line: 2, field: 'type', message: "Trading 212: 'Mystery' is not a transaction type Tickerline knows; enter the line by hand or leave it out." }]);
  });
});
