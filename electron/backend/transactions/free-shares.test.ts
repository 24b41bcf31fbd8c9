import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoldingsReport } from '@shared/api/holdings';
import type { ImportPreview, Transaction } from '@shared/api/transactions';
import { tempBackend } from '../testing/temp-backend';

/**
 * Free shares (stock dividend, bonus shares, spin-off, stock distribution) are a buy at price 0
 * when the file says so (decision in shared/domain/portfolio/transaction.ts): the shares join
 * the holding at no cost. A buy typed without a price is still refused.
 */
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
const file = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text).toString('base64') });

// A Degiro statement: 10 Prosus bought at 60 EUR with 2 EUR fee, then a stock dividend of 1 share at 0.
const DEGIRO = [
  'Datum,Tijd,Valutadatum,Product,ISIN,Omschrijving,FX,Mutatie,,Saldo,,Order Id',
  '14-09-2023,08:49,14-09-2023,PROSUS NV,NL0013654783,STOCK DIVIDEND: Koop 1 @ 0 EUR,,EUR,0.00,EUR,398.00,',
  '01-03-2023,10:00,01-03-2023,PROSUS NV,NL0013654783,DEGIRO Transactiekosten en/of kosten van derden,,EUR,"-2,00",EUR,"398,00",abc-1',
  '01-03-2023,10:00,01-03-2023,PROSUS NV,NL0013654783,"Koop 10 @ 60 EUR",,EUR,"-600,00",EUR,"400,00",abc-1',
].join('\n');

describe('free shares at price 0', () => {
  it('imports a stock dividend as 1 share at no cost: 11 shares, cost basis 602 EUR, average 54.727…', async () => {
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: file('degiro.csv', DEGIRO) });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.type, r.quantity, r.price, r.fees])).toEqual([
      [2, 'buy', 1, 0, 0],
      [4, 'buy', 10, 60, 2],
    ]);
    expect(await ok('transactions.import', { file: file('degiro.csv', DEGIRO) })).toMatchObject({ added: 2 });
    const report = await ok<HoldingsReport>('holdings.list', {});
    const prosus = report.holdings.find((h) => h.quantity > 0);
    // 10 × 60 + 2 fee = 602 EUR for 10 + 1 = 11 shares → 602 / 11 = 54.7272… a share.
    expect(prosus?.quantity).toBe(11);
    expect(prosus?.costBasis).toBeCloseTo(602, 8);
    expect(prosus?.averageCost).toBeCloseTo(602 / 11, 8);
  });

  it('still refuses a buy typed without a price, but lets the imported free-share row be edited at 0', async () => {
    await ok('transactions.import', { file: file('degiro.csv', DEGIRO) });
    const rows = await ok<Transaction[]>('transactions.list', {});
    const free = rows.find((t) => t.price === 0);
    if (free === undefined) throw new Error('no free-share row');
    const typed = await backend.dispatch('transactions.create', { securityId: free.securityId, type: 'buy', date: '2024-01-02', quantity: 5, price: 0, currency: 'EUR' });
    expect(typed).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ field: 'price', message: 'The price per share must be greater than zero.' }] } } });
    const { symbol: _symbol, externalId: _externalId, counterAccountId: _counter, ...fields } = free;
    const edited = await ok<Transaction>('transactions.update', { ...fields, note: 'Prosus stock dividend 2023' });
    expect(edited).toMatchObject({ price: 0, quantity: 1, note: 'Prosus stock dividend 2023' });
  });

  it('re-imports its own export: a buy stored at 0 comes back as free shares, not as an error', async () => {
    await ok('transactions.import', { file: file('degiro.csv', DEGIRO) });
    const exported = await ok<{ csv: string }>('transactions.export', {});
    backend.dispose();
    backend = tempBackend('2026-11-26');
    const preview = await ok<ImportPreview>('transactions.previewImport', { file: file('tickerline.csv', exported.csv) });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.filter((r) => r.type === 'buy').map((r) => [r.quantity, r.price])).toEqual([
      [10, 60],
      [1, 0],
    ]);
  });
});
