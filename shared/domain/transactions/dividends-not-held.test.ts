import { describe, expect, it } from 'vitest';
import type { Transaction } from '../portfolio/transaction';
import { dividendsWithoutHolding } from './dividends-not-held';

const tx = (id: number, securityId: number, type: Transaction['type'], date: string, quantity: number): Transaction => ({
  id, securityId, type, date, quantity, price: 1, currency: 'USD', fees: 0, note: '', externalId: null,
});

describe('dividendsWithoutHolding', () => {
  it('flags a dividend of a security with no shares that day, not one with shares bought the same day or earlier', () => {
    const ledger = [
      tx(1, 1, 'buy', '2024-01-02', 10), // stored: 10 AAA
      tx(100, 1, 'dividend', '2024-03-01', 1), // line 2: AAA held (10) → fine
      tx(101, 2, 'dividend', '2024-03-01', 1), // line 3: BBB never bought → flagged
      tx(102, 3, 'buy', '2024-04-01', 5), // line 4
      tx(103, 3, 'dividend', '2024-04-01', 1), // line 5: CCC bought the same day → fine
      tx(104, 1, 'sell', '2024-05-01', 10), // line 6: AAA sold out (10 − 10 = 0)
      tx(105, 1, 'dividend', '2024-06-01', 1), // line 7: AAA no longer held → flagged
    ];
    const lineOf = new Map([[100, 2], [101, 3], [102, 4], [103, 5], [104, 6], [105, 7]]);
    const names = new Map([[1, 'AAA'], [2, 'BBB'], [3, 'CCC']]);
    expect(dividendsWithoutHolding(ledger, lineOf, (id) => names.get(id) ?? '?')).toMatchObject([
      { line: 3, field: 'quantity', message: 'Dividend on 2024-03-01 for BBB, but no shares of it are held that day. Import the statement with its purchase first, or check the security.' },
      { line: 7, field: 'quantity', message: 'Dividend on 2024-06-01 for AAA, but no shares of it are held that day. Import the statement with its purchase first, or check the security.' },
    ]);
  });

  it('counts shares delivered in from another broker as held, and shares delivered out as gone', () => {
    const ledger = [
      tx(1, 4, 'transfer-in', '2024-01-02', 10), // line 2: 10 DDD arrive from outside
      tx(2, 4, 'dividend', '2024-02-01', 1), // line 3: held 10 → fine
      tx(3, 4, 'transfer-out', '2024-03-01', 10), // line 4: 10 − 10 = 0 leave
      tx(4, 4, 'dividend', '2024-04-01', 1), // line 5: none held → flagged
    ];
    const lineOf = new Map([[1, 2], [2, 3], [3, 4], [4, 5]]);
    expect(dividendsWithoutHolding(ledger, lineOf, () => 'DDD').map((w) => w.line)).toEqual([5]);
  });
});
