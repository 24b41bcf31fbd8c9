import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { backupBeforeMigration } from '../backup/migration-backup';
import { listStoredBackups } from '../backup/files';
import { tempDir } from '../testing/temp-backend';
import { migrate, openDatabase, schemaVersion } from './database';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function scratchFile(): string {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  return join(dir, 'test.sqlite');
}

function tables(db: DatabaseSync): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('database', () => {
  it('opens a new file at the latest schema with WAL and foreign keys on', () => {
    const db = openDatabase(scratchFile());
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 5000 });
    db.close();
  });

  it('migrations are numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  // Every released version must upgrade to the latest and end with the same schema as a fresh install.
  it.each(migrations.map((m) => m.version - 1))('upgrades a database at version %i to the latest', (start) => {
    const file = scratchFile();
    const old = new DatabaseSync(file);
    migrate(old, migrations.slice(0, start));
    expect(schemaVersion(old)).toBe(start);
    old.close();

    const seen: [number, number][] = [];
    const db = openDatabase(file, { beforeMigrate: (from, to) => seen.push([from, to]) });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(seen).toEqual(start > 0 ? [[start, LATEST_SCHEMA_VERSION]] : []);

    const fresh = openDatabase(scratchFile());
    expect(tables(db)).toEqual(tables(fresh));
    db.close();
    fresh.close();
  });

  it('moves existing transactions into one default account in the base currency, every figure unchanged', () => {
    const file = scratchFile();
    const old = new DatabaseSync(file);
    migrate(old, migrations.slice(0, 6));
    old.exec(`INSERT INTO settings (key, value) VALUES ('baseCurrency', '"USD"');
      INSERT INTO securities (id, symbol, name, exchange, currency, kind) VALUES (7, '9988.HK', 'Alibaba', 'HKEX', 'HKD', 'stock');
      INSERT INTO transactions (id, security_id, type, date, quantity, price, currency, fees, note, external_id)
        VALUES (3, 7, 'buy', '2026-01-06', 1000, 142.9, 'HKD', 50, 'first', 'T-1'),
               (4, 7, 'dividend', '2026-01-09', 1000, 1000, 'HKD', 0, '', NULL),
               (5, 7, 'split', '2026-02-01', 0, 0, 'HKD', 0, '', NULL);
      UPDATE transactions SET split_from = 1, split_to = 2 WHERE id = 5;`);
    const columns = 'id, security_id, type, date, quantity, price, currency, fees, split_from, split_to, note, external_id, created_at';
    const before = old.prepare(`SELECT ${columns} FROM transactions ORDER BY id`).all();
    old.close();

    const db = openDatabase(file);
    expect(db.prepare(`SELECT ${columns} FROM transactions ORDER BY id`).all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT account_id, taxes FROM transactions').all()).toEqual([{ account_id: 1, taxes: 0 }]);
    // No cash ledger: each buy stays money put in and each dividend money taken out, as before the upgrade.
    expect(db.prepare('SELECT id, name, currency, tracks_cash, is_default FROM accounts').all()).toEqual([
      { id: 1, name: 'Portfolio', currency: 'USD', tracks_cash: 0, is_default: 1 },
    ]);
    expect(() => db.prepare("INSERT INTO transactions (account_id, security_id, type, date, quantity, price, currency) VALUES (99, 7, 'buy', '2026-01-07', 1, 1, 'HKD')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('a failed migration leaves the previous database usable and unchanged', () => {
    const file = scratchFile();
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('baseCurrency', '\"HKD\"')").run();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrowError(/Could not upgrade the database to version/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('baseCurrency')).toEqual({ value: '"HKD"' });
    db.close();
  });

  it('after a failed migration the automatic pre-migration backup exists and opens, and the app still starts', () => {
    const file = scratchFile();
    const dataDir = join(file, '..');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('baseCurrency', '\"HKD\"')").run();
    db.close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('DROP TABLE settings');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() =>
      openDatabase(file, {
        migrations: [...migrations, broken],
        beforeMigrate: (_from, to) => backupBeforeMigration(file, dataDir, to),
      }),
    ).toThrowError(/Could not upgrade the database to version/);

    const [backup, ...others] = listStoredBackups(join(dataDir, 'backups'));
    expect(others).toEqual([]);
    expect(backup?.fileName).toMatch(new RegExp(`^before-v${LATEST_SCHEMA_VERSION + 1}-`));
    const copy = new DatabaseSync(join(dataDir, 'backups', backup!.fileName), { readOnly: true });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(schemaVersion(copy)).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"HKD"' });
    copy.close();

    // The live file was rolled back: this version of the app opens it with the data in place.
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'baseCurrency'").get()).toEqual({ value: '"HKD"' });
    again.close();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const file = scratchFile();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrowError(/newer version of Tickerline/);
  });
});
