import { describe, expect, it } from 'vitest';
import { orNull } from './numbers';

describe('orNull', () => {
  it('keeps finite numbers, zero included, and turns NaN, ±Infinity and undefined into null', () => {
    expect(orNull(12.5)).toBe(12.5);
    expect(orNull(0)).toBe(0);
    expect(orNull(-3)).toBe(-3);
    expect(orNull(NaN)).toBeNull();
    expect(orNull(new Float64Array(1)[1])).toBeNull();
    expect(orNull(1 / 0)).toBeNull();
    expect(orNull(-1 / 0)).toBeNull();
    expect(orNull(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
  });
});
