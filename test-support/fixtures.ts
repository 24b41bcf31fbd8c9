import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real-world sample files the tests read are copied into the project
 * (test-fixtures/, each listed in its SOURCES.md), so a clone anywhere passes
 * `npm test` without the team's ../shared folder beside it.
 */
export const FIXTURES_DIR = process.env.TICKERLINE_FIXTURES ?? resolve(import.meta.dirname, '..', 'test-fixtures');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}
