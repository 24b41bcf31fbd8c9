import type { DatabaseSync } from 'node:sqlite';

/**
 * One step of the schema's history: upgrades from version-1 to version. The
 * runner applies each inside its own transaction and records PRAGMA user_version.
 * Never edit a migration that has shipped in a release: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}
