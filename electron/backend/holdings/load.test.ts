import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Security } from '@shared/api/securities';
import { toEpochDay } from '@shared/domain/common/dates';
import { tempBackend } from '../testing/temp-backend';
import { loadPortfolio, warmPortfolio } from './load';

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

describe('loadPortfolio cache', () => {
  it('reads an unchanged database once, and again after a write by this or another connection', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 100, price: 80, currency: 'HKD' });
    const insert = backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
    insert.run(s.id, toEpochDay('2025-01-02'), 81);

    const first = loadPortfolio(backend.db);
    expect(first.prices.get(s.id)?.bars.map((b) => b.close)).toEqual([81]);
    // Nothing written in between: the same data, not a second read.
    expect(loadPortfolio(backend.db)).toBe(first);

    // A write on this connection (total_changes moves).
    insert.run(s.id, toEpochDay('2025-01-03'), 82.5);
    const second = loadPortfolio(backend.db);
    expect(second).not.toBe(first);
    expect(second.prices.get(s.id)?.bars.map((b) => b.close)).toEqual([81, 82.5]);

    // A commit by another connection, as an import worker makes (data_version moves).
    const other = new DatabaseSync(join(backend.dataDir, 'tickerline.sqlite'));
    try {
      other.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)').run(s.id, toEpochDay('2025-01-06'), 84);
    } finally {
      other.close();
    }
    expect(loadPortfolio(backend.db).prices.get(s.id)?.bars.map((b) => b.close)).toEqual([81, 82.5, 84]);
  });

  it('reads a held security from the close before its first transaction on, not its whole history', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    const insert = backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
    for (const [date, close] of [['2024-12-27', 79], ['2024-12-30', 80], ['2024-12-31', 80.5], ['2025-01-02', 81]] as const) insert.run(s.id, toEpochDay(date), close);
    // Bought on New Year's Day (no session): 1 Jan is valued at 31 Dec's close, so that close is read, and nothing earlier.
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2025-01-01', quantity: 100, price: 80, currency: 'HKD' });
    const data = loadPortfolio(backend.db);
    expect(data.prices.get(s.id)?.bars).toEqual([
      { date: '2024-12-31', close: 80.5 },
      { date: '2025-01-02', close: 81 },
    ]);
    // A transaction before every close reads them all from the first.
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2024-06-03', quantity: 1, price: 70, currency: 'HKD' });
    expect(loadPortfolio(backend.db).prices.get(s.id)?.bars.map((b) => b.close)).toEqual([79, 80, 80.5, 81]);
  });
});

describe('warmPortfolio', () => {
  async function heldWithCloses(): Promise<Security> {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2025-01-02', quantity: 100, price: 80, currency: 'HKD' });
    const insert = backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
    insert.run(s.id, toEpochDay('2025-01-02'), 81);
    insert.run(s.id, toEpochDay('2025-01-03'), 82.5);
    return s;
  }

  it('reads ahead so the first holdings call reads no table', async () => {
    const s = await heldWithCloses();
    await warmPortfolio(backend.db, () => Promise.resolve());
    const prepare = vi.spyOn(backend.db, 'prepare');
    const data = loadPortfolio(backend.db);
    // Only the data version is asked (total_changes(), PRAGMA data_version), to know the read is still current.
    expect(prepare.mock.calls.map(([sql]) => sql).filter((sql) => /\bFROM\b/i.test(sql))).toEqual([]);
    expect(data.prices.get(s.id)?.bars.map((b) => b.close)).toEqual([81, 82.5]);
    prepare.mockRestore();
  });

  it('stops when the data changes half-way, and the next call reads the change', async () => {
    const s = await heldWithCloses();
    let turns = 0;
    await warmPortfolio(backend.db, () => {
      // A bar written at the first turn, as an import finishing meanwhile would.
      if (++turns === 1) backend.db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)').run(s.id, toEpochDay('2025-01-06'), 84);
      return Promise.resolve();
    });
    // The turn before the first security, then it noticed the write and stopped: no second turn.
    expect(turns).toBe(1);
    const data = loadPortfolio(backend.db);
    expect(data.prices.get(s.id)?.bars.map((b) => b.close)).toEqual([81, 82.5, 84]);
    // 100 shares at the last close: 100 × 84 = 8,400 HKD.
    const report = await ok<{ holdings: { marketValue: number }[] }>('holdings.list', {});
    expect(report.holdings[0]?.marketValue).toBe(8400);
  });

  it('ends quietly when the connection closes meanwhile', async () => {
    await heldWithCloses();
    await expect(warmPortfolio(backend.db, () => Promise.resolve(backend.db.close()))).resolves.toBeUndefined();
  });
});
