import type { FeatureMethods, Handlers } from '../handler';
import { schemaVersion } from '../db/database';
import { dumpTables, jsonValue, toCsv } from './tables';

export const exportHandlers = {
  'export.all': ({ format }, ctx) => {
    const dumps = dumpTables(ctx.db);
    const stem = `tickerline-${ctx.today()}`;
    if (format === 'csv') {
      return {
        files: dumps.map((dump) => ({
          fileName: `${stem}-${dump.table.replaceAll('_', '-')}.csv`,
          mimeType: 'text/csv',
          content: toCsv(dump),
          table: dump.table,
          rows: dump.rows.length,
        })),
      };
    }
    const tables: Record<string, Record<string, string | number | null>[]> = {};
    let rows = 0;
    for (const dump of dumps) {
      tables[dump.table] = dump.rows.map((row) => Object.fromEntries(dump.columns.map((c) => [c, jsonValue(row[c] ?? null)])));
      rows += dump.rows.length;
    }
    const document = {
      format: 'tickerline-export',
      appVersion: ctx.appVersion,
      schemaVersion: schemaVersion(ctx.db),
      exportedOn: ctx.today(),
      tables,
    };
    return {
      files: [{ fileName: `${stem}.json`, mimeType: 'application/json', content: `${JSON.stringify(document, null, 1)}\n`, table: null, rows }],
    };
  },
} satisfies Handlers<FeatureMethods<'export'>>;
