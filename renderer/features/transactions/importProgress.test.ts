import { describe, expect, it } from 'vitest';
import { progressFraction } from './importProgress';

describe('progressFraction', () => {
  it('fills a preview’s bar by the characters read, then holds while the lines are checked', () => {
    // 13 MB of 26 MB read: half of the reading share 0.7 → 0.35.
    expect(progressFraction({ kind: 'preview', phase: 'reading', done: 13_000_000, total: 26_000_000 })).toBeCloseTo(0.35, 10);
    expect(progressFraction({ kind: 'preview', phase: 'checking', done: 0, total: 1 })).toBe(0.85);
    expect(progressFraction({ kind: 'preview', phase: 'done', done: 1, total: 1 })).toBe(1);
  });

  it('fills an import’s bar by lines saved after the reading and checking', () => {
    // 50,000 of 200,000 lines saved: 0.6 + 0.4 × 0.25 = 0.7.
    expect(progressFraction({ kind: 'import', phase: 'saving', done: 50_000, total: 200_000 })).toBeCloseTo(0.7, 10);
    expect(progressFraction({ kind: 'import', phase: 'reading', done: 1, total: 4 })).toBeCloseTo(0.1, 10);
    expect(progressFraction({ kind: 'import', phase: 'checking', done: 0, total: 1 })).toBe(0.5);
    // A total of 0 (nothing to save) does not divide by zero.
    expect(progressFraction({ kind: 'import', phase: 'saving', done: 0, total: 0 })).toBe(0.6);
  });
});
