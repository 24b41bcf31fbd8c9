import type { DatabaseSync } from 'node:sqlite';
import { PriceFileMappingSchema, type PriceSeriesInfo } from '@shared/api/prices';
import { fromEpochDay } from '@shared/domain/common/dates';
import type { PriceFileMapping } from '@shared/domain/prices';

/** Plain SQL helpers for `price_series` and the remembered mappings in `import_mappings`. */

export type SeriesAdjustment = PriceSeriesInfo['adjustment'];

export function seriesInfo(db: DatabaseSync, securityId: number): PriceSeriesInfo | null {
  const meta = db
    .prepare('SELECT adjustment, close_column, source, updated_at FROM price_series WHERE security_id = ?')
    .get(securityId) as { adjustment: SeriesAdjustment; close_column: string | null; source: string | null; updated_at: string } | undefined;
  const range = db
    .prepare('SELECT count(*) AS n, min(day) AS first, max(day) AS last FROM price_bars WHERE security_id = ?')
    .get(securityId) as { n: number; first: number | null; last: number | null };
  if (!meta && range.n === 0) return null;
  return {
    securityId,
    count: range.n,
    firstDate: range.first === null ? null : fromEpochDay(range.first),
    lastDate: range.last === null ? null : fromEpochDay(range.last),
    adjustment: meta?.adjustment ?? 'unknown',
    closeColumn: meta?.close_column ?? null,
    source: meta?.source ?? null,
    updatedAt: meta?.updated_at ?? null,
  };
}

export function recordSeries(
  db: DatabaseSync,
  securityId: number,
  adjustment: SeriesAdjustment,
  closeColumn: string,
  source: string,
): void {
  db.prepare(
    `INSERT INTO price_series (security_id, adjustment, close_column, source, updated_at)
     VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT(security_id) DO UPDATE SET adjustment = excluded.adjustment, close_column = excluded.close_column,
       source = excluded.source, updated_at = excluded.updated_at`,
  ).run(securityId, adjustment, closeColumn, source);
}

/** Removes a security's bars and series record; returns how many bars were deleted. */
export function deleteSeries(db: DatabaseSync, securityId: number): number {
  const bars = db.prepare('DELETE FROM price_bars WHERE security_id = ?').run(securityId);
  db.prepare('DELETE FROM price_series WHERE security_id = ?').run(securityId);
  return Number(bars.changes);
}

export function rememberedMapping(db: DatabaseSync, shapeKey: string): PriceFileMapping | null {
  const row = db.prepare("SELECT mapping FROM import_mappings WHERE shape_key = ? AND kind = 'prices'").get(shapeKey) as
    | { mapping: string }
    | undefined;
  if (!row) return null;
  try {
    // A mapping stored by an older version that no longer validates is ignored, not trusted.
    const parsed = PriceFileMappingSchema.safeParse(JSON.parse(row.mapping));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberMapping(db: DatabaseSync, shapeKey: string, mapping: PriceFileMapping): void {
  db.prepare(
    `INSERT INTO import_mappings (shape_key, kind, mapping, updated_at) VALUES (?, 'prices', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT(shape_key) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(shapeKey, JSON.stringify(mapping));
}
