import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import { nearestBar } from './nearest-bar';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const bars = readFileSync(`${FIXTURES_DIR}/prices/yfinance-download-multiheader_9988.HK_2025-2026.csv`, 'utf8')
  .split('\n')
  .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
  .map((line) => ({ date: line.slice(0, 10), close: Number(line.split(',')[1]) }));

describe('nearestBar', () => {
  it('finds the exact bar under the cursor', () => {
    expect(nearestBar(bars, toEpochDay('2026-01-12'))).toEqual({ date: '2026-01-12', close: 154.3000030517578 });
  });

  it('picks the closer trading day over a weekend, the earlier on a tie', () => {
    // Sat 10 Jan: Fri 9 is 1 day away, Mon 12 is 2 → Friday. Sun 11: Mon is 1 day away → Monday.
    expect(nearestBar(bars, toEpochDay('2026-01-10'))?.date).toBe('2026-01-09');
    expect(nearestBar(bars, toEpochDay('2026-01-11'))?.date).toBe('2026-01-12');
    // Christmas 2025, no bars 25–28 Dec: Sat 27 Dec is 3 days from Wed 24 and 2 from Mon 29 → 29;
    // Fri 26 Dec is 2 from 24 and 3 from 29 → 24. The fixture has no exact tie, so one is built here.
    expect(nearestBar(bars, toEpochDay('2025-12-27'))?.date).toBe('2025-12-29');
    expect(nearestBar(bars, toEpochDay('2025-12-26'))?.date).toBe('2025-12-24');
    expect(nearestBar([{ date: '2026-01-09' }, { date: '2026-01-11' }], toEpochDay('2026-01-10'))?.date).toBe('2026-01-09');
  });

  it('clamps to the ends and returns null for no bars', () => {
    expect(nearestBar(bars, toEpochDay('2020-01-01'))?.date).toBe('2025-01-02');
    expect(nearestBar(bars, toEpochDay('2030-01-01'))?.date).toBe('2026-02-27');
    expect(nearestBar([], 0)).toBeNull();
  });
});
