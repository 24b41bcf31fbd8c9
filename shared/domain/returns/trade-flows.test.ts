import { describe, expect, it } from 'vitest';
import { createFxProvider } from '../portfolio/fx';
import type { Transaction } from '../portfolio/transaction';
import { tradeFlows } from './trade-flows';

const tx = (fields: Pick<Transaction, 'type' | 'date' | 'quantity' | 'price' | 'fees'> & Partial<Transaction>): Transaction => ({
  id: 1,
  securityId: 9988,
  currency: 'HKD',
  note: '',
  externalId: null,
  ...fields,
});

describe('tradeFlows', () => {
  // 1 EUR = 8.00 HKD from 2025-03-03, so HK$1 = €0.125.
  const fx = createFxProvider([{ from: 'EUR', to: 'HKD', points: [{ date: '2025-03-03', close: 8 }] }]);

  it('turns buys, sells, dividends and fee lines into base-currency flows', () => {
    const result = tradeFlows(
      [
        tx({ type: 'buy', date: '2025-03-03', quantity: 1000, price: 142.9, fees: 50 }), // (142,900 + 50)/8 = 17,868.75 in
        tx({ type: 'split', date: '2025-04-01', quantity: 0, price: 0, fees: 0, splitRatio: { from: 1, to: 2 } }),
        tx({ type: 'sell', date: '2025-05-02', quantity: 500, price: 150, fees: 30 }), // (75,000 − 30)/8 = 9,371.25 out
        tx({ type: 'dividend', date: '2025-06-13', quantity: 1500, price: 300, fees: 0 }), // 300/8 = 37.50 out
        tx({ type: 'fee', date: '2025-07-01', quantity: 0, price: 16, fees: 0 }), // 16/8 = 2.00 charged
      ],
      fx,
      'EUR',
    );
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.flows.map((f) => [f.date, f.kind])).toEqual([
      ['2025-03-03', 'buy'],
      ['2025-05-02', 'sell'],
      ['2025-06-13', 'payout'],
      ['2025-07-01', 'charge'],
    ]);
    expect(result.flows.map((f) => f.amount)).toEqual([
      expect.closeTo(17_868.75, 9),
      expect.closeTo(9_371.25, 9),
      expect.closeTo(37.5, 9),
      expect.closeTo(2, 9),
    ]);
  });

  it('is unavailable, naming the pair and day, without a rate', () => {
    expect(tradeFlows([tx({ type: 'buy', date: '2025-03-01', quantity: 1, price: 1, fees: 0 })], fx, 'EUR')).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_FX', params: { from: 'HKD', to: 'EUR', date: '2025-03-01' } },
    });
  });
});
