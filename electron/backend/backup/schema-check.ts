import { DatabaseSync } from 'node:sqlite';
import { migrations } from '../db/migrations';

/** One schema object as SQLite keeps it, reduced to what decides behaviour. */
interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
  columns: string;
}

/**
 * SQLite's own bookkeeping tables: sqlite_sequence follows AUTOINCREMENT and
 * sqlite_stat* only steer the query planner. Neither can run code.
 */
const BOOKKEEPING = /^sqlite_(sequence|stat\d)$/;

/**
 * What differs between a database's schema and the one Tickerline's own
 * migrations build for `version`: every table, column, index, trigger and view,
 * compared in sqlite_master and PRAGMA table_xinfo / index_xinfo. A backup is
 * opened by a program that trusts its schema (a trigger runs on every insert,
 * a view shadows nothing but a missing column breaks a screen), so only exactly
 * what the app would have written is accepted. Returns readable differences,
 * e.g. 'trigger “wipe” on news_events is not part of Tickerline’s data'.
 */
export function schemaDifferences(db: DatabaseSync, version: number): string[] {
  const expected = describeSchema(expectedSchemaDatabase(version));
  const actual = describeSchema(db);
  const differences: string[] = [];
  const key = (o: SchemaObject): string => `${o.type}:${o.name}`;
  const expectedByKey = new Map(expected.map((o) => [key(o), o]));
  const actualByKey = new Map(actual.map((o) => [key(o), o]));
  for (const object of actual) {
    const want = expectedByKey.get(key(object));
    if (!want) {
      differences.push(`${object.type} “${object.name}”${object.type === 'table' ? '' : ` on ${object.table}`} is not part of Tickerline’s data`);
    } else if (want.columns !== object.columns) {
      differences.push(`${object.type} “${object.name}” has the columns (${object.columns}) instead of (${want.columns})`);
    } else if (want.sql !== object.sql) {
      differences.push(`${object.type} “${object.name}” is defined differently from Tickerline’s`);
    }
  }
  for (const object of expected) {
    if (!actualByKey.has(key(object))) differences.push(`${object.type} “${object.name}” is missing`);
  }
  return differences;
}

const cache = new Map<number, DatabaseSync>();

/** A fresh in-memory database at `version`, built by the app's migrations (kept per version: building is the slow part). */
function expectedSchemaDatabase(version: number): DatabaseSync {
  let db = cache.get(version);
  if (!db) {
    db = new DatabaseSync(':memory:');
    for (const migration of migrations.filter((m) => m.version <= version)) migration.up(db);
    cache.set(version, db);
  }
  return db;
}

function describeSchema(db: DatabaseSync): SchemaObject[] {
  const rows = db
    .prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master ORDER BY type, name')
    .all() as { type: string; name: string; tbl: string; sql: string | null }[];
  return rows
    .filter((row) => !BOOKKEEPING.test(row.name))
    .map((row) => ({
      type: row.type,
      name: row.name,
      table: row.tbl,
      sql: normaliseSql(row.sql ?? ''),
      columns: describeColumns(db, row.type, row.name),
    }));
}

function describeColumns(db: DatabaseSync, type: string, name: string): string {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  if (type === 'table' || type === 'view') {
    const columns = db.prepare(`PRAGMA table_xinfo(${quoted})`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
      hidden: number;
    }[];
    return columns
      .map((c) => [c.name, c.type, c.notnull ? 'NOT NULL' : '', c.dflt_value === null ? '' : `DEFAULT ${c.dflt_value}`, c.pk ? `PK${c.pk}` : '', c.hidden ? 'HIDDEN' : ''].filter(Boolean).join(' '))
      .join(', ');
  }
  if (type === 'index') {
    const columns = db.prepare(`PRAGMA index_xinfo(${quoted})`).all() as { name: string | null; desc: number; coll: string; key: number }[];
    return columns
      .filter((c) => c.key === 1)
      .map((c) => `${c.name ?? '<expression>'}${c.desc ? ' DESC' : ''} ${c.coll}`)
      .join(', ');
  }
  return '';
}

/** Whitespace is the only freedom: SQLite stores CREATE statements as they were written. */
function normaliseSql(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim();
}
