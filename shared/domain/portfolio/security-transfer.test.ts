import { describe, expect, it } from 'vitest';
import type { Security } from '../securities/security';
import { createFxProvider } from './fx';
import { computeHoldings } from './holding';
import { findOversell } from './ledger';
import { carriedLots, scopeSecurityTransfers, transferPartners, type AccountTransaction } from './security-transfer';

const security: Security = { id: 1, symbol: 'ALV.DE', name: 'Allianz', exchange: 'XETRA', currency: 'EUR', kind: 'stock', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] };
const prices = new Map([[1, { adjustment: 'none' as const, bars: [{ date: '2025-04-01', close: 130 }] }]]);
const fx = createFxProvider([]);

let nextId = 1;
const line = (accountId: number, t: Pick<AccountTransaction, 'type' | 'date' | 'quantity'> & Partial<AccountTransaction>): AccountTransaction => ({
  id: nextId++,
  accountId,
  securityId: 1,
  price: 0,
  currency: 'EUR',
  fees: 0,
  note: '',
  externalId: null,
  ...t,
});

/**
 * Account 1 buys 10 at €100 + €10 fees (€101 a share) on 2 Jan and 10 at €120 on 3 Feb. On 3 Mar it moves 15 to
 * account 2: the 10 of 2 Jan at €101 and 5 of 3 Feb at €120, cost 1,010 + 600 = 1,610 (€107.33 a share, the price
 * the pair states). Account 1 keeps 5 at €120 = 600. On 1 Apr account 2 sells the 15 at €130: 1,950 − 1,610 = 340.
 */
const buys = [
  line(1, { type: 'buy', date: '2025-01-02', quantity: 10, price: 100, fees: 10 }),
  line(1, { type: 'buy', date: '2025-02-03', quantity: 10, price: 120 }),
];
const out = line(1, { type: 'transfer-out', date: '2025-03-03', quantity: 15, price: 1610 / 15, counterAccountId: 2 });
const arrive = line(2, { type: 'transfer-in', date: '2025-03-03', quantity: 15, price: 1610 / 15, counterAccountId: 1 });
const sale = line(2, { type: 'sell', date: '2025-04-01', quantity: 15, price: 130 });
const all = [...buys, arrive, out, sale];

