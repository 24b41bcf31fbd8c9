import { describe, expect, it } from 'vitest';
import { heldFiles } from './heldFiles';

const id = (n: number): string => `stg-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('heldFiles', () => {
  it('lets go of every file the window staged and did not discard, once', () => {
    const sent: string[][] = [];
    const held = heldFiles((ids) => sent.push(ids));
    held.staged(id(1));
    held.staged(id(2));
    held.staged(id(3));
    held.discarded(id(2)); // removed by the user: already let go, not sent again
    expect(held.count).toBe(2);
    held.releaseAll();
    expect(sent).toEqual([[id(1), id(3)]]);
    expect(held.count).toBe(0);
    // A second pagehide has nothing left to send.
    held.releaseAll();
    expect(sent).toHaveLength(1);
  });

  it('sends a large batch in calls of at most 500 ids: 1,201 ids → 500 + 500 + 201', () => {
    const sent: string[][] = [];
    const held = heldFiles((ids) => sent.push(ids));
    for (let n = 0; n < 1201; n++) held.staged(id(n));
    held.releaseAll();
    expect(sent.map((ids) => ids.length)).toEqual([500, 500, 201]);
    expect(new Set(sent.flat()).size).toBe(1201);
  });

  it('sends nothing when the window holds no files', () => {
    const sent: string[][] = [];
    heldFiles((ids) => sent.push(ids)).releaseAll();
    expect(sent).toEqual([]);
  });
});
