import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { csvTextCell } from '@shared/domain/common/csv-cell';

export type Row = Record<string, SQLOutputValue>;

export interface TableDump {
  table: string;
  columns: string[];
  rows: Row[];
}

/** Every user table, in name order, with its columns in declared order and its rows in key order. */
export function dumpTables(db: DatabaseSync): TableDump[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return tables.map(({ name }) => {
    const info = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[];
    const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const order = keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '';
    return {
      table: name,
      columns: info.map((c) => c.name),
      rows: db.prepare(`SELECT * FROM "${name}"${order}`).all() as Row[],
    };
  });
}

/** JSON-safe value: blobs become base64 text, everything else stays as stored. */
export function jsonValue(value: SQLOutputValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

export function csvCell(value: SQLOutputValue): string {
  const v = jsonValue(value);
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return csvTextCell(v);
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark, so Excel shows ü and 港 correctly. */
export function toCsv(dump: TableDump): string {
  const lines = [dump.columns.map((c) => csvCell(c)).join(',')];
  for (const row of dump.rows) lines.push(dump.columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
