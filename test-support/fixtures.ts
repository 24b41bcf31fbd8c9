import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The team's real-world sample files live beside the checkout, in
 * ../shared/fixtures (CI lays a copy there too). Tests read them in place;
 * they are never copied into the project.
 */
export const FIXTURES_DIR = process.env.TICKERLINE_FIXTURES ?? resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}
