import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ibkrFlexTradesPreset } from './ibkr';
import { FIXTURES_DIR } from '../../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}/transactions/`;
const parse = (name: string): ReturnType<typeof ibkrFlexTradesPreset.parse> =>
  ibkrFlexTradesPreset.parse(readFileSync(FIXTURES + name, 'utf8'));

describe('IBKR Flex trades preset', () => {
  it('minimal export: 8 stock buys, 3 FX conversions skipped, commissions as positive fees', () => {
    const r = parse('ibkr-flex-trades_minimal.csv');
    expect(r.errors).toEqual([]);
    expect(r.transactions).toHaveLength(8);
    expect(r.transactions.every((t) => t.type === 'buy')).toBe(true);
    // line 2: "BUY","20230522","CH0111762537","7","282.7","1978.9","CHF","-5","CHF"  (7 × 282.7 = 1978.9)
    expect(r.transactions[0]).toEqual({
      type: 'buy', date: '2023-05-22', quantity: 7, price: 282.7, currency: 'CHF', fees: 5,
      splitRatio: undefined, note: '', externalId: null, symbol: null, isin: 'CH0111762537', name: null, line: 2, taxes: 0, account: null,
    });
    // US9220427424 buys: 95 + 105 + 11 + 1 + 2 + 97 + 12 = 323 shares
    const vwo = r.transactions.filter((t) => t.isin === 'US9220427424');
    expect(vwo.reduce((s, t) => s + t.quantity, 0)).toBe(323);
    expect(r.transactions.find((t) => t.line === 6)?.fees).toBe(0.979);
    expect(r.skipped.map((s) => s.line)).toEqual([10, 11, 12]);
  });

  it('full export: symbol, ISIN, description and the TransactionID as externalId', () => {
    const r = parse('ibkr-flex-trades_vti.csv');
    expect(r.errors).toEqual([]);
    expect(r.transactions).toEqual([
      {
        type: 'buy', date: '2023-04-03', quantity: 17, price: 204.3473, currency: 'USD', fees: 1,
        splitRatio: undefined, note: '', externalId: '1234567890', symbol: 'VTI', isin: 'US9229087690',
        name: 'VANGUARD TOTAL STOCK MKT ETF', line: 2, taxes: 0, account: null,
      },
    ]);
  });

  it('turns a negative sell quantity positive, rejects a sign that contradicts Buy/Sell, skips options', () => {
    const text = [
      '"Buy/Sell","TradeDate","Symbol","AssetClass","Quantity","TradePrice","CurrencyPrimary","IBCommission","TransactionID"',
      '"SELL","20240105","BABA","STK","-10","72.5","USD","-1","T1"',
      '"BUY","20240105","BABA","STK","-10","72.5","USD","-1","T2"',
      '"BUY","20240105","BABA  240119C00080000","OPT","1","1.2","USD","-0.65","T3"',
      '"BUY","2024-01-0X","BABA","STK","10","72.5","USD","-1","T4"',
    ].join('\n');
    const r = ibkrFlexTradesPreset.parse(text);
    expect(r.transactions).toEqual([expect.objectContaining({ type: 'sell', quantity: 10, price: 72.5, fees: 1, externalId: 'T1', line: 2 })]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[3, 'quantity'], [5, 'date']]);
    expect(r.skipped).toEqual([{ line: 4, reason: expect.stringContaining('OPT'), key: 'errors:preset.assetClass', params: { assetClass: 'OPT', name: 'BABA  240119C00080000' } }]);
  });
});