describe('security transfers between accounts', () => {
  it('pairs the two lines and carries the lots with their own dates and costs', () => {
    const partners = transferPartners(all);
    expect(partners.get(out.id)?.id).toBe(arrive.id);
    expect(partners.get(arrive.id)?.id).toBe(out.id);
    expect(carriedLots(all).get(arrive.id)).toEqual([
      { date: '2025-01-02', quantity: 10, costPerShare: 101, currency: 'EUR' },
      { date: '2025-02-03', quantity: 5, costPerShare: 120, currency: 'EUR' },
    ]);
  });

  it('moves the cost with the shares: the receiving account realises 340, the giving one keeps 5 at 600', () => {
    const receiving = computeHoldings(scopeSecurityTransfers(all, (a) => a === 2), prices, [security], fx, 'EUR', '2025-03-31');
    expect(receiving.holdings[0]).toMatchObject({ quantity: 15, costBasis: 1610, realizedPnl: 0 });
    expect(receiving.holdings[0]?.lots.map((l) => [l.date, l.quantity, l.costPerShare])).toEqual([
      ['2025-01-02', 10, 101],
      ['2025-02-03', 5, 120],
    ]);
    const sold = computeHoldings(scopeSecurityTransfers(all, (a) => a === 2), prices, [security], fx, 'EUR', '2025-04-01');
    expect(sold.holdings[0]?.realizedPnl).toBeCloseTo(340, 9);
    const giving = computeHoldings(scopeSecurityTransfers(all, (a) => a === 1), prices, [security], fx, 'EUR', '2025-04-01');
    expect(giving.holdings[0]).toMatchObject({ quantity: 5, costBasis: 600, realizedPnl: 0 });
  });

  it('is no event for the whole portfolio: the pair drops out and the figures are those without it', () => {
    const scoped = scopeSecurityTransfers(all, () => true);
    expect(scoped.map((t) => t.id)).toEqual([...buys, sale].map((t) => t.id));
    // Without the transfer: 20 shares cost 1,010 + 1,200 = 2,210; FIFO sells 10 at 101 and 5 at 120 for 1,950 − 1,610 = 340.
    const portfolio = computeHoldings(scoped, prices, [security], fx, 'EUR', '2025-04-01');
    expect(portfolio.holdings[0]).toMatchObject({ quantity: 5, costBasis: 600 });
    expect(portfolio.holdings[0]?.realizedPnl).toBeCloseTo(340, 9);
  });

  it('refuses to move more shares than the giving account holds', () => {
    const tooMany = line(1, { type: 'transfer-out', date: '2025-03-03', quantity: 25, counterAccountId: 2 });
    expect(findOversell(scopeSecurityTransfers([...buys, tooMany], (a) => a === 1))).toMatchObject({ transaction: { id: tooMany.id }, held: 20 });
  });

  /**
   * Account 1 bought 10 at €50 on 2 Jan 2020 (cost 500); account 2 bought 10 at €80 on 1 Jun 2023 (cost 800). On
   * 3 Mar 2025 account 1 moves its 10 to account 2, which then holds 20 in acquisition order: the 2020 lot first.
   * - Account 2 sells 10 at €130 on 1 Apr 2025: FIFO takes the 2020 lot, 1,300 − 500 = 800 realised, 10 at €80
   *   (800) left. Had the moved lot gone to the back, it would have been 1,300 − 800 = 500, 10 at €50 left.
   * - Or account 2 moves 10 on to account 3 on 1 Apr 2025: they are the 2020 lot at €50 (cost 500), not the 2023 one.
   */
  it('files moved-in lots by their acquisition date, so FIFO still takes the oldest acquisition first', () => {
    const old = line(1, { type: 'buy', date: '2020-01-02', quantity: 10, price: 50 });
    const newer = line(2, { type: 'buy', date: '2023-06-01', quantity: 10, price: 80 });
    const move = line(1, { type: 'transfer-out', date: '2025-03-03', quantity: 10, price: 50, counterAccountId: 2 });
    const moved = line(2, { type: 'transfer-in', date: '2025-03-03', quantity: 10, price: 50, counterAccountId: 1 });
    const base = [old, newer, move, moved];

    const before = computeHoldings(scopeSecurityTransfers(base, (a) => a === 2), prices, [security], fx, 'EUR', '2025-03-31');
    expect(before.holdings[0]?.lots.map((l) => [l.date, l.quantity, l.costPerShare])).toEqual([
      ['2020-01-02', 10, 50],
      ['2023-06-01', 10, 80],
    ]);

    const sell = line(2, { type: 'sell', date: '2025-04-01', quantity: 10, price: 130 });
    const sold = computeHoldings(scopeSecurityTransfers([...base, sell], (a) => a === 2), prices, [security], fx, 'EUR', '2025-04-01');
    expect(sold.holdings[0]?.realizedPnl).toBeCloseTo(800, 9);
    expect(sold.holdings[0]).toMatchObject({ quantity: 10, costBasis: 800 });

    const onward = line(2, { type: 'transfer-out', date: '2025-04-01', quantity: 10, price: 50, counterAccountId: 3 });
    const arrives = line(3, { type: 'transfer-in', date: '2025-04-01', quantity: 10, price: 50, counterAccountId: 2 });
    const chain = [...base, onward, arrives];
    expect(carriedLots(chain).get(arrives.id)).toEqual([{ date: '2020-01-02', quantity: 10, costPerShare: 50, currency: 'EUR' }]);
    const third = computeHoldings(scopeSecurityTransfers(chain, (a) => a === 3), prices, [security], fx, 'EUR', '2025-04-01');
    expect(third.holdings[0]).toMatchObject({ quantity: 10, costBasis: 500 });
    const second = computeHoldings(scopeSecurityTransfers(chain, (a) => a === 2), prices, [security], fx, 'EUR', '2025-04-01');
    expect(second.holdings[0]).toMatchObject({ quantity: 10, costBasis: 800 });
  });
});
