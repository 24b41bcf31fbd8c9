import { describe, expect, it } from 'vitest';
import { createFxProvider } from '../portfolio/fx';
import type { Security } from '../securities/security';
import { timeWeightedReturn } from '../returns/time-weighted';
import type { LedgerTransaction } from './cash';
import { scopeFlows, scopeValuations, type Ledger } from './scope';

const security: Security = { id: 1, symbol: 'AAA', name: 'AAA', exchange: 'XETRA', currency: 'EUR', kind: 'stock', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] };
const closes = [
  { date: '2025-01-02', close: 100 },
  { date: '2025-01-03', close: 110 },
  { date: '2025-01-06', close: 110 },
  { date: '2025-01-07', close: 99 },
  { date: '2025-01-08', close: 108.9 },
];
let id = 1;
const line = (t: Pick<LedgerTransaction, 'type' | 'date' | 'quantity' | 'accountId'> & Partial<LedgerTransaction>): LedgerTransaction => ({
  id: id++,
  securityId: 1,
  price: 0,
  currency: 'EUR',
  fees: 0,
  taxes: 0,
  note: '',
  externalId: null,
  ...t,
});

/**
 * Two accounts without a cash ledger. Account 1 buys 10 at €100 on 2 Jan and moves them to account 2 on 6 Jan,
 * when they are worth 10 × 110 = €1,100. The asset goes 100 → 110 → 110 → 99 → 108.9.
 */
const ledger: Ledger = {
  baseCurrency: 'EUR',
  accounts: [
    { id: 1, tracksCash: false },
    { id: 2, tracksCash: false },
  ],
  transactions: [
    line({ type: 'buy', date: '2025-01-02', quantity: 10, price: 100, accountId: 1 }),
    line({ type: 'transfer-out', date: '2025-01-06', quantity: 10, price: 100, accountId: 1, counterAccountId: 2 }),
    line({ type: 'transfer-in', date: '2025-01-06', quantity: 10, price: 100, accountId: 2, counterAccountId: 1 }),
  ],
  cash: [],
  securities: [security],
  prices: new Map([[1, { adjustment: 'none', bars: closes }]]),
  fx: createFxProvider([]),
};
const period = { start: '2025-01-01', end: '2025-01-08' };
const twr = (scope: Parameters<typeof scopeValuations>[1]): number => {
  const sv = scopeValuations(ledger, scope);
  if ('kind' in sv) throw new Error(sv.reason.code);
  const r = timeWeightedReturn(sv.valuations, period);
  if (r.kind !== 'ok') throw new Error(r.reason.code);
  return r.value;
};

describe('a security transfer between two accounts', () => {
  it('is no flow for the portfolio, and a flow at the day’s value for each account', () => {
    expect(scopeFlows(ledger, { kind: 'portfolio' })).toEqual({ kind: 'ok', flows: [{ date: '2025-01-02', kind: 'buy', amount: 1000 }] });
    expect(scopeFlows(ledger, { kind: 'account', accountId: 1 })).toEqual({
      kind: 'ok',
      flows: [
        { date: '2025-01-02', kind: 'buy', amount: 1000 },
        { date: '2025-01-06', kind: 'transfer-out', amount: 1100 },
      ],
    });
    expect(scopeFlows(ledger, { kind: 'account', accountId: 2 })).toEqual({ kind: 'ok', flows: [{ date: '2025-01-06', kind: 'transfer-in', amount: 1100 }] });
  });

  it('leaves the portfolio TTWROR that of the asset, and splits it between the accounts by when each held it', () => {
    // Portfolio: 108.9 / 100 − 1 = 8.9 %, as if nothing moved.
    expect(twr({ kind: 'portfolio' })).toBeCloseTo(0.089, 12);
    // Account 1 held it 2 → 6 Jan: 110 / 100 − 1 = +10 %; the shares leave at the end of 6 Jan at their value.
    expect(twr({ kind: 'account', accountId: 1 })).toBeCloseTo(0.1, 12);
    // Account 2 from 6 Jan (1,100 in at the start of the day): 1,100/1,100, 990/1,100, 1,089/990 → 0.9 × 1.1 − 1 = −1 %.
    expect(twr({ kind: 'account', accountId: 2 })).toBeCloseTo(-0.01, 12);
  });
});
