import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_DATA_TOPICS } from '@shared/api/backup';
import type { CallResult } from '@shared/api/transport';
import { createBackend } from '../backend';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../db/database';
import { migrations } from '../db/migrations';
import { tempBackend, tempDir } from '../testing/temp-backend';
import { fileStamp, listStoredBackups } from './files';
import { FIXTURES, seedFromFixtures, snapshotContent } from './fixture-seed';
import { expectedTables } from './snapshot';

let backend: ReturnType<typeof tempBackend>;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => {
  backend.dispose();
  while (cleanups.length) cleanups.pop()?.();
});

function ok<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function makeBackup(): Promise<{ fileName: string; contentBase64: string; sizeBytes: number; schemaVersion: number }> {
  return ok(await backend.dispatch('backup.create', {}));
}

function count(db: DatabaseSync, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function baseCurrency(): unknown {
  return (backend.db.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get() as { value: string } | undefined)?.value;
}

describe('backup.create', () => {
  it('returns a complete, self-contained copy of the live data (fixture NVDA: 1,009 bars, 99 headlines)', async () => {
    seedFromFixtures(backend.db);
    await backend.dispatch('settings.update', { baseCurrency: 'HKD' });
    const file = await makeBackup();
    expect(file.fileName).toBe('tickerline-backup-2026-11-26.sqlite');
    expect(file.schemaVersion).toBe(LATEST_SCHEMA_VERSION);

    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, file.fileName);
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    expect(readFileSync(path).length).toBe(file.sizeBytes);
    // Rollback-journal mode: the single file is the whole backup, readable read-only.
    const copy = new DatabaseSync(path, { readOnly: true });
    expect(copy.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(count(copy, 'price_bars')).toBe(1009); // 1,010 lines in the file minus the header
    expect(count(copy, 'news_events')).toBe(99); // 100 lines minus the header
    // The last stooq line: 2026-01-09,185.08,186.34,183.6701,184.86,131327534 — epoch day 20462
    expect(copy.prepare('SELECT day, close, volume FROM price_bars ORDER BY day DESC LIMIT 1').get()).toEqual({
      day: 20462,
      close: 184.86,
      volume: 131327534,
    });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"HKD"' });
    copy.close();
    // Temp files are gone; only stored backups would remain in the folder.
    expect(readdirSync(join(backend.dataDir, 'backups'))).toEqual([]);
  });
});

describe('backup.restore', () => {
  it('brings back the backed-up data, keeps a safety copy of what it replaced and announces every topic', async () => {
    seedFromFixtures(backend.db);
    await backend.dispatch('settings.update', { baseCurrency: 'HKD' });
    const before = snapshotContent(backend.db);
    const file = await makeBackup();

    await backend.dispatch('settings.update', { baseCurrency: 'USD' });
    backend.db.exec('DELETE FROM price_bars WHERE day >= 20000'); // 2024-10-04 onwards
    expect(count(backend.db, 'price_bars')).toBeLessThan(1009);

    const seen: unknown[] = [];
    backend.subscribe((event, payload) => seen.push([event, payload]));
    const result = ok<{ backupSchemaVersion: number; schemaVersion: number; safetyCopy: string; tables: { table: string; rows: number }[] }>(
      await backend.dispatch('backup.restore', { file: { fileName: file.fileName, contentBase64: file.contentBase64 } }),
    );
    expect(result.backupSchemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(result.tables).toContainEqual({ table: 'price_bars', rows: 1009 });
    expect(snapshotContent(backend.db)).toEqual(before);
    expect(baseCurrency()).toBe('"HKD"');
    expect(seen).toEqual([['data.changed', { topics: [...ALL_DATA_TOPICS] }]]);

    // The replaced data (USD, fewer bars) is kept as a safety copy.
    expect(result.safetyCopy).toMatch(/^before-restore-\d{8}-\d{6}-\d{3}\.sqlite$/);
    const safety = new DatabaseSync(join(backend.dataDir, 'backups', result.safetyCopy), { readOnly: true });
    expect(safety.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"USD"' });
    safety.close();
    const stored = ok<{ stored: { reason: string }[] }>(await backend.dispatch('backup.status', {}));
    expect(stored.stored.map((s) => s.reason)).toEqual(['restore']);
    // The live database keeps working after the swap (WAL, writes).
    expect(backend.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(ok(await backend.dispatch('settings.update', { baseCurrency: 'CHF' }))).toMatchObject({ baseCurrency: 'CHF' });
  });

  const fixtureCsv = readFileSync(join(FIXTURES, 'prices', 'yahoo-download_BABA.csv'));

  it.each([
    ['a price CSV renamed to .sqlite', () => fixtureCsv, /not a database file/],
    ['an empty file', () => Buffer.alloc(0), /not a database file/],
    ['a backup cut off after 3 pages', (good: Buffer) => good.subarray(0, 4096 * 3), /damaged|could not be read/],
    [
      'a backup with garbage over a table page',
      (good: Buffer) => {
        const bad = Buffer.from(good);
        bad.fill(0x5a, 4096 * 4, 4096 * 6);
        return bad;
      },
      /damaged|could not be read/,
    ],
  ])('refuses %s and leaves the data untouched', async (_name, make, message) => {
    seedFromFixtures(backend.db);
    const good = Buffer.from((await makeBackup()).contentBase64, 'base64');
    await backend.dispatch('settings.update', { baseCurrency: 'USD' });
    const before = snapshotContent(backend.db);

    const result = await backend.dispatch('backup.restore', {
      file: { fileName: 'my-backup.sqlite', contentBase64: make(good).toString('base64') },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNSUPPORTED_FILE');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/^“my-backup\.sqlite” .*Nothing was changed\.$/);
    }
    expect(snapshotContent(backend.db)).toEqual(before);
    expect(readdirSync(join(backend.dataDir, 'backups'))).toEqual([]);
  });

  it('refuses a database from a newer Tickerline and one that is not ours', async () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const newer = join(dir, 'newer.sqlite');
    const db = new DatabaseSync(newer);
    migrate(db, migrations);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const foreign = join(dir, 'foreign.sqlite');
    const other = new DatabaseSync(foreign);
    other.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 3');
    other.close();

    const restore = (path: string): Promise<CallResult> =>
      backend.dispatch('backup.restore', { file: { fileName: 'x.sqlite', contentBase64: readFileSync(path).toString('base64') } });
    expect(await restore(newer)).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining(`newer version of Tickerline (data version ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION})`) },
    });
    expect(await restore(foreign)).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/not a Tickerline backup \(it lacks issuers, securities, settings, transactions\)/) },
    });
    expect(schemaVersion(backend.db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('waits for an import that is still being saved instead of swapping the file under it', async () => {
    const good = await makeBackup();
    // An import's own connection, between two batches of its transaction.
    const importer = new DatabaseSync(join(backend.dataDir, 'tickerline.sqlite'));
    importer.exec('BEGIN IMMEDIATE');
    importer.exec(`INSERT INTO settings (key, value) VALUES ('locale', '"de-DE"')`);
    const result = await backend.dispatch('backup.restore', { file: { fileName: good.fileName, contentBase64: good.contentBase64 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('An import is still being saved') } });
    importer.exec('COMMIT');
    importer.close();
    expect(backend.db.prepare("SELECT value FROM settings WHERE key = 'locale'").get()).toEqual({ value: '"de-DE"' });
    expect(readdirSync(join(backend.dataDir, 'backups'))).toEqual([]);
    expect(ok(await backend.dispatch('backup.restore', { file: { fileName: good.fileName, contentBase64: good.contentBase64 } }))).toBeDefined();
  });

  it('restores a backup from an older version and upgrades it, backing up the old file first', async () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const old = join(dir, 'v3.sqlite');
    const db = new DatabaseSync(old);
    migrate(db, migrations.slice(0, 3));
    db.exec(`INSERT INTO settings (key, value) VALUES ('baseCurrency', '"GBP"')`);
    db.close();

    const result = ok<{ backupSchemaVersion: number; schemaVersion: number }>(
      await backend.dispatch('backup.restore', { file: { fileName: 'v3.sqlite', contentBase64: readFileSync(old).toString('base64') } }),
    );
    expect(result).toMatchObject({ backupSchemaVersion: 3, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(baseCurrency()).toBe('"GBP"');
    const reasons = listStoredBackups(join(backend.dataDir, 'backups')).map((b) => b.reason).sort();
    expect(reasons).toEqual(['migration', 'restore']);
  });
});

describe('automatic backup before a schema migration', () => {
  it('copies the un-migrated database to backups/before-v<latest>-….sqlite and keeps the newest five', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const file = join(dir, 'tickerline.sqlite');
    const db = new DatabaseSync(file);
    migrate(db, migrations.slice(0, 4));
    const nvda = seedPricesOnly(db);
    db.close();
    // Six older automatic copies from earlier upgrades (2020-01-0N), which pruning must cut to four.
    const backups = join(dir, 'backups');
    const older = [1, 2, 3, 4, 5, 6].map((d) => `before-v4-${fileStamp(new Date(Date.UTC(2020, 0, d)))}.sqlite`);
    mkdirSync(backups);
    for (const name of older) writeFileSync(join(backups, name), 'x');

    const upgraded = createBackend({ dataDir: dir, mode: 'test', appVersion: '0.0.0-test' });
    expect(schemaVersion(upgraded.db)).toBe(LATEST_SCHEMA_VERSION);
    upgraded.close();

    const stored = listStoredBackups(backups);
    expect(stored).toHaveLength(5);
    const newest = stored[0]!;
    expect(newest.fileName).toMatch(new RegExp(`^before-v${LATEST_SCHEMA_VERSION}-\\d{8}-\\d{6}-\\d{3}\\.sqlite$`));
    // Kept: the new copy and the four newest of the six old ones (2020-01-03 … 06).
    expect(stored.slice(1).map((s) => s.fileName)).toEqual(older.slice(2).reverse());
    expect(existsSync(join(backups, older[0]!))).toBe(false);

    const copy = new DatabaseSync(join(backups, newest.fileName), { readOnly: true });
    expect(schemaVersion(copy)).toBe(4);
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(copy.prepare('SELECT count(*) AS n FROM price_bars WHERE security_id = ?').get(nvda)).toEqual({ n: 1009 });
    expect(copy.prepare("SELECT name FROM sqlite_master WHERE name = 'news_events'").get()).toBeUndefined();
    copy.close();
  });

  it('knows which tables each schema version must have', () => {
    expect(expectedTables(1)).toEqual(['settings']);
    expect(expectedTables(3)).toEqual(['issuers', 'securities', 'settings', 'transactions']);
  });
});

/** Fixture bars into a database that is still at schema version 4 (no news table yet). */
function seedPricesOnly(db: DatabaseSync): number {
  db.exec("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES ('NVDA', 'NVIDIA Corp.', 'NASDAQ', 'USD', 'stock')");
  const id = Number((db.prepare("SELECT id FROM securities WHERE symbol = 'NVDA'").get() as { id: number }).id);
  const bar = db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
  const lines = readFileSync(join(FIXTURES, 'prices', 'stooq_nvda_us_d.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  db.exec('BEGIN');
  lines.forEach((line, i) => bar.run(id, i, Number(line.split(',')[4])));
  db.exec('COMMIT');
  return id;
}
