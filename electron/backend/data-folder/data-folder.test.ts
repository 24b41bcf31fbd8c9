import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { tempDir } from '../testing/temp-backend';
import { LOCK_FILE_NAME } from './lock';
import { storageError } from './storage-errors';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const HOLDER = join(import.meta.dirname, 'testing', 'hold-folder.ts');
const POSIX = process.platform !== 'win32';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function folder(): string {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  return join(dir, 'data');
}

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('private files', () => {
  it.runIf(POSIX)('creates the data folder 0700 and the database, its WAL and backups 0600', async () => {
    const dataDir = folder();
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0', today: () => '2026-11-26' });
    cleanups.unshift(() => backend.close());
    await backend.dispatch('settings.update', { baseCurrency: 'USD' });
    const made = await backend.dispatch('backup.create', {});
    if (!made.ok) throw new Error(made.error.message);
    const { contentBase64 } = made.value as { contentBase64: string };
    const restored = await backend.dispatch('backup.restore', { file: { fileName: 'b.sqlite', contentBase64 } });
    expect(restored.ok).toBe(true);
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'tickerline.sqlite'))).toBe('600');
    expect(mode(join(dataDir, 'tickerline.sqlite-wal'))).toBe('600');
    expect(mode(join(dataDir, 'backups'))).toBe('700');
    const stored = readdirSync(join(dataDir, 'backups'));
    expect(stored).toHaveLength(1); // the before-restore safety copy
    expect(mode(join(dataDir, 'backups', stored[0]!))).toBe('600');
  });

  it.runIf(POSIX)('tightens a folder and database an older version left readable by others', () => {
    const dataDir = folder();
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    createBackend({ dataDir, mode: 'test', appVersion: '0' }).close();
    chmodSync(join(dataDir, 'tickerline.sqlite'), 0o644);
    const again = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    again.close();
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'tickerline.sqlite'))).toBe('600');
  });
});

/** Starts a child process that opens the folder; resolves when it is ready or has exited. */
function holdFolder(dataDir: string): Promise<{ child: ChildProcess; ready: boolean; output: string; code: number | null }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolveRun({ child, ready: true, output, code: null });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolveRun({ child, ready: false, output, code }));
  });
}

describe('one process per data folder', () => {
  it('refuses a second process with the first one’s pid, and takes over the lock once that process is killed', async () => {
    const dataDir = folder();
    const first = await holdFolder(dataDir);
    expect(first.ready).toBe(true);
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number; startedAt: number };
    expect(lock.pid).toBe(first.child.pid);

    const second = await holdFolder(dataDir);
    expect(second.ready).toBe(false);
    expect(second.code).toBe(3);
    expect(second.output.trim()).toBe(
      `Tickerline is already using ${dataDir} (process ${first.child.pid}). Close it first or pick another folder with --data-dir.`,
    );
    // The same holds inside one process (a second backend on the folder).
    expect(() => createBackend({ dataDir, mode: 'test', appVersion: '0' })).toThrow(/already using/);

    // SIGKILL leaves the lock file behind; its process is gone, so it is stale.
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
    const third = await holdFolder(dataDir);
    expect(third.ready).toBe(true);
    third.child.kill('SIGTERM');
    await new Promise((r) => third.child.once('exit', r));
    // A clean exit removes the lock.
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);

  it('releases the folder on close, so the same process can open it again', () => {
    const dataDir = folder();
    createBackend({ dataDir, mode: 'test', appVersion: '0' }).close();
    const again = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
    again.close();
  });
});

describe('clear messages when the folder refuses writes', () => {
  it('says the disk is full (a mocked write failure: SQLITE_FULL), not "cannot rollback"', async () => {
    const dataDir = folder();
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    // node:sqlite reports SQLITE_FULL (13) as errcode; simulate the write failing with it.
    const full = Object.assign(new Error('database or disk is full'), { errcode: 13, errstr: 'database or disk is full' });
    const realPrepare = backend.db.prepare.bind(backend.db);
    backend.db.prepare = ((sql: string) => {
      if (/^\s*INSERT/i.test(sql)) throw full;
      return realPrepare(sql);
    }) as typeof backend.db.prepare;
    const result = await backend.dispatch('settings.update', { baseCurrency: 'USD' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message: `The disk holding ${dataDir} is full; nothing was changed. Free some space and try again.`,
        details: { reason: 'disk-full', cause: 'database or disk is full' },
        // The window shows the same message in the reader's language from these.
        key: 'errors:storage.diskFull',
        params: { dataDir },
      },
    });
  });

  it('says the disk is full when the file-size limit stops SQLite mid-write (a real SQLITE_FULL)', async () => {
    const dataDir = folder();
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    // max_page_count caps the file, as a full disk would: the next page SQLite needs is refused.
    const pages = (backend.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    backend.db.exec(`PRAGMA max_page_count = ${pages}`);
    // A 200 kB body needs about 50 new 4 KiB pages; none may be added.
    const result = await backend.dispatch('news.create', { date: '2026-11-20', headline: 'Big', body: 'x'.repeat(200_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE', message: `The disk holding ${dataDir} is full; nothing was changed. Free some space and try again.` } });
  });

  it.runIf(POSIX && process.getuid?.() !== 0)('says the folder is read-only when it cannot create the database there', () => {
    const dataDir = folder();
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o500);
    cleanups.unshift(() => chmodSync(dataDir, 0o700));
    expect(() => createBackend({ dataDir, mode: 'test', appVersion: '0' })).toThrow(
      `Tickerline cannot write to ${dataDir}: you do not have permission to change files there. Nothing was changed.`,
    );
  });

  it('says the folder is read-only when SQLite refuses a write (a mocked SQLITE_READONLY, which root cannot provoke)', async () => {
    const dataDir = folder();
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    const readonly = Object.assign(new Error('attempt to write a readonly database'), { errcode: 8, errstr: 'attempt to write a readonly database' });
    const realPrepare = backend.db.prepare.bind(backend.db);
    backend.db.prepare = ((sql: string) => {
      if (/^\s*INSERT/i.test(sql)) throw readonly;
      return realPrepare(sql);
    }) as typeof backend.db.prepare;
    const result = await backend.dispatch('settings.update', { baseCurrency: 'USD' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: `Tickerline cannot write to ${dataDir}: the folder or its disk is read-only. Nothing was changed.` },
    });
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'EUR' } });
  });

  it('maps file-system and SQLite read-only errors, and leaves other errors alone', () => {
    const erofs = Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    expect(storageError(erofs, '/d')?.message).toBe('Tickerline cannot write to /d: the folder or its disk is read-only. Nothing was changed.');
    const readonly = Object.assign(new Error('attempt to write a readonly database'), { errcode: 8 });
    expect(storageError(readonly, '/d')?.message).toBe('Tickerline cannot write to /d: the folder or its disk is read-only. Nothing was changed.');
    expect(storageError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/d')?.details).toMatchObject({ reason: 'disk-full' });
    expect(storageError(new Error('UNIQUE constraint failed: securities.symbol'), '/d')).toBeNull();
  });
});

