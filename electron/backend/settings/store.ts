import type { DatabaseSync } from 'node:sqlite';
import { Settings } from '@shared/api/settings';

/** The one owner of `settings` (key → JSON value). Charts and holdings read the base currency here. */

export const DEFAULT_SETTINGS: Settings = { baseCurrency: 'EUR', theme: 'system', locale: 'en-GB', language: 'system' };

export function readSettings(db: DatabaseSync): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
  // A value that no longer validates falls back to its default instead of breaking the app.
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = Settings.shape[key].safeParse(stored[key]);
    if (candidate.success) Object.assign(merged, { [key]: candidate.data });
  }
  return merged;
}

/** Writes the given values (undefined ones are left as they are); the caller holds the transaction. */
export function writeSettings(db: DatabaseSync, values: Partial<Settings>): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
