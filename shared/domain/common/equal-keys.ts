/**
 * Runs of items that share a whole-number key, for checks over hundreds of thousands of rows. Each item's
 * key and index are packed into one double and one native sort of a Float64Array puts equal keys side by
 * side, in index order: no map entry, string or boxed number per item, and most items stand alone. Keys
 * are 32-bit hashes or smaller; when key and index do not fit a double's 53 bits together, the key's low
 * bits are dropped, which only puts more items side by side, so `visit` must still tell them apart.
 */
export function runsOfEqualKeys(count: number, keyOf: (index: number) => number | null, visit: (indexes: readonly number[]) => void): void {
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const slot = 2 ** indexBits;
  const shift = Math.max(0, 32 + indexBits - 53);
  const packed = new Float64Array(count);
  let used = 0;
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key !== null) packed[used++] = ((key >>> 0) >>> shift) * slot + i;
  }
  const sorted = packed.subarray(0, used).sort();
  let start = 0;
  for (let k = 1; k <= used; k++) {
    if (k < used && Math.floor((sorted[k] as number) / slot) === Math.floor((sorted[start] as number) / slot)) continue;
    if (k - start > 1) {
      const run: number[] = [];
      for (let j = start; j < k; j++) run.push((sorted[j] as number) % slot);
      visit(run);
    }
    start = k;
  }
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units: equal strings, equal hashes. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
