import type { DatabaseSync } from 'node:sqlite';
import { dataVersion } from './database';

/**
 * Answers computed from the database, kept per connection for the data version they were computed
 * at and dropped as soon as anything is written (or another connection commits). At most `limit`
 * answers per connection, the oldest going first, so the memory held stays bounded. For reads that
 * are slow with a large history and asked for again unchanged (a screen shown twice, two views of
 * the same data); callers treat the answer as read-only.
 */
export interface AnswerCache<T> {
  get(db: DatabaseSync, key: string, compute: () => T): T;
}

export function answerCache<T>(limit: number): AnswerCache<T> {
  const byDb = new WeakMap<DatabaseSync, { version: string; answers: Map<string, T> }>();
  return {
    get(db, key, compute) {
      const version = dataVersion(db);
      let entry = byDb.get(db);
      if (entry?.version !== version) {
        entry = { version, answers: new Map() };
        byDb.set(db, entry);
      }
      if (entry.answers.has(key)) return entry.answers.get(key) as T;
      const answer = compute();
      // A write during compute() would make the answer older than the version it is filed under.
      if (dataVersion(db) !== version) return answer;
      if (entry.answers.size >= limit) entry.answers.delete(entry.answers.keys().next().value as string);
      entry.answers.set(key, answer);
      return answer;
    },
  };
}
