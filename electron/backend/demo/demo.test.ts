import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoStatus } from '@shared/api/demo';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-03-31');
});
afterEach(() => backend.dispose());

const call = async <T>(method: string): Promise<T> => {
  const r = await backend.dispatch(method, {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};
const count = (table: string): number => (backend.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('sample portfolio', () => {
  it('loads, shows on the charts, and removes exactly what it added', async () => {
    // The user's own data must survive the removal.
    backend.db.prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('9988.HK', 'Alibaba', 'HKEX', 'HKD', 'stock')").run();
    backend.db.prepare("INSERT INTO news_events (dedupe_key, date, headline) VALUES ('mine', '2026-01-11', 'Alibaba im Aufwind')").run();
    const before = ['securities', 'transactions', 'price_bars', 'news_events', 'event_links'].map(count);

    expect(await call<DemoStatus>('demo.status')).toMatchObject({ loaded: false, securities: 0 });
    // 7 securities × 783 weekdays; 6 trades; 6 stories.
    expect(await call<DemoStatus>('demo.load')).toEqual({ loaded: true, securities: 7, transactions: 6, bars: 7 * 783, events: 6 });
    const again = await backend.dispatch('demo.load', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const securities = await call<{ symbol: string; demo: boolean; benchmarkId: number | null }[]>('charts.securities');
    const alpha = securities.find((s) => s.symbol === 'DEMO-ALPHA')!;
    expect(alpha.demo).toBe(true);
    expect(securities.find((s) => s.symbol === '9988.HK')!.demo).toBe(false);
    const portfolio = await backend.dispatch('charts.portfolio', {});
    expect(portfolio.ok).toBe(true);
    if (portfolio.ok) {
      const value = portfolio.value as { holdings: unknown[]; problems: string[]; points: { marketValue: number | null }[] };
      expect(value.holdings).toHaveLength(3);
      // Base EUR: the HKD and USD holdings convert through the demo FX series.
      expect(value.problems).toEqual([]);
      expect(value.points.at(-1)!.marketValue).toBeGreaterThan(0);
    }

    expect(await call<DemoStatus>('demo.remove')).toEqual({ loaded: false, securities: 0, transactions: 0, bars: 0, events: 0 });
    expect(['securities', 'transactions', 'price_bars', 'news_events', 'event_links'].map(count)).toEqual(before);
  });
});
