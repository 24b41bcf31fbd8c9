import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../common/dates';
import { calendarTicks } from './time-ticks';

const ticks = (from: string, to: string, count: number) => {
  const r = calendarTicks(toEpochDay(from), toEpochDay(to), count);
  return { step: r.step, dates: r.ticks.map((t) => fromEpochDay(t.day)), labels: r.ticks.map((t) => t.label) };
};

describe('calendarTicks', () => {
  it('puts an 18-year span on even years, not 2008, 2010, 2011, 2013', () => {
    // 2008-03-01 … 2026-03-01: yearly gives 18 ticks, two-yearly 9 (> 6), five-yearly 2010, 2015, 2020, 2025
    const r = ticks('2008-03-01', '2026-03-01', 6);
    expect(r.step).toEqual({ unit: 'year', size: 5 });
    expect(r.dates).toEqual(['2010-01-01', '2015-01-01', '2020-01-01', '2025-01-01']);
  });

  it('puts fifteen months on quarter starts, with the year at January', () => {
    // 2025-01-02 … 2026-03-26: months give 14 ticks, every other month 7, quarters Apr, Jul, Oct, Jan 2026
    const r = ticks('2025-01-02', '2026-03-26', 6);
    expect(r.step).toEqual({ unit: 'month', size: 3 });
    expect(r.dates).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    expect(r.labels).toEqual(['month', 'month', 'month', 'year']);
  });

  it('puts two months on Mondays, two weeks apart', () => {
    // 2026-01-02 (Fri) … 2026-03-02: weekly gives 8 Mondays (> 6); fortnightly Mondays are counted from Mon 1970-01-05
    // (epoch day 4): Mon 2026-01-05 is epoch day 20,458 = 4 + 1,461 × 14, so it is one
    const r = ticks('2026-01-02', '2026-03-02', 6);
    expect(r.step).toEqual({ unit: 'day', size: 14 });
    expect(r.dates).toEqual(['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16']);
    expect(new Date(`${r.dates[0] ?? ''}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('leaves out a boundary at the very edge, where its label would be cut off', () => {
    // 2024-01-01 … 2026-12-31 with room for 3: half-years give 5; yearly 2024, 2025, 2026, but 2024-01-01 is the
    // first day itself, within 3 % (33 days) of the span's start
    const r = ticks('2024-01-01', '2026-12-31', 3);
    expect(r.dates).toEqual(['2025-01-01', '2026-01-01']);
  });
});
