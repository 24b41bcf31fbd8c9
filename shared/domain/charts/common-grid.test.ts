import { describe, expect, it } from 'vitest';
import { commonGridIndices } from './common-grid';

describe('commonGridIndices', () => {
  it('keeps every row when they fit', () => {
    expect(commonGridIndices([[1], [2], [3]], 10)).toEqual([0, 1, 2]);
  });

  it('keeps each column’s first row and the biggest excursion of any series', () => {
    // 8 rows, 4 rows allowed → 2 columns of 4 rows: [0..3] and [4..7].
    // Column 1: series B jumps to 9 on row 2 (|9 − 1| = 8), the largest move → rows 0 and 2.
    // Column 2: series A drops to −5 on row 6 (|−5 − 0| = 5) → rows 4 and 6; the last row 7 is always kept.
    const values = [
      [0, 1],
      [0.5, 1],
      [1, 9],
      [0, 2],
      [0, 2],
      [-1, 2],
      [-5, null],
      [0, 2],
    ];
    expect(commonGridIndices(values, 4)).toEqual([0, 2, 4, 6, 7]);
    // A marker on row 3 is kept too.
    expect(commonGridIndices(values, 4, [3])).toEqual([0, 2, 3, 4, 6, 7]);
  });

  it('gives the same rows to every series, so the union does not grow', () => {
    const values = Array.from({ length: 5000 }, (_, i) => [Math.sin(i / 50), Math.cos(i / 70), i % 97 === 0 ? 3 : 0]);
    const rows = commonGridIndices(values, 400);
    expect(rows.length).toBeLessThanOrEqual(401);
    expect(rows[0]).toBe(0);
    expect(rows.at(-1)).toBe(4999);
    // The spikes of the third series (every 97th row) that are a column's largest move survive.
    expect(rows.filter((r) => r % 97 === 0 && r > 0).length).toBeGreaterThan(40);
  });
});
