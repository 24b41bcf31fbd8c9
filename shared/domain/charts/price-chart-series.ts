import { toEpochDay, type IsoDate } from '../common/dates';
import { mergeIndices } from './chart-point';
import { stackMarkers, type EventMarker, type StackedMarker } from './markers';
import { minMaxIndicesXY } from './min-max';
import { rangeStart, type ChartRange } from './ranges';
import { firstIndexOnOrAfter, lastIndexOnOrBefore } from './sorted-search';

/** A daily close; PriceBar and portfolio value points fit. */
export interface ChartBar {
  date: IsoDate;
  close: number;
}

/** A buy or sell to mark on the line. */
export interface ChartTrade {
  date: IsoDate;
  side: 'buy' | 'sell';
  quantity: number;
  /** Execution price in the chart's currency; null puts the marker on the close. */
  price: number | null;
}

export interface PriceChartPoint {
  date: IsoDate;
  epochDay: number;
  close: number;
}

export interface PlacedMarker extends StackedMarker {
  epochDay: number;
  /** The session's close; the last close when the session lies beyond the data; null without bars. */
  y: number | null;
  beyondData: boolean;
}

export interface PlacedTrade extends ChartTrade {
  epochDay: number;
  y: number;
}

export interface PriceChartSeries {
  start: IsoDate | null;
  end: IsoDate | null;
  /** Bars in the range before downsampling. */
  barCount: number;
  points: PriceChartPoint[];
  markers: PlacedMarker[];
  trades: PlacedTrade[];
  /** Epoch days; reaches past the last bar when a marker lies beyond the data. */
  xDomain: [number, number] | null;
  yDomain: [number, number] | null;
}

/**
 * Everything the price chart draws, prepared outside React so the component
 * only renders. Bars are cut to the range, then reduced to at most two points
 * per pixel column (min/max, so no spike disappears) while the bars that carry
 * an event or trade marker are always kept, so markers sit on the line.
 * Events keep their place even beyond the last bar (y = last close), because a
 * news item must never vanish from the chart just because prices lag behind.
 */
export function buildPriceChartSeries(
  bars: readonly ChartBar[],
  range: ChartRange,
  widthPx: number,
  events: readonly EventMarker[],
  transactions: readonly ChartTrade[] = [],
): PriceChartSeries {
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (first === undefined || last === undefined) {
    const markers = stackMarkers(events).map((stack) => ({
      ...stack,
      epochDay: toEpochDay(stack.sessionDate),
      y: null,
      beyondData: true,
    }));
    return { start: null, end: null, barCount: 0, points: [], markers, trades: [], xDomain: null, yDomain: null };
  }

  const start = rangeStart(range, last.date, first.date);
  const startIndex = firstIndexOnOrAfter(bars, start);
  const visible = bars.slice(startIndex);
  const keep: number[] = [];

  const markers: PlacedMarker[] = [];
  for (const stack of stackMarkers(events.filter((e) => e.sessionDate >= start))) {
    const index = firstIndexOnOrAfter(visible, stack.sessionDate);
    const bar = visible[index];
    const beyondData = bar === undefined;
    if (!beyondData) keep.push(index);
    // Explicit fields, not a spread: spreading here cost more than everything else together.
    markers.push({
      sessionDate: stack.sessionDate,
      count: stack.count,
      markers: stack.markers,
      epochDay: toEpochDay(stack.sessionDate),
      y: bar?.close ?? last.close,
      beyondData,
    });
  }

  const trades: PlacedTrade[] = [];
  for (const trade of transactions) {
    if (trade.date < start || trade.date > last.date) continue;
    const index = Math.max(0, lastIndexOnOrBefore(visible, trade.date));
    keep.push(index);
    trades.push({
      date: trade.date,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      epochDay: toEpochDay(trade.date),
      y: trade.price ?? (visible[index] as ChartBar).close,
    });
  }
  trades.sort((a, b) => a.epochDay - b.epochDay);

  // Parallel arrays instead of one object per bar: this runs for every series on
  // every range change, and allocation dominated the cost.
  const epochDays = new Float64Array(visible.length);
  const closes = new Float64Array(visible.length);
  let low = Infinity;
  let high = -Infinity;
  visible.forEach((bar, i) => {
    epochDays[i] = toEpochDay(bar.date);
    closes[i] = bar.close;
    if (bar.close < low) low = bar.close;
    if (bar.close > high) high = bar.close;
  });
  const points = mergeIndices(minMaxIndicesXY(epochDays, closes, widthPx), keep, visible.length).map((i) => ({ date: (visible[i] as ChartBar).date, epochDay: epochDays[i] as number, close: closes[i] as number }));

  for (const trade of trades) {
    low = Math.min(low, trade.y);
    high = Math.max(high, trade.y);
  }
  const firstDay = epochDays[0] ?? toEpochDay(start);
  const lastDay = Math.max(toEpochDay(last.date), ...markers.map((m) => m.epochDay));

  return {
    start,
    end: last.date,
    barCount: visible.length,
    points,
    markers,
    trades,
    xDomain: [firstDay, lastDay],
    yDomain: visible.length > 0 ? [low, high] : null,
  };
}
