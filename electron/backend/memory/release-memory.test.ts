import { describe, expect, it } from 'vitest';
import { releaseUnusedMemory } from './release-memory';
import { growYoungGeneration, youngGenerationMb } from './testing/young-generation';

describe('releaseUnusedMemory', () => {
  it('shrinks a young generation grown by short-lived objects back to a few MB', () => {
    expect(growYoungGeneration(32)).toBeGreaterThanOrEqual(32);
    expect(releaseUnusedMemory()).toBe(true);
    expect(youngGenerationMb()).toBeLessThanOrEqual(4);
    expect(globalThis).not.toHaveProperty('gc');
  });
});
