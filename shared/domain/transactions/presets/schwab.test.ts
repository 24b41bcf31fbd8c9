import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schwabPreset } from './schwab';
import { FIXTURES_DIR } from '../../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const parse = (name: string): ReturnType<typeof schwabPreset.parse> =>
  schwabPreset.parse(readFileSync(FIXTURES + name, 'utf8'));
const countTypes = (r: ReturnType<typeof parse>): Record<string, number> =>
  r.transactions.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.type]: (acc[t.type] ?? 0) + 1 }), {});

describe('Schwab preset', () => {
  it('title-row variant: 2 buys, 1 sell, 5 dividends, 1 split; options and cash lines skipped with a reason', () => {
    const r = parse('schwab_transactions_with-title-row.csv');
    expect(r.errors).toEqual([]);
    expect(countTypes(r)).toEqual({ buy: 2, sell: 1, dividend: 5, split: 1 });
    // line 3: "05/06/2025","Sell","BNDX",…,"8","$247.37","$0.06","$1978.90"  (8 × 247.37 − 0.06 = 1978.90)
    expect(r.transactions[0]).toEqual({
      type: 'sell', date: '2025-05-06', quantity: 8, price: 247.37, currency: 'USD', fees: 0.06,
      splitRatio: undefined, note: '', externalId: null, symbol: 'BNDX', isin: null,
      name: 'VANGUARD TOTAL INTERNATIONAL BND ETF', line: 3, taxes: 0, account: null,
    });
    const split = r.transactions.find((t) => t.type === 'split');
    expect([split?.symbol, split?.date, split?.quantity, split?.splitRatio]).toEqual(['NVDA', '2025-02-14', 40, undefined]);
    expect(r.skipped.find((s) => s.line === 4)?.reason).toMatch(/^Option trade/);
    expect(r.skipped.find((s) => s.line === 23)?.reason).toBe('Total or end line of the statement, not a transaction.');
    // lines 3..22 are 20 data lines − 9 transactions = 11 skipped, + the total line on 23
    expect(r.skipped).toHaveLength(12);
  });

  it('no-title variant: reads "as of" dates as the posting date and the qualified dividend', () => {
    const r = parse('schwab_transactions_no-title-row.csv');
    expect(r.errors).toEqual([]);
    expect(countTypes(r)).toEqual({ buy: 2, sell: 1, dividend: 2 });
    // line 4: Sell BND 10.065 @ $73.4049, fees $0.01 → 10.065 × 73.4049 − 0.01 = 738.81 (the Amount)
    const sell = r.transactions.find((t) => t.type === 'sell');
    expect(sell).toMatchObject({ line: 4, date: '2023-04-18', quantity: 10.065, price: 73.4049, fees: 0.01 });
    expect(Math.round(((sell?.quantity ?? 0) * (sell?.price ?? 0) - (sell?.fees ?? 0)) * 100) / 100).toBe(738.81);
    expect(r.transactions.find((t) => t.line === 8)).toMatchObject({ type: 'dividend', symbol: 'VTI', quantity: 1, price: 8.52 });
    expect(r.skipped.find((s) => s.line === 5)?.reason).toContain('Bank Interest');
  });

  it('plain variant (120 lines, mixed quoting): 41 buys, 2 sells, 42 dividends, 1 split, 1 fee', () => {
    const r = parse('schwab_transactions_plain.csv');
    expect(r.errors).toEqual([]);
    // Action counts in the file: Buy 1 + Reinvest Shares 40 = 41 buys; Sell 2;
    // dividends: Reinvest Dividend 29, Cash Dividend 6, Qual Div Reinvest 2, Non-Qualified Div 1 (the other has no symbol),
    // Special Non Qual Div 1, Pr Yr Cash Div 1, Pr Yr Div Reinvest 1, Long Term Cap Gain Reinvest 1 = 42
    expect(countTypes(r)).toEqual({ buy: 41, sell: 2, dividend: 42, split: 1, fee: 1 });
    expect(r.skipped).toHaveLength(120 - 87);
    // line 100: "Sell","SNAXX",…,"500,135","$1.00" → thousands comma in a share count
    expect(r.transactions.find((t) => t.line === 100)).toMatchObject({ type: 'sell', quantity: 500135, price: 1 });
    // line 2: 11/01/2023,Reinvest Shares,SPY,…,1.6531,$420.10,,-$694.48
    expect(r.transactions[0]).toMatchObject({ line: 2, type: 'buy', date: '2023-11-01', quantity: 1.6531, price: 420.1, fees: 0 });
    expect(r.transactions.find((t) => t.line === 105)).toMatchObject({ type: 'fee', symbol: 'IBN', fees: 0.5, quantity: 0 });
    expect(r.skipped.find((s) => s.line === 31)?.reason).toContain('without a symbol');
  });

  it('reports a buy with a negative quantity instead of importing it', () => {
    const text = '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n"01/02/2024","Buy","ABC","ABC INC","-5","$10.00","","$50.00"\n';
    expect(schwabPreset.parse(text).errors).toEqual([
      {
        line: 2,
        field: 'quantity',
        message: "Quantity: a buy needs a positive number of shares, got '-5'.",
        key: 'errors:preset.needsSharesGot',
        params: { column: 'Quantity', word: { key: 'errors:typeName.buy' }, value: '-5' },
      },
    ]);
  });
});
