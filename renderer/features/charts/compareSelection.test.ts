import { describe, expect, it } from 'vitest';
import { COMPARE_LIMIT } from '@shared/api/charts';
import { compareFull, toggleCompared } from './compareSelection';

describe('toggleCompared', () => {
  it('adds at the end and removes a chosen one', () => {
    expect(toggleCompared([3, 1], 7)).toEqual([3, 1, 7]);
    expect(toggleCompared([3, 1, 7], 1)).toEqual([3, 7]);
    expect(toggleCompared([], 5)).toEqual([5]);
  });

  it('at eight lines refuses a ninth instead of dropping the oldest, and a removal makes room again', () => {
    const eight = [11, 12, 13, 14, 15, 16, 17, 18];
    expect(COMPARE_LIMIT).toBe(8);
    expect(compareFull(eight)).toBe(true);
    expect(toggleCompared(eight, 19)).toEqual(eight);
    const seven = toggleCompared(eight, 11);
    expect(seven).toEqual([12, 13, 14, 15, 16, 17, 18]);
    expect(compareFull(seven)).toBe(false);
    expect(toggleCompared(seven, 19)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
