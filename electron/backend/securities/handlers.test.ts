import { createI18n } from '@shared/i18n/i18n';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Security, SecuritySearchHit } from '@shared/api/securities';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('securities API', () => {
  it('search offers both Alibaba listings for "Ali", the stored one first', async () => {
    const before = await ok<SecuritySearchHit[]>('securities.search', { query: 'Ali' });
    expect(before.slice(0, 2).map((h) => [h.symbol, h.securityId])).toEqual([
      ['9988.HK', null],
      ['BABA', null],
    ]);
    const baba = await ok<Security>('securities.create', { catalogueSymbol: 'BABA' });
    const after = await ok<SecuritySearchHit[]>('securities.search', { query: 'Ali' });
    expect(after.slice(0, 2).map((h) => [h.symbol, h.securityId])).toEqual([
      ['BABA', baba.id],
      ['9988.HK', null],
    ]);
    // Chinese issuer aliases reach stored listings too.
    expect((await ok<SecuritySearchHit[]>('securities.search', { query: '阿里巴巴' }))[0]?.symbol).toBe('BABA');
  });

  it('creates custom securities, refuses a duplicate symbol and a bad ISIN', async () => {
    const custom = await ok<Security>('securities.create', {
      custom: { symbol: 'abc.de', name: 'ABC AG', exchange: 'XETRA', currency: 'eur', kind: 'stock', aliases: ['ABC'] },
    });
    expect(custom).toMatchObject({ symbol: 'ABC.DE', currency: 'EUR', sharesPerUnit: 1, aliases: ['ABC'], isin: null });
    const dup = await backend.dispatch('securities.create', { catalogueSymbol: 'abc.de' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const badIsin = await backend.dispatch('securities.update', { id: custom.id, isin: 'DE0007164601' });
    expect(badIsin).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // SAP's real ISIN passes the check digit.
    expect(await ok<Security>('securities.update', { id: custom.id, isin: 'DE0007164600', name: 'ABC' })).toMatchObject({
      isin: 'DE0007164600',
      name: 'ABC',
    });
  });

  it('refuses to delete a security with transactions, with a clear message', async () => {
    const s = await ok<Security>('securities.create', { catalogueSymbol: '1024.HK' });
    await ok('transactions.create', { securityId: s.id, type: 'buy', date: '2024-01-02', quantity: 100, price: 50, currency: 'HKD' });
    const refused = await backend.dispatch('securities.delete', { id: s.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '1024.HK still has 1 transaction. Delete it first; then the security can be removed.',
        details: { transactionCount: 1 },
        key: 'errors:securities.stillHasTransactions',
        params: { symbol: '1024.HK', count: 1 },
      },
    });
    // The German reader gets the singular form from the same key and values.
    expect(createI18n('de').t('errors:securities.stillHasTransactions', { symbol: '1024.HK', count: 1 })).toBe(
      'Zu 1024.HK gibt es noch 1 Buchung. Löschen Sie sie zuerst; dann kann das Wertpapier entfernt werden.',
    );
    const empty = await ok<Security>('securities.create', { catalogueSymbol: '9618.HK' });
    expect(await ok('securities.delete', { id: empty.id })).toEqual({ deleted: empty.id });
    expect(await backend.dispatch('securities.get', { id: empty.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists every listing of the issuer side by side and sets a benchmark', async () => {
    const hk = await ok<Security>('securities.create', { catalogueSymbol: '9988.HK' });
    const hsi = await ok<Security>('securities.create', { catalogueSymbol: '^HSI' });
    const { issuer, listings } = await ok<{ issuer: { name: string }; listings: { symbol: string; securityId: number | null; sharesPerUnit: number }[] }>(
      'securities.listings',
      { id: hk.id },
    );
    expect(issuer.name).toBe('Alibaba Group Holding');
    expect(listings.map((l) => [l.symbol, l.securityId, l.sharesPerUnit])).toEqual([
      ['9988.HK', hk.id, 1],
      ['BABA', null, 8],
    ]);
    expect(await ok<Security>('securities.setBenchmark', { id: hk.id, benchmarkId: hsi.id })).toMatchObject({ benchmarkId: hsi.id });
    const row = backend.db.prepare('SELECT benchmark_id FROM securities WHERE id = ?').get(hk.id);
    expect(row).toEqual({ benchmark_id: hsi.id });
    expect(await backend.dispatch('securities.setBenchmark', { id: hk.id, benchmarkId: hk.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
