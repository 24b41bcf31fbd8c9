import { describe, expect, it } from 'vitest';
import { runsOfEqualKeys, stringHash } from './equal-keys';

describe('runsOfEqualKeys', () => {
  it('hands over items that share a key, in index order, and leaves out lone and keyless items', () => {
    // keys by index: 0→7, 1→3, 2→none, 3→7, 4→5, 5→3, 6→7: runs {1,5} (key 3) and {0,3,6} (key 7); 4 is alone.
    const keys = [7, 3, null, 7, 5, 3, 7];
    const runs: number[][] = [];
    runsOfEqualKeys(keys.length, (i) => keys[i] ?? null, (run) => runs.push([...run]));
    expect(runs).toEqual([
      [1, 5],
      [0, 3, 6],
    ]);
  });

  it('hashes equal strings alike and, here, different ids apart', () => {
    expect(stringHash('B12')).toBe(stringHash(['B', '12'].join('')));
    expect(stringHash('B12')).not.toBe(stringHash('B21'));
    // FNV-1a of '' is its offset basis.
    expect(stringHash('')).toBe(0x811c9dc5);
  });
});
