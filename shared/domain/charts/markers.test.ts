import { describe, expect, it } from 'vitest';
import { stackMarkers, type EventMarker } from './markers';

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
