import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ghostfolioPreset } from './ghostfolio';
import { FIXTURES_DIR } from '../../../../test-support/fixtures';

describe('Ghostfolio preset', () => {
  it('reads the sample with four date formats in one file; MANUAL codes become names', () => {
    const r = ghostfolioPreset.parse(readFileSync(`${FIXTURES_DIR}/transactions/ghostfolio_activities_sample.csv`, 'utf8'));
    expect(r.errors).toEqual([]);
    // 01-09-2021, 16-09-2021, 17/11/2021, 01.01.2022, 20500606 — all day-first or compact
    expect(r.transactions.map((t) => [t.type, t.date])).toEqual([
      ['fee', '2021-09-01'],
      ['buy', '2021-09-16'],
      ['dividend', '2021-11-17'],
      ['buy', '2022-01-01'],
      ['buy', '2050-06-06'],
    ]);
    expect(r.transactions[0]).toMatchObject({ fees: 49, quantity: 0, symbol: null, name: 'Account Opening Fee' });
    expect(r.transactions[1]).toMatchObject({ symbol: 'MSFT', quantity: 5, price: 298.58, fees: 19, note: 'My first order 🤓' });
    // dividend 5 × 0.62 = 3.10 USD
    expect(r.transactions[2]).toMatchObject({ quantity: 5, price: 0.62 });
    // a Code that is an ISIN goes to the isin field
    expect(r.transactions[4]).toMatchObject({ symbol: null, isin: 'US5949181045' });
  });

  it('an interest activity is a cash line of quantity × unit price, not skipped', () => {
    const text = 'Date,Code,DataSource,Currency,Price,Quantity,Action,Fee,Note\n01-02-2024,Cash,MANUAL,EUR,12.5,1,interest,0,\n';
    const r = ghostfolioPreset.parse(text);
    // 1 × 12.50 = 12.50 EUR of interest on 1 February (day-first)
    expect(r.cash).toEqual([expect.objectContaining({ type: 'interest', date: '2024-02-01', amount: 12.5, currency: 'EUR' })]);
    expect(r.skipped).toEqual([]);
  });
});
