import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StagedFile } from '@shared/api/files';
import type { ImportSummary, PricePreview } from '@shared/api/prices';
import type { CallResult } from '@shared/api/transport';
import { AppError, type ApiError } from '@shared/domain/common/errors';
import { ensureSecurityFromCatalogue } from '../securities/store';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';
import { StagingArea } from './staging';

const bytes = (n: number, fill = 65): Uint8Array => new Uint8Array(n).fill(fill);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('StagingArea', () => {
  it('counts every staged file against the cap and refuses one that does not fit with TOO_LARGE and the limit', () => {
    const staging = new StagingArea({ maxFileBytes: 8, maxTotalBytes: 10 });
    const first = staging.put('a.csv', bytes(6));
    expect(first).toMatchObject({ fileName: 'a.csv', sizeBytes: 6 });
    // 6 held + 6 more = 12 > 10: refused, nothing staged.
    const full = refusal(() => staging.put('b.csv', bytes(6)));
    expect(full.code).toBe('TOO_LARGE');
    expect(full.message).toContain('b.csv');
    expect(full.details).toEqual({ file: 'b.csv', limitBytes: 10, heldBytes: 6 });
    expect(staging.count).toBe(1);
    // 6 + 4 = 10 fits exactly.
    staging.put('c.csv', bytes(4));
    expect(staging.heldBytes).toBe(10);
    // Discarding the first frees its 6 bytes: now 4 + 6 = 10 fits again.
    expect(staging.drop(first.stagedId)).toBe(true);
    expect(staging.put('b.csv', bytes(6)).sizeBytes).toBe(6);
  });

  it('refuses a single file over the per-file limit before taking any room', () => {
    const staging = new StagingArea({ maxFileBytes: 8, maxTotalBytes: 100 });
    const error = refusal(() => staging.put('big.csv', bytes(9)));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.details).toEqual({ file: 'big.csv', limitBytes: 8 });
    expect(staging.heldBytes).toBe(0);
  });

  it('drops a file left unused for the idle time; using it restarts the clock', () => {
    let now = 1_000_000;
    const staging = new StagingArea({ idleMs: 60_000, now: () => now });
    const kept = staging.put('kept.csv', bytes(3));
    const left = staging.put('left.csv', bytes(3));
    now += 50_000; // 50 s: both within the minute
    expect(staging.get(kept.stagedId).fileName).toBe('kept.csv');
    now += 50_000; // 100 s after staging, 50 s after kept.csv was last used
    expect(staging.get(kept.stagedId).bytes).toEqual(bytes(3));
    const gone = refusal(() => staging.get(left.stagedId));
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toBe('That file is no longer waiting to be imported (it was imported, removed, or left unused for 1 minutes). Open it again.');
    expect(staging.count).toBe(1);
  });

  it('reserves room for a stream before it arrives and refuses more bytes than announced', async () => {
    const staging = new StagingArea({ maxTotalBytes: 10 });
    async function* chunks(sizes: number[]): AsyncIterable<Uint8Array> {
      for (const n of sizes) yield bytes(n, 66);
    }
    const staged = await staging.putStream('up.csv', 5, chunks([2, 3]));
    expect(staged.sizeBytes).toBe(5);
    expect(staging.get(staged.stagedId).bytes).toEqual(bytes(5, 66));
    // Announced 4, sent 2 + 3 = 5: refused, and the 4 reserved bytes are given back.
    await expect(staging.putStream('liar.csv', 4, chunks([2, 3]))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(staging.heldBytes).toBe(5);
  });
});

