import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoldingsReport } from '@shared/api/holdings';
import type { Security } from '@shared/api/securities';
import { toEpochDay } from '@shared/domain/common/dates';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-11-26');
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** The real yfinance history of 9988.HK (dates carry +08:00; the calendar day is the first 10 characters). */
function loadYfinanceCloses(securityId: number): number {
  const lines = readFileSync(`${FIXTURES_DIR}/prices/yfinance-history_9988.HK.csv`, 'utf8').trim().split('\n').slice(1);
  const insert = backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
  for (const line of lines) {
    const cells = line.split(',');
    insert.run(securityId, toEpochDay((cells[0] as string).slice(0, 10)), Number(cells[4]));
  }
  backend.db.prepare("INSERT INTO price_series (security_id, adjustment) VALUES (?, 'split+dividend')").run(securityId);
  return lines.length;
}

describe('holdings.list', () => {
  it('values FIFO positions from stored prices and says plainly when the HKD→EUR rate is missing', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    expect(loadYfinanceCloses(s.id)).toBe(1323);
    const add = (tx: object) => ok('transactions.create', { securityId: s.id, currency: 'HKD', ...tx });
    await add({ type: 'buy', date: '2024-01-02', quantity: 100, price: 80, fees: 10 });
    await add({ type: 'buy', date: '2024-03-01', quantity: 200, price: 70 });
    await add({ type: 'sell', date: '2024-06-03', quantity: 150, price: 90, fees: 5 });
    await add({ type: 'dividend', date: '2024-07-01', quantity: 150, price: 300 });

    const report = await ok<HoldingsReport>('holdings.list', {});
    expect(report.baseCurrency).toBe('EUR');
    expect(report.valuationDate).toBe('2025-05-22');
    const h = report.holdings[0];
    // FIFO: lot 1 = 100 @ (8000 + 10) / 100 = 80.10, lot 2 = 200 @ 70.
    // Sell 150 = 100 of lot 1 (8010) + 50 of lot 2 (3500) = 11510; proceeds 150 × 90 − 5 = 13495; realized 1985.
    // Left: 150 @ 70 = 10500. Last close 2025-05-22 = 118.80000305175781 → value 17820.0004577…
    expect(h).toMatchObject({ symbol: '9988.HK', quantity: 150, averageCost: 70, costBasis: 10500, lastPriceDate: '2025-05-22', realizedPnl: 1985, dividends: 300 });
    expect(h?.lastPrice).toBe(118.80000305175781);
    expect(h?.marketValue).toBeCloseTo(17820, 2);
    expect(h?.unrealizedPnl).toBeCloseTo(7320, 2);
    expect(h?.unrealizedPnlPct).toBeCloseTo(69.714, 3); // 7320 / 10500
    // Day change: 150 × (118.80 − 123.10) = −645.
    expect(h?.dayChange?.amount).toBeCloseTo(-645, 2);
    // No HKD→EUR series: base figures are unknown (null), never converted at 1.
    expect(h?.marketValueBase).toBeNull();
    expect(h?.costBasisBase).toBeNull();
    expect(h?.problems.map((p) => p.message)).toContain('no HKD→EUR rate on or before 2025-05-22');
    expect(report.totals.marketValue).toBe(0);
    expect(report.totals.incomplete.map((i) => i.symbol)).toEqual(['9988.HK']);

    // Import an HKD→EUR series (one quote, 0.12, before the first buy): every base figure appears.
    const fx = await ok<Security>('securities.create', { catalogueSymbol: 'HKDEUR=X' });
    backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)').run(fx.id, toEpochDay('2023-12-29'), 0.12);
    const withFx = await ok<HoldingsReport>('holdings.list', {});
    const b = withFx.holdings[0];
    expect(b?.costBasisBase).toBeCloseTo(1260, 6); // 10500 × 0.12
    expect(b?.marketValueBase).toBeCloseTo(2138.4, 3); // 17820 × 0.12
    expect(b?.realizedPnlBase).toBeCloseTo(238.2, 6); // 1985 × 0.12
    expect(b?.weight).toBe(1);
    expect(withFx.totals.marketValue).toBeCloseTo(2138.4, 3);
    expect(withFx.totals.unrealizedPnl).toBeCloseTo(878.4, 3); // 7320 × 0.12
    expect(withFx.totals.incomplete).toEqual([]);
    expect(withFx.transactionCount).toBe(4);
  });

  it('shows "no price yet" for a position without history', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '1024.HK' });
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 500, price: 40, currency: 'HKD' });
    const report = await ok<HoldingsReport>('holdings.list', {});
    expect(report.holdings[0]).toMatchObject({ quantity: 500, costBasis: 20000, lastPrice: null, marketValue: null });
    expect(report.holdings[0]?.problems.map((p) => p.message)).toContain('no price yet for 1024.HK on or before 2025-01-02');
  });
});
