import { describe, expect, it } from 'vitest';
import { newsProgressFraction } from './newsProgress';

describe('newsProgressFraction', () => {
  it('fills a tenth for reading, the rest item by item, and all when done', () => {
    expect(newsProgressFraction({ kind: 'preview', phase: 'reading', done: 0, total: 1 })).toBe(0);
    // 0.1 + 0.9 × 5,000 / 20,000 = 0.1 + 0.225 = 0.325
    expect(newsProgressFraction({ kind: 'preview', phase: 'linking', done: 5_000, total: 20_000 })).toBeCloseTo(0.325, 10);
    // 0.1 + 0.9 × 20,000 / 20,000 = 1
    expect(newsProgressFraction({ kind: 'import', phase: 'saving', done: 20_000, total: 20_000 })).toBeCloseTo(1, 10);
    // A file without items: nothing to count, the bar stays at the reading share.
    expect(newsProgressFraction({ kind: 'import', phase: 'saving', done: 0, total: 0 })).toBeCloseTo(0.1, 10);
    expect(newsProgressFraction({ kind: 'import', phase: 'done', done: 3, total: 3 })).toBe(1);
  });
});
