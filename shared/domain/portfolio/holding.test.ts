import { describe, expect, it } from 'vitest';
import type { Security } from '../securities/security';
import { createFxProvider } from './fx';
import { computeHoldings } from './holding';
import type { Transaction } from './transaction';
import { usdHkd, yfinanceCloses } from '../../../test-support/price-fixtures';
import { shown } from '../../../test-support/shown';

function security(id: number, symbol: string, currency: string): Security {
  return { id, symbol, name: symbol, exchange: currency === 'HKD' ? 'HKEX' : 'NYSE', currency, kind: 'stock', isin: null, issuerId: 'alibaba', sharesPerUnit: 1, aliases: [] };
}

let nextId = 1;
function tx(securityId: number, type: Transaction['type'], date: string, quantity: number, price: number, fees = 0, currency = securityId === 1 ? 'HKD' : 'USD'): Transaction {
  return { id: nextId++, securityId, type, date, quantity, price, currency, fees, note: '', externalId: null };
}

const securities = [security(1, '9988.HK', 'HKD'), security(2, 'BABA', 'USD')];
const prices = new Map([
  [1, yfinanceCloses('yfinance-download-multiheader_9988.HK_2025-2026.csv')],
  [2, yfinanceCloses('yfinance-download-flat_BABA_2025-2026.csv')],
]);
const ledger = [
  tx(1, 'buy', '2026-01-05', 100, 140, 10),
  tx(1, 'buy', '2026-01-08', 200, 145, 20),
  tx(1, 'sell', '2026-01-12', 150, 155, 15),
  tx(1, 'dividend', '2026-01-12', 0, 50),
  tx(2, 'buy', '2026-01-09', 10, 150, 1),
];

// USD/HKD closes used below: 01-05 7.790559768676758, 01-08 7.785999774932861,
// 01-12 7.794149875640869, 01-13 7.79640007019043.
// 9988.HK closes: 01-12 154.3000030517578, 01-13 159.89999389648438. BABA: 01-12 166.30999755859375, 01-13 167.00999450683594.
describe('computeHoldings — 9988.HK in HKD and BABA in USD, base USD, real closes and rates', () => {
  const report = computeHoldings(ledger, prices, securities, createFxProvider([usdHkd()]), 'USD', '2026-01-13');
  const hk = report.holdings.find((h) => h.symbol === '9988.HK');
  const adr = report.holdings.find((h) => h.symbol === 'BABA');

  it('realizes FIFO P&L on a partial sell across two lots', () => {
    // Lot 1: (100 × 140 + 10) = 14010 → 140.10/share; lot 2: (200 × 145 + 20) = 29020 → 145.10/share.
    // Sell 150: 100 × 140.10 + 50 × 145.10 = 14010 + 7255 = 21265; proceeds 150 × 155 − 15 = 23235.
    // Realized = 23235 − 21265 = 1970 HKD.
    expect(hk?.realizedPnl).toBeCloseTo(1970, 9);
    // Base: 23235/7.794149875640869 − (14010/7.790559768676758 + 7255/7.785999774932861) = 250.950978
    expect(hk?.realizedPnlBase).toBeCloseTo(250.950978, 5);
  });

  it('keeps the remaining lot: quantity, average cost, cost basis', () => {
    expect(hk?.quantity).toBe(150);
    expect(hk?.averageCost).toBeCloseTo(145.1, 9);
    expect(hk?.costBasis).toBeCloseTo(21765, 9); // 150 × 145.10
    expect(hk?.costBasisBase).toBeCloseTo(2795.402084, 5); // 21765 / 7.785999774932861 (rate of the buy day)
  });

  it('values at the last close and reports unrealized P&L', () => {
    expect(hk?.lastPrice).toBe(159.89999389648438);
    expect(hk?.lastPriceDate).toBe('2026-01-13');
    expect(hk?.marketValue).toBeCloseTo(23984.999084, 5); // 150 × 159.89999389648438
    expect(hk?.unrealizedPnl).toBeCloseTo(2219.999084, 5); // 23984.999084 − 21765
    expect(hk?.unrealizedPnlPct).toBeCloseTo(10.199858, 5); // 2219.999084 / 21765 × 100
    expect(hk?.marketValueBase).toBeCloseTo(3076.419741, 5); // 23984.999084 / 7.79640007019043
    expect(hk?.unrealizedPnlBase).toBeCloseTo(281.017657, 5); // 3076.419741 − 2795.402084
  });

  it('counts dividends and all fees', () => {
    expect(hk?.dividends).toBe(50);
    expect(hk?.dividendsBase).toBeCloseTo(6.415068, 5); // 50 / 7.794149875640869
    expect(hk?.fees).toBe(45); // 10 + 20 + 15
    expect(hk?.feesBase).toBeCloseTo(5.776838, 5); // 10/7.790559768676758 + 20/7.785999774932861 + 15/7.794149875640869
  });

  it('computes the day change from the previous close, also in base currency with the rate move', () => {
    // 150 × (159.89999389648438 − 154.3000030517578) = 150 × 5.59999084… = 839.998627
    expect(hk?.dayChange?.amount).toBeCloseTo(839.998627, 5);
    expect(hk?.dayChange?.pct).toBeCloseTo(3.629288, 5); // 5.59999084 / 154.3000030517578 × 100
    expect(hk?.dayChange?.previousDate).toBe('2026-01-12');
    // 150 × (159.89999389648438/7.79640007019043 − 154.3000030517578/7.794149875640869) = 106.884791
    expect(hk?.dayChange?.amountBase).toBeCloseTo(106.884791, 5);
    expect(hk?.dayChange?.pctBase).toBeCloseTo(3.599378, 5);
    // BABA: 10 × (167.00999450683594 − 166.30999755859375) = 6.999969
    expect(adr?.dayChange?.amountBase).toBeCloseTo(6.999969, 5);
  });

  it('weights holdings by base market value and totals them', () => {
    // BABA: 10 × 167.00999450683594 = 1670.099945; total = 3076.419741 + 1670.099945 = 4746.519686.
    expect(report.totals.marketValue).toBeCloseTo(4746.519686, 5);
    expect(hk?.weight).toBeCloseTo(0.648142, 5); // 3076.419741 / 4746.519686
    expect(adr?.weight).toBeCloseTo(0.351858, 5);
    // Unrealized: 281.017657 + (1670.099945 − 1501) = 450.117602
    expect(report.totals.unrealizedPnl).toBeCloseTo(450.117602, 5);
    expect(report.totals.dayChange).toBeCloseTo(113.884761, 5); // 106.884791 + 6.999969
    expect(report.holdings.map((h) => h.symbol)).toEqual(['9988.HK', 'BABA']);
    expect(report.totals.incomplete).toEqual([]);
  });

  it('ignores transactions after asOf and values at that day', () => {
    // On 01-09: 300 shares (both lots), close 146.5 → 43950 HKD; BABA bought that day at 150.96 close.
    const early = computeHoldings(ledger, prices, securities, createFxProvider([usdHkd()]), 'USD', '2026-01-09');
    const h = early.holdings.find((x) => x.symbol === '9988.HK');
    expect(h?.quantity).toBe(300);
    expect(h?.marketValue).toBeCloseTo(43950, 9);
    expect(h?.realizedPnl).toBe(0);
  });
});

