import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import type { EventMarker } from './markers';
import { buildPriceChartSeries } from './price-chart-series';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const bars = readFileSync(`${FIXTURES_DIR}/prices/yfinance-download-multiheader_9988.HK_2025-2026.csv`, 'utf8')
  .split('\n')
  .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
  .map((line) => ({ date: line.slice(0, 10), close: Number(line.split(',')[1]) }));

const event = (eventId: string, sessionDate: string, anchoredFrom: string | null): EventMarker => ({
  eventId,
  sessionDate,
  headline: eventId,
  source: 'test',
  anchoredFrom,
});

describe('buildPriceChartSeries on 9988.HK, 3M, 20 px', () => {
  const series = buildPriceChartSeries(
    bars,
    '3M',
    20,
    [
      event('de-2026-01-11', '2026-01-12', '2026-01-11'),
      // After the last bar (Fri 27 Feb): anchoring gave approxDate Mon 2 Mar.
      event('weekend-after-data', '2026-03-02', '2026-02-28'),
      // Before the 3M window (27 Nov 2025): not drawn.
      event('rthk', '2025-02-28', '2025-02-27'),
    ],
    [
      { date: '2026-01-09', side: 'buy', quantity: 1000, price: null },
      { date: '2026-02-24', side: 'sell', quantity: 400, price: 149.1 },
    ],
  );

  it('cuts the bars to the range and downsamples them', () => {
    expect(series.start).toBe('2025-11-27');
    expect(series.end).toBe('2026-02-27');
    // 61 bars from 27 Nov 2025 to 27 Feb 2026; 20 columns allow at most 42, plus marker bars.
    expect(series.barCount).toBe(61);
    expect(series.points.length).toBeLessThanOrEqual(42 + 3);
    expect(series.points[0]).toEqual({ date: '2025-11-27', epochDay: toEpochDay('2025-11-27'), close: bars.find((b) => b.date === '2025-11-27')?.close });
  });

  it('puts the event marker on the Monday close and keeps that bar on the line', () => {
    const monday = series.markers.find((m) => m.sessionDate === '2026-01-12');
    expect(monday?.y).toBe(154.3000030517578);
    expect(monday?.count).toBe(1);
    expect(monday?.beyondData).toBe(false);
    expect(series.points.some((p) => p.date === '2026-01-12')).toBe(true);
  });

  it('keeps an event beyond the data on the last close and widens the x domain to it', () => {
    const late = series.markers.find((m) => m.sessionDate === '2026-03-02');
    expect(late?.beyondData).toBe(true);
    expect(late?.y).toBe(142.89999389648438);
    expect(series.xDomain).toEqual([toEpochDay('2025-11-27'), toEpochDay('2026-03-02')]);
    expect(series.markers.some((m) => m.sessionDate === '2025-02-28')).toBe(false);
  });

  it('places trades at their price, or at the close when the price is unknown', () => {
    expect(series.trades.map((t) => [t.date, t.side, t.y])).toEqual([
      ['2026-01-09', 'buy', 146.5],
      ['2026-02-24', 'sell', 149.1],
    ]);
    expect(series.points.some((p) => p.date === '2026-01-09')).toBe(true);
    // Lowest close in range 142.6 (31 Dec 2025); highest checked against the bars directly.
    const inRange = bars.filter((b) => b.date >= '2025-11-27').map((b) => b.close);
    expect(series.yDomain?.[0]).toBe(bars.find((b) => b.date === '2025-12-31')?.close);
    expect(series.yDomain?.[0]).toBeCloseTo(142.6, 4);
    expect(series.yDomain?.[1]).toBe(Math.max(...inRange));
  });

  it('still returns markers without any bars', () => {
    const empty = buildPriceChartSeries([], 'Max', 600, [event('e', '2026-01-12', null)]);
    expect(empty.points).toEqual([]);
    expect(empty.markers[0]?.y).toBeNull();
    expect(empty.markers[0]?.beyondData).toBe(true);
  });
});
