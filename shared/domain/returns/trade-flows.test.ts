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
    expect(result).toEqual({
      kind: 'ok',
      flows: [
        { date: '2025-03-03', kind: 'buy', amount: 17_868.75 },
        { date: '2025-05-02', kind: 'sell', amount: 9_371.25 },
        { date: '2025-06-13', kind: 'payout', amount: 37.5 },
        { date: '2025-07-01', kind: 'charge', amount: 2 },
      ],
    });
  });

  it('is unavailable, naming the pair and day, without a rate', () => {
    expect(tradeFlows([tx({ type: 'buy', date: '2025-03-01', quantity: 1, price: 1, fees: 0 })], fx, 'EUR')).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_FX', params: { from: 'HKD', to: 'EUR', date: '2025-03-01' } },
    });
  });
});
