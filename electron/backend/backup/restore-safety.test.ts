import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '@shared/api/transport';
import { createBackend } from '../backend';
import { migrate } from '../db/database';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { tempBackend, tempDir } from '../testing/temp-backend';
import { schemaDifferences } from './schema-check';

let backend: ReturnType<typeof tempBackend>;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => {
  backend.dispose();
  while (cleanups.length) cleanups.pop()?.();
});

/** A database at the latest schema, built by the app's migrations, then changed by `tamper`. */
function craftedBackup(tamper: (db: DatabaseSync) => void, journal: 'delete' | 'wal' = 'delete'): Buffer {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const file = join(dir, 'crafted.sqlite');
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA journal_mode = ${journal}`);
  migrate(db, migrations);
  db.exec(`INSERT INTO settings (key, value) VALUES ('baseCurrency', '"GBP"')`);
  tamper(db);
  if (journal === 'wal') db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return readFileSync(file);
}

const restore = (bytes: Buffer, fileName = 'crafted.sqlite'): Promise<CallResult> =>
  backend.dispatch('backup.restore', { file: { fileName, contentBase64: bytes.toString('base64') } });

describe('restore accepts only the schema the app itself writes', () => {
  it('refuses a backup with a trigger that would wipe transactions on the next news entry, naming it', async () => {
    const bytes = craftedBackup((db) =>
      db.exec(`CREATE TRIGGER wipe AFTER INSERT ON news_events BEGIN DELETE FROM transactions; DELETE FROM price_bars; END`),
    );
    const result = await restore(bytes);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNSUPPORTED_FILE',
        message: '“crafted.sqlite” is not a backup Tickerline made: trigger “wipe” on news_events is not part of Tickerline’s data. Nothing was changed.',
      },
    });
    // The live settings are untouched (the crafted file would have set GBP).
    expect(backend.db.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toBeUndefined();
    expect(readdirSync(join(backend.dataDir, 'backups'))).toEqual([]);
  });

  it('refuses a table with wrong columns, naming the table and both column lists', async () => {
    const bytes = craftedBackup((db) => db.exec('ALTER TABLE news_events RENAME COLUMN headline TO title'));
    const result = await restore(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNSUPPORTED_FILE');
      expect(result.error.message).toContain('table “news_events” has the columns (');
      expect(result.error.message).toContain('title TEXT NOT NULL');
      expect(result.error.message).toContain(') instead of (');
      expect(result.error.message).toContain('headline TEXT NOT NULL');
    }
  });

  it('refuses an extra view, an extra index and a changed CHECK, each by name', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, migrations);
    expect(schemaDifferences(db, LATEST_SCHEMA_VERSION)).toEqual([]);
    db.exec('CREATE VIEW everything AS SELECT * FROM transactions');
    db.exec('CREATE INDEX sneaky ON news_events(source)');
    expect(schemaDifferences(db, LATEST_SCHEMA_VERSION)).toEqual([
      'index “sneaky” on news_events is not part of Tickerline’s data',
      'view “everything” on everything is not part of Tickerline’s data',
    ]);
    db.close();
    // A v3 database is compared with what migrations 1–3 build, not with the latest.
    const v3 = new DatabaseSync(':memory:');
    migrate(v3, migrations.slice(0, 3));
    expect(schemaDifferences(v3, 3)).toEqual([]);
    expect(schemaDifferences(v3, 4)).toEqual([
      'index “sqlite_autoindex_import_mappings_1” is missing',
      'table “import_mappings” is missing', 'table “price_bars” is missing', 'table “price_series” is missing']);
    v3.close();
  });

  it('restores a WAL-mode backup as one file: no -wal or -shm left in backups/', async () => {
    const bytes = craftedBackup(() => undefined, 'wal');
    expect([bytes[18], bytes[19]]).toEqual([2, 2]); // the header says WAL
    const result = await restore(bytes);
    expect(result.ok).toBe(true);
    expect(backend.db.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"GBP"' });
    const left = readdirSync(join(backend.dataDir, 'backups'));
    expect(left.filter((n) => n.endsWith('-wal') || n.endsWith('-shm') || n.startsWith('.'))).toEqual([]);
    expect(left).toHaveLength(1); // the before-restore safety copy
  });
});

describe('restore onto a database kept elsewhere through a symbolic link', () => {
  it('keeps the link and replaces the file it points to', async () => {
    const { dir: elsewhere, dispose } = tempDir();
    cleanups.push(dispose);
    const dataDir = join(elsewhere, 'data');
    mkdirSync(dataDir);
    const real = join(elsewhere, 'kept-on-another-disk.sqlite');
    // A database the app made, moved away and linked back in.
    const first = createBackend({ dataDir, mode: 'test', appVersion: '0', today: () => '2026-11-26' });
    first.close();
    renameSync(join(dataDir, 'tickerline.sqlite'), real);
    symlinkSync(real, join(dataDir, 'tickerline.sqlite'));
    const linked = createBackend({ dataDir, mode: 'test', appVersion: '0', today: () => '2026-11-26' });
    try {
      const result = await linked.dispatch('backup.restore', {
        file: { fileName: 'b.sqlite', contentBase64: craftedBackup(() => undefined).toString('base64') },
      });
      expect(result.ok).toBe(true);
      expect(lstatSync(join(dataDir, 'tickerline.sqlite')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dataDir, 'tickerline.sqlite'))).toBe(real);
      const direct = new DatabaseSync(real, { readOnly: true });
      expect(direct.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"GBP"' });
      direct.close();
      expect(readdirSync(elsewhere).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      linked.close();
    }
  });
});