describe('a damaged database has a way out', () => {
  function damaged(damage: (bytes: Buffer) => Buffer): { dataDir: string; original: Buffer; bad: Buffer } {
    const dataDir = folder();
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0', today: () => '2026-11-26' });
    void backend.dispatch('settings.update', { baseCurrency: 'CHF' });
    backend.close();
    const file = join(dataDir, 'tickerline.sqlite');
    const original = readFileSync(file);
    const bad = damage(original);
    writeFileSync(file, bad);
    return { dataDir, original, bad };
  }

  it.each([
    // Page 2 onwards overwritten: the schema's tables are garbage (byte flips on every byte).
    ['byte-flipped', (b: Buffer) => Buffer.from(b.map((x, i) => (i >= 4096 ? x ^ 0xff : x)))],
    // Cut after the first page: the file claims more pages than it has.
    ['truncated', (b: Buffer) => b.subarray(0, 4096)],
  ])('a %s database opens in recovery, lists the copies and restores one', async (_name, damage) => {
    const { dataDir, bad } = damaged(damage);
    // An automatic copy from an earlier upgrade, made by the app itself.
    const source = createBackend({ dataDir: folder(), mode: 'test', appVersion: '0' });
    await source.dispatch('settings.update', { baseCurrency: 'GBP' });
    const made = await source.dispatch('backup.create', {});
    source.close();
    if (!made.ok) throw new Error(made.error.message);
    const copy = { value: made.value as { contentBase64: string; sizeBytes: number } };
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'before-v6-20261120-101500-000.sqlite'), Buffer.from(copy.value.contentBase64, 'base64'));

    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    expect(backend.recovery).toMatchObject({ databaseFile: join(dataDir, 'tickerline.sqlite') });
    expect(backend.recovery?.backups).toEqual([
      { fileName: 'before-v6-20261120-101500-000.sqlite', reason: 'migration', sizeBytes: copy.value.sizeBytes, createdAt: '2026-11-20T10:15:00.000Z' },
    ]);
    const refused = await backend.dispatch('settings.get', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining(`Your database ${join(dataDir, 'tickerline.sqlite')} is damaged`) } });

    const aside = backend.recover({ kind: 'backup', fileName: 'before-v6-20261120-101500-000.sqlite' });
    expect(aside).toMatch(/^tickerline-damaged-\d{8}-\d{6}-\d{3}\.sqlite$/);
    expect(readFileSync(join(dataDir, aside)).equals(bad)).toBe(true); // kept byte for byte
    expect(backend.recovery).toBeNull();
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'GBP' } });
  });

  it('starts fresh keeping the damaged file beside it, renamed', async () => {
    const { dataDir, bad } = damaged((b) => b.subarray(0, 4096 + 100));
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    expect(backend.recovery?.problem).toBeTruthy();
    expect(backend.recovery?.backups).toEqual([]);
    const aside = backend.recover({ kind: 'fresh' });
    expect(readFileSync(join(dataDir, aside)).equals(bad)).toBe(true);
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'EUR' } });
  });

  it('refuses a picked file that is not a backup, and stays in recovery', () => {
    const { dataDir } = damaged((b) => b.subarray(0, 4096));
    const backend = createBackend({ dataDir, mode: 'test', appVersion: '0' });
    cleanups.unshift(() => backend.close());
    expect(() => backend.recover({ kind: 'file', fileName: 'notes.txt', bytes: Buffer.from('hello') })).toThrow(/“notes.txt” is not a Tickerline backup/);
    expect(backend.recovery).not.toBeNull();
    expect(() => backend.recover({ kind: 'backup', fileName: '../tickerline.sqlite' })).toThrow(/no automatic copy/);
  });
});
