import { describe, expect, it } from 'vitest';
import { flagLevels, mergeStacksToColumns, stackMarkers, type EventMarker, type StackedMarker } from './markers';

const sunday: EventMarker = {
  eventId: 'de-2026-01-11',
  sessionDate: '2026-01-12',
  headline: 'Alibaba im Aufwind',
  source: 'Bn-Redaktion',
  anchoredFrom: '2026-01-11',
};
const monday: EventMarker = { ...sunday, eventId: 'm', headline: 'Kuaishou rallies', anchoredFrom: null };
const rthk: EventMarker = {
  eventId: 'rthk',
  sessionDate: '2025-02-28',
  headline: 'Alibaba announces investment in AI, cloud computing',
  source: 'RTHK',
  anchoredFrom: '2025-02-27',
};

describe('stackMarkers', () => {
  it('puts events of one session into one marker with a count, oldest session first', () => {
    const stacks = stackMarkers([sunday, rthk, monday]);
    expect(stacks.map((s) => [s.sessionDate, s.count])).toEqual([
      ['2025-02-28', 1],
      ['2026-01-12', 2],
    ]);
    expect(stacks[1]?.markers.map((m) => m.eventId)).toEqual(['de-2026-01-11', 'm']);
  });

  it('returns nothing for no events', () => {
    expect(stackMarkers([])).toEqual([]);
  });
});

describe('stackMarkers with one article linked to two securities', () => {
  it('counts the article once on its session', () => {
    // the Sunday article is linked to 9988.HK and 1024.HK: two links, one piece of news
    const links = [
      { ...sunday, eventId: '7:1', article: 7 },
      { ...sunday, eventId: '7:2', article: 7 },
    ];
    const stacks = stackMarkers(links, (m) => m.article);
    expect(stacks.map((s) => [s.sessionDate, s.count])).toEqual([['2026-01-12', 1]]);
  });
});

describe('flagLevels', () => {
  it('lifts a flag that would touch its neighbour, and drops back once there is room', () => {
    // 20 px apart: 100 → level 0; 110 is 10 px from 100 → level 1; 118 → level 2; 140 is 40 px from 100 → level 0
    expect(flagLevels([100, 110, 118, 140], 20)).toEqual([0, 1, 2, 0]);
  });
  it('works in any input order', () => {
    expect(flagLevels([140, 100, 110], 20)).toEqual([0, 0, 1]);
  });
});

describe('mergeStacksToColumns', () => {
  const stack = (sessionDate: string, count: number): StackedMarker => ({
    sessionDate,
    count,
    markers: Array.from({ length: count }, (_, i) => ({ eventId: `${sessionDate}#${i}`, sessionDate, headline: `h${i}`, source: 's', anchoredFrom: null })),
  });

  it('merges the stacks of one column onto its busiest session, counting every news and listing the first few', () => {
    // 2025-01-01 … 2025-01-10 is 10 days in 2 columns of 5 days: 1–5 Jan and 6–10 Jan.
    const stacks = [stack('2025-01-01', 1), stack('2025-01-02', 3), stack('2025-01-03', 3), stack('2025-01-07', 2), stack('2025-01-10', 1)];
    const merged = mergeStacksToColumns(stacks, '2025-01-01', '2025-01-10', 2, 4);
    // Column 1: 1 + 3 + 3 = 7 news on 2 Jan (3 news, the earliest of the two busiest); column 2: 2 + 1 = 3 on 7 Jan.
    expect(merged.map((m) => [m.sessionDate, m.count])).toEqual([
      ['2025-01-02', 7],
      ['2025-01-07', 3],
    ]);
    // At most 4 listed, oldest first: the one of 1 Jan, then the three of 2 Jan.
    expect(merged[0]?.markers.map((m) => m.eventId)).toEqual(['2025-01-01#0', '2025-01-02#0', '2025-01-02#1', '2025-01-02#2']);
    expect(merged[1]?.markers).toHaveLength(3);
  });

  it('leaves stacks beyond the data alone, and everything when there are no more stacks than columns', () => {
    const stacks = [stack('2025-01-01', 1), stack('2025-01-02', 1), stack('2025-01-20', 2)];
    // 20 Jan lies after `to` (news beyond the last bar): kept as it is; 1 and 2 Jan share the one column.
    expect(mergeStacksToColumns(stacks, '2025-01-01', '2025-01-10', 1, 10).map((m) => [m.sessionDate, m.count])).toEqual([
      ['2025-01-01', 2],
      ['2025-01-20', 2],
    ]);
    expect(mergeStacksToColumns(stacks, '2025-01-01', '2025-01-10', 3, 10)).toEqual(stacks);
  });
});
