import { describe, expect, it } from 'vitest';
import { flagLevels, stackMarkers, type EventMarker } from './markers';

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
