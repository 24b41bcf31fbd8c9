import { describe, expect, it } from 'vitest';
import { allocationSlices, largestMoves } from './portfolioSlices';

describe('allocationSlices', () => {
  it('keeps every slice when there are no more than the limit', () => {
    expect(allocationSlices([5, 3, 2], (v) => v, 3)).toEqual({ shown: [5, 3, 2], rest: [] });
  });

  it('keeps the largest limit - 1 and leaves the rest for one slice', () => {
    // limit 3: 40 and 30 stay; 15, 10 and 5 (largest first) make the "other" slice
    expect(allocationSlices([10, 40, 15, 30, 5], (v) => v, 3)).toEqual({ shown: [40, 30], rest: [15, 10, 5] });
  });
});

describe('largestMoves', () => {
  it('keeps the largest gains and losses by size, in the order given', () => {
    // |−50| and |40| are the two largest; order of the input kept (40 before −50)
    expect(largestMoves([10, 40, -5, -50, 20], (v) => v, 2)).toEqual([40, -50]);
  });

  it('keeps all when there are no more than the limit', () => {
    expect(largestMoves([1, -2], (v) => v, 5)).toEqual([1, -2]);
  });
});
