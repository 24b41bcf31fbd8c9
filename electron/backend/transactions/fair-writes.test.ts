import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Transaction } from '@shared/api/transactions';
import type { CallResult } from '@shared/api/transport';
import { tempBackend } from '../testing/temp-backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend('2026-01-09');
});
afterEach(() => backend.dispose());

const HEADER = 'Date,Type,Symbol,ISIN,Name,Quantity,Price,Currency,Fees,SplitFrom,SplitTo,Note,ExternalId,Taxes,Account,Amount,CounterAmount,CounterCurrency,CounterAccount';
const LINES = 20_000;

/** 20,000 buys of one share of Allianz, one a day from 1970-01-01, each with its own id. */
function bigStatement(): { fileName: string; contentBase64: string } {
  const rows: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const day = new Date(i * 86_400_000).toISOString().slice(0, 10);
    rows.push(`${day},buy,ALV.DE,,Allianz,1,300,EUR,0,,,,t-${i},0,,,,,`);
  }
  return { fileName: 'tickerline-transactions.csv', contentBase64: Buffer.from([HEADER, ...rows].join('\n')).toString('base64') };
}

function ok<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('writes take turns with a long import (issue 13 part 7)', () => {
  it('an edit sent while an import is saving waits for it, then succeeds; the import is whole', async () => {
    const sap = ok<{ id: number }>(await backend.dispatch('securities.create', { catalogueSymbol: 'SAP.DE' }));
    const jobId = 'big-import';
    const saving = new Promise<void>((resolve) => {
      const stop = backend.subscribe((event, payload) => {
        if (event === 'import.progress' && (payload as { jobId: string; phase: string }).jobId === jobId && (payload as { phase: string }).phase === 'saving') {
          stop();
          resolve();
        }
      });
    });
    const finished: string[] = [];
    const importing = backend.dispatch('transactions.import', { file: bigStatement(), jobId }).then((r) => {
      finished.push('import');
      return r;
    });
    await saving;
    // The import's worker holds the write lock now; this edit goes to the main connection.
    const editing = backend
      .dispatch('transactions.create', { securityId: sap.id, type: 'buy', date: '2025-06-02', quantity: 3, price: 240, currency: 'EUR' })
      .then((r) => {
        finished.push('edit');
        return r;
      });
    const [imported, edited] = await Promise.all([importing, editing]);
    // The edit ran after the import committed, not inside SQLite's busy wait (which would also have blocked this thread).
    expect(finished).toEqual(['import', 'edit']);
    expect(ok<{ added: number }>(imported).added).toBe(LINES);
    expect(ok<Transaction>(edited)).toMatchObject({ quantity: 3, price: 240, date: '2025-06-02' });
    const all = ok<Transaction[]>(await backend.dispatch('transactions.list', {}));
    // 20,000 imported + 1 typed in.
    expect(all).toHaveLength(LINES + 1);
    // Each of the 20,000 buys is one share: 20,000 Allianz shares.
    expect(all.filter((t) => t.securityId !== sap.id).reduce((n, t) => n + t.quantity, 0)).toBe(LINES);
  }, 120_000);
});
