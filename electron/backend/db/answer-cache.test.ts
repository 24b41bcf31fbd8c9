import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { answerCache } from './answer-cache';

function table(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (n INTEGER)');
  db.exec('INSERT INTO t VALUES (1), (2)');
  return db;
}

const sum = (db: DatabaseSync): number => (db.prepare('SELECT SUM(n) AS s FROM t').get() as { s: number }).s;

describe('answerCache', () => {
  it('answers an unchanged database from the cache and recomputes after a write', () => {
    const db = table();
    const cache = answerCache<number>(4);
    let computed = 0;
    const read = (): number => cache.get(db, 'sum', () => (computed++, sum(db)));
    expect(read()).toBe(3); // 1 + 2
    expect(read()).toBe(3);
    expect(computed).toBe(1);
    db.exec('INSERT INTO t VALUES (4)');
    expect(read()).toBe(7); // 1 + 2 + 4
    expect(computed).toBe(2);
  });

  it('keeps at most `limit` answers, dropping the oldest', () => {
    const db = table();
    const cache = answerCache<string>(2);
    const computedKeys: string[] = [];
    const read = (key: string): string => cache.get(db, key, () => (computedKeys.push(key), key.toUpperCase()));
    read('a');
    read('b');
    read('c'); // 'a' goes
    read('b'); // still there
    read('a'); // computed again
    expect(computedKeys).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps each connection apart', () => {
    const one = table();
    const two = table();
    two.exec('INSERT INTO t VALUES (10)');
    const cache = answerCache<number>(4);
    expect(cache.get(one, 'sum', () => sum(one))).toBe(3);
    expect(cache.get(two, 'sum', () => sum(two))).toBe(13); // 1 + 2 + 10
  });
});
