import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeEventImpact, type ImpactBar } from './event-impact';
import { averageImpactByTag, impactsForEvent, impactsForSecurity, sortImpactsBy } from './impact-tables';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const PRICES = `${FIXTURES_DIR}/prices/`;

function readCloses(file: string): ImpactBar[] {
  return readFileSync(PRICES + file, 'utf8')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => ({ date: line.slice(0, 10), close: Number(line.split(',')[1]) }));
}

const bars = {
  9988: readCloses('yfinance-download-multiheader_9988.HK_2025-2026.csv'),
  1024: readCloses('yfinance-download-flat_1024.HK_2025-2026.csv'),
};

function impact(securityId: 9988 | 1024, eventId: string, sessionDate: string) {
  return computeEventImpact({
    securityId,
    eventId,
    anchor: { sessionDate, anchored: false, anchoredFrom: null },
    bars: bars[securityId],
    currency: 'HKD',
    baseCurrency: 'HKD',
  });
}

// dayReturns: 9988 on 12 Jan 154.3/146.5−1 = 0.0532423; 1024 on 12 Jan 80.25/74.7−1 = 0.0742972;
// 9988 on 24 Feb 148/152.2−1 = −0.0275953 (its 5d window is still open: data ends 27 Feb).
const impacts = [
  impact(9988, 'chips', '2026-01-12'),
  impact(1024, 'chips', '2026-01-12'),
  impact(9988, 'late', '2026-02-24'),
  impact(1024, 'outside', '2027-01-04'),
];
const tags = new Map<string | number, readonly string[]>([
  ['chips', ['ai', 'chips']],
  ['late', ['ai']],
  ['outside', ['ai']],
]);

describe('averageImpactByTag', () => {
  const [ai, chips] = averageImpactByTag(impacts, tags);

  it('averages only the figures that exist', () => {
    expect(ai?.tag).toBe('ai');
    expect(ai?.count).toBe(4);
    // (0.0532423 + 0.0742972 − 0.0275953) / 3 = 0.0999442 / 3 = 0.0333147; the outside event has none.
    expect(ai?.samples.dayReturn).toBe(3);
    expect(ai?.mean.dayReturn).toBeCloseTo(0.0333147, 6);
    // 5d: 9988 160.4/146.5−1 = 0.0948805, 1024 76.75/74.7−1 = 2.05/74.7 = 0.0274431 → mean 0.0611618
    expect(ai?.samples.return5d).toBe(2);
    expect(ai?.mean.return5d).toBeCloseTo(0.0611618, 6);
    // No benchmark given: no abnormal return, and no fake zero.
    expect(ai?.mean.abnormalDayReturn).toBeNull();
    expect(ai?.samples.abnormalDayReturn).toBe(0);
  });

  it('ranks tags by how many impacts carry them', () => {
    expect(chips?.tag).toBe('chips');
    // (0.0532423 + 0.0742972) / 2 = 0.0637698
    expect(chips?.mean.dayReturn).toBeCloseTo(0.0637698, 6);
  });
});

describe('impact table sorting', () => {
  it('orders by a figure with missing rows last in both directions', () => {
    const asc = sortImpactsBy(impacts, 'dayReturn', 'asc').map((i) => `${i.securityId}:${i.eventId}`);
    expect(asc).toEqual(['9988:late', '9988:chips', '1024:chips', '1024:outside']);
    const desc = sortImpactsBy(impacts, 'dayReturn', 'desc').map((i) => `${i.securityId}:${i.eventId}`);
    expect(desc).toEqual(['1024:chips', '9988:chips', '9988:late', '1024:outside']);
  });

  it('lists a security’s events newest first and an event’s securities biggest mover first', () => {
    expect(impactsForSecurity(impacts, 9988).map((i) => i.eventId)).toEqual(['late', 'chips']);
    expect(impactsForEvent(impacts, 'chips').map((i) => i.securityId)).toEqual([1024, 9988]);
  });
});