describe('files.stage and staged imports through the dispatcher', () => {
  let backend: ReturnType<typeof tempBackend>;
  beforeEach(() => {
    backend = tempBackend();
  });
  afterEach(() => backend.dispose());

  const ok = <T>(result: CallResult): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const fail = (result: CallResult): ApiError => {
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };
  const stage = async (path: string, fileName: string): Promise<StagedFile> =>
    ok<StagedFile>(await backend.dispatch('files.stage', { fileName, contentBase64: readFileSync(path).toString('base64') }));

  it('previews, re-previews with a mapping and imports a price file by its id, then lets it go', async () => {
    const file = `${FIXTURES_DIR}/prices/yahoo-download_JD.csv`;
    const staged = await stage(file, 'yahoo-download_JD.csv');
    // 55,643 bytes on disk (wc -c).
    expect(staged.sizeBytes).toBe(55_643);
    const first = ok<PricePreview>(await backend.dispatch('prices.preview', { stagedId: staged.stagedId }));
    // 801 lines: a header and 800 daily rows.
    expect(first.stats.valid).toBe(800);
    const again = ok<PricePreview>(await backend.dispatch('prices.preview', { stagedId: staged.stagedId, mapping: first.mapping }));
    expect(again.stats.valid).toBe(800);
    const jd = ensureSecurityFromCatalogue(backend.db, 'JD')!.id;
    const summary = ok<ImportSummary>(
      await backend.dispatch('prices.import', { stagedId: staged.stagedId, securityId: jd, mapping: first.mapping, acceptValidRowsOnly: false }),
    );
    expect(summary).toMatchObject({ added: 800, updated: 0, unchanged: 0 });
    expect(summary.series.source).toBe('yahoo-download_JD.csv');
    // 2021-01-04 … 2024-03-08: the file's first and last rows.
    expect([summary.series.firstDate, summary.series.lastDate]).toEqual(['2021-01-04', '2024-03-08']);
    // Imported: the staged copy is gone, and naming it again says so.
    const gone = fail(await backend.dispatch('prices.preview', { stagedId: staged.stagedId }));
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toContain('no longer waiting to be imported');
  });

  it('keeps a file whose import failed, so the user can fix the choice and import it without sending it again', async () => {
    const staged = await stage(`${FIXTURES_DIR}/prices/yahoo-download_JD.csv`, 'jd.csv');
    const { mapping } = ok<PricePreview>(await backend.dispatch('prices.preview', { stagedId: staged.stagedId }));
    const missing = fail(await backend.dispatch('prices.import', { stagedId: staged.stagedId, securityId: 9999, mapping, acceptValidRowsOnly: false }));
    expect(missing.code).toBe('NOT_FOUND');
    const jd = ensureSecurityFromCatalogue(backend.db, 'JD')!.id;
    expect(ok<ImportSummary>(await backend.dispatch('prices.import', { stagedId: staged.stagedId, securityId: jd, mapping, acceptValidRowsOnly: false })).added).toBe(800);
  });

  it('discards a staged file: files.discard answers true once, then the id is unknown', async () => {
    const staged = await stage(`${FIXTURES_DIR}/prices/yahoo-download_JD.csv`, 'jd.csv');
    expect(ok(await backend.dispatch('files.discard', { stagedId: staged.stagedId }))).toEqual({ discarded: true });
    expect(ok(await backend.dispatch('files.discard', { stagedId: staged.stagedId }))).toEqual({ discarded: false });
    expect(fail(await backend.dispatch('transactions.previewImport', { file: { stagedId: staged.stagedId } })).code).toBe('NOT_FOUND');
  });

  it("lets go of a leaving window's files in one call: files.discardMany frees their bytes and counts only those still staged", async () => {
    const jd = `${FIXTURES_DIR}/prices/yahoo-download_JD.csv`;
    const first = await stage(jd, 'a.csv');
    const second = await stage(jd, 'b.csv');
    const kept = await stage(jd, 'kept.csv');
    const { staging } = backend.context;
    // Three copies of the 55,643-byte file (wc -c): 3 × 55,643 = 166,929 bytes held.
    expect(staging.heldBytes).toBe(166_929);
    // The first was imported or removed already: only the second is still there to let go.
    expect(ok(await backend.dispatch('files.discard', { stagedId: first.stagedId }))).toEqual({ discarded: true });
    expect(ok(await backend.dispatch('files.discardMany', { stagedIds: [first.stagedId, second.stagedId] }))).toEqual({ discarded: 1 });
    // Another window's file stays: 166,929 − 2 × 55,643 = 55,643 bytes.
    expect(staging.heldBytes).toBe(55_643);
    expect(staging.count).toBe(1);
    expect(staging.get(kept.stagedId).fileName).toBe('kept.csv');
    expect(fail(await backend.dispatch('files.discardMany', { stagedIds: Array.from({ length: 501 }, () => kept.stagedId) })).code).toBe('VALIDATION');
  });

  it('answers an id that was never staged with NOT_FOUND and a sentence, and a malformed one with VALIDATION', async () => {
    const unknown = fail(await backend.dispatch('news.previewImport', { stagedId: 'stg-00000000-0000-4000-8000-000000000000' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toBe('That file is no longer waiting to be imported (it was imported, removed, or left unused for 30 minutes). Open it again.');
    expect(fail(await backend.dispatch('prices.preview', { stagedId: '../etc/passwd' })).code).toBe('VALIDATION');
  });

  it('imports a transaction statement and a news list by id', async () => {
    const path = `${FIXTURES_DIR}/transactions/schwab_transactions_plain.csv`;
    const schwab = await stage(path, 'schwab.csv');
    const staged = ok<unknown>(await backend.dispatch('transactions.previewImport', { file: { stagedId: schwab.stagedId } }));
    const inline = ok<unknown>(await backend.dispatch('transactions.previewImport', { file: { fileName: 'schwab.csv', contentBase64: readFileSync(path).toString('base64') } }));
    // The same file by id or inline: the same preview, to the last field.
    expect(staged).toEqual(inline);
    const news = await stage(`${FIXTURES_DIR}/news/headlines_NVDA_date-headline.csv`, 'headlines.csv');
    // 100 lines: a header and 99 distinct dated headlines (sort -u).
    const newsPreview = ok<{ counts: { items: number; new: number } }>(await backend.dispatch('news.previewImport', { stagedId: news.stagedId }));
    expect(newsPreview.counts).toMatchObject({ items: 99, new: 99 });
    const imported = ok<{ added: number }>(await backend.dispatch('news.import', { stagedId: news.stagedId }));
    expect(imported.added).toBe(99);
    expect(fail(await backend.dispatch('news.previewImport', { stagedId: news.stagedId })).code).toBe('NOT_FOUND');
  });
});
