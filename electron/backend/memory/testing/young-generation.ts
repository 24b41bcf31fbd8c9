import { getHeapSpaceStatistics } from 'node:v8';

/** The size V8's young generation has grown to, MB. */
export function youngGenerationMb(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space === undefined) throw new Error('V8 reports no new_space');
  return space.space_size / 2 ** 20;
}

/** Allocates as a large read does until the young generation has grown to at least `mb`: survivors of each scavenge make V8 grow it. */
export function growYoungGeneration(mb: number): number {
  let kept: { i: number; s: string }[] = [];
  for (let round = 0; round < 40 && youngGenerationMb() < mb; round++) {
    for (let i = 0; i < 200_000; i++) {
      kept.push({ i, s: `row ${i}` });
      if (kept.length > 100_000) kept = [];
    }
  }
  return youngGenerationMb();
}
