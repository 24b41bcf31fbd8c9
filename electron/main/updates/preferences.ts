import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PREFERENCES, type UpdatePreferences } from './policy';

/** The user's update choices, in the data folder beside window-state.json (not in the database: they belong to this install). */
const Stored = z.object({
  checkAtStart: z.boolean(),
  skippedVersion: z.string().max(100).nullable(),
  lastCheckAt: z.string().max(40).nullable(),
});

export function preferencesFile(dataDir: string): string {
  return join(dataDir, 'updates.json');
}

export function loadPreferences(dataDir: string): UpdatePreferences {
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(preferencesFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function savePreferences(dataDir: string, prefs: UpdatePreferences): void {
  try {
    writeFileSync(preferencesFile(dataDir), JSON.stringify(prefs), { mode: 0o600 });
  } catch {
    // Forgetting an update preference is harmless; the next check asks again.
  }
}
