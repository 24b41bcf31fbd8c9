import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseUnusedMemory } from './release-memory';

const youngGenerationMb = (): number => {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space === undefined) throw new Error('V8 reports no new_space');
  return space.space_size / 2 ** 20;
};

describe('releaseUnusedMemory', () => {
  it('shrinks a young generation grown by short-lived objects back to a few MB', () => {
    // Survivors of each scavenge make V8 grow the young generation (to 128 MB here).
    const grow = (): void => {
      let kept: { i: number; s: string }[] = [];
      for (let round = 0; round < 40 && youngGenerationMb() < 32; round++) {
        for (let i = 0; i < 200_000; i++) {
          kept.push({ i, s: `row ${i}` });
          if (kept.length > 100_000) kept = [];
        }
      }
    };
    grow();
    const grown = youngGenerationMb();
    expect(grown).toBeGreaterThanOrEqual(32);
    expect(releaseUnusedMemory()).toBe(true);
    expect(youngGenerationMb()).toBeLessThanOrEqual(4);
    expect(globalThis).not.toHaveProperty('gc');
  });
});