describe('computeHoldings — missing rates and prices', () => {
  it('leaves base figures null with a reason when no HKD→EUR rate exists, and says so in the totals', () => {
    const report = computeHoldings(ledger, prices, securities, createFxProvider([usdHkd()]), 'EUR', '2026-01-13');
    const hk = report.holdings.find((h) => h.symbol === '9988.HK');
    expect(hk?.marketValue).toBeCloseTo(23984.999084, 5); // still known in HKD
    expect(hk?.marketValueBase).toBeNull();
    expect(hk?.costBasisBase).toBeNull();
    expect(hk?.weight).toBeNull();
    expect(hk?.problems.map((p) => p.message)).toContain('no HKD→EUR rate on or before 2026-01-13');
    const rate = hk?.problems.find((p) => p.key === 'errors:holding.noRate');
    expect(rate && shown('de', rate)).toBe('kein Wechselkurs HKD→EUR am oder vor dem 2026-01-13');
    // The cost of each buy needed the rate of its own day, named with the buy in the reader's language.
    const buy = hk?.problems.find((p) => p.key === 'errors:holding.noRateFor');
    expect(buy && shown('de', buy)).toMatch(/^kein Wechselkurs HKD→EUR am oder vor dem 2026-01-\d\d \(benötigt für die Buchung „Kauf“ vom 2026-01-\d\d\)$/);
    expect(report.totals.marketValue).toBe(0);
    expect(report.totals.incomplete.map((i) => i.symbol).sort()).toEqual(['9988.HK', 'BABA']);
  });

  it('says "no price yet" before the first bar instead of valuing at zero', () => {
    const report = computeHoldings(
      [tx(1, 'buy', '2024-12-30', 100, 80)],
      prices,
      securities,
      createFxProvider([usdHkd()]),
      'HKD',
      '2024-12-31',
    );
    const hk = report.holdings[0];
    expect(hk?.lastPrice).toBeNull();
    expect(hk?.marketValue).toBeNull();
    expect(hk?.problems).toEqual([
      { key: 'errors:holding.noPrice', params: { symbol: '9988.HK', date: '2024-12-31' }, message: 'no price yet for 9988.HK on or before 2024-12-31' },
    ]);
    expect(hk && shown('de', hk.problems[0] as (typeof hk.problems)[number])).toBe('noch kein Kurs für 9988.HK am oder vor dem 2024-12-31');
    expect(hk?.costBasisBase).toBe(8000); // HKD → HKD needs no rate
  });

  it('throws a VALIDATION error naming the sell when the ledger sells more than it holds', () => {
    expect(() =>
      computeHoldings([tx(2, 'buy', '2026-01-09', 10, 150), tx(2, 'sell', '2026-01-12', 11, 160)], prices, securities, createFxProvider([]), 'USD'),
    ).toThrow('On 2026-01-12 you hold only 10 shares, so you cannot sell 11 shares.');
  });

  it('handles a same-day buy and sell (buy first) and closes the position', () => {
    // Buy 10 @ 150 + 1 fee, sell 10 @ 151 − 1 fee the same day: 1509 − 1501 = 8 USD realized.
    const report = computeHoldings(
      [tx(2, 'sell', '2026-01-09', 10, 151, 1), tx(2, 'buy', '2026-01-09', 10, 150, 1)],
      prices,
      securities,
      createFxProvider([]),
      'USD',
    );
    const baba = report.holdings[0];
    expect(baba?.quantity).toBe(0);
    expect(baba?.realizedPnl).toBeCloseTo(8, 9);
    expect(baba?.marketValue).toBe(0);
    expect(baba?.averageCost).toBeNull();
  });
});
