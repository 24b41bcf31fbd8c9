import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/components.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChartMarker, PricePoint } from '@shared/api/charts';
import { buildPriceChartSeries } from '@shared/domain/charts/price-chart-series';
import { addDays, isWeekend } from '@shared/domain/common/dates';
import { seededRandom } from '@shared/domain/common/random';
import { CompareChart } from '@renderer/features/charts/CompareChart';
import { PriceChart, type PriceStyle } from '@renderer/features/charts/PriceChart';
import { ohlcBuckets } from '@shared/domain/charts/ohlc-buckets';
import type { Comparison } from '@shared/api/charts';
import { commonGridIndices } from '@shared/domain/charts/common-grid';

/**
 * Bench page (renderer/bench.html, not part of the app): renders N price charts
 * of generated 20-year daily series with the real PriceChart component, either
 * prepared like the app does (min/max downsampling to the pixel width) or with
 * every bar, and measures render and hover work. Driven by bench/render.ts.
 */
interface BenchResult {
  mode: string;
  series: number;
  barsPerSeries: number;
  pointsPerSeries: number;
  prepareMs: number;
  renderMs: number[];
  hoverMs: number[];
}

declare global {
  interface Window {
    runChartBench(options: { mode: 'prepared' | 'full'; series: number; years: number; width: number; hoverSteps: number; volume?: boolean; markers?: boolean; pxPerColumn?: number; repeats?: number; layout?: 'charts' | 'compare'; logScale?: boolean; style?: PriceStyle; keep?: boolean }): Promise<BenchResult>;
  }
}

const CHART_HEIGHT = 260;

type BenchBar = { date: string; open: number; high: number; low: number; close: number; volume: number };

function generate(seed: number, years: number): { bars: BenchBar[]; markers: { eventId: number; sessionDate: string; headline: string; source: string; anchoredFrom: null }[] } {
  const random = seededRandom(seed);
  const bars: BenchBar[] = [];
  let date = `${2026 - years}-01-01`;
  let close = 50 + random() * 100;
  while (date < '2026-01-01') {
    if (!isWeekend(date)) {
      const open = close;
      close *= 1 + (random() - 0.5) * 0.04;
      const high = Math.max(open, close) * (1 + random() * 0.01);
      const low = Math.min(open, close) * (1 - random() * 0.01);
      bars.push({ date, open, high, low, close, volume: Math.round(1e6 * (0.5 + random())) });
    }
    date = addDays(date, 1);
  }
  const markers = Array.from({ length: 24 }, (_, i) => {
    const bar = bars[Math.floor(((i + 0.5) / 24) * bars.length)]!;
    return { eventId: seed * 100 + i, sessionDate: bar.date, headline: `Event ${i + 1}`, source: 'Bench', anchoredFrom: null };
  });
  return { bars, markers };
}

const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

window.runChartBench = async ({ mode, series, years, width, hoverSteps, volume = false, markers: withMarkers = true, pxPerColumn = 2, repeats = 1, layout = 'charts', logScale = false, style = 'line', keep = false }) => {
  const data = Array.from({ length: series }, (_, i) => generate(i + 1, years));
  const t0 = performance.now();
  const prepared = (layout === 'charts' ? data : []).map(({ bars, markers }) => {
    if (mode === 'prepared') {
      const s = buildPriceChartSeries(bars, 'Max', Math.floor(width / pxPerColumn), markers);
      // Points come in date order: one forward walk finds each point's bar.
      let i = 0;
      const kept: number[] = [];
      const points: PricePoint[] = s.points.map((p) => {
        while (i < bars.length - 1 && bars[i]!.date < p.date) i++;
        kept.push(i);
        return { date: p.date, close: p.close, prevClose: bars[i - 1]?.close ?? null, volume: bars[i]?.volume ?? null };
      });
      // candles of the downsampled points span their buckets, as the backend prepares them
      if (style !== 'line') ohlcBuckets(bars, kept).forEach((c, k) => Object.assign(points[k]!, { open: c.open, high: c.high, low: c.low }));
      const chartMarkers: ChartMarker[] = s.markers.map((m) => ({
        sessionDate: m.sessionDate,
        count: m.count,
        y: m.y,
        beyondData: m.beyondData,
        events: m.markers.map((e) => ({ eventId: Number(e.eventId), securityId: 1, headline: e.headline, source: e.source, date: e.sessionDate, anchoredFrom: null, anchorLabel: null })),
      }));
      return { points, markers: chartMarkers };
    }
    const points: PricePoint[] = bars.map((b, i) => ({ date: b.date, close: b.close, prevClose: bars[i - 1]?.close ?? null, volume: b.volume, open: b.open, high: b.high, low: b.low }));
    const chartMarkers: ChartMarker[] = markers.map((m) => ({
      sessionDate: m.sessionDate,
      count: 1,
      y: bars.find((b) => b.date === m.sessionDate)?.close ?? null,
      beyondData: false,
      events: [{ eventId: m.eventId, securityId: 1, headline: m.headline, source: m.source, date: m.sessionDate, anchoredFrom: null, anchorLabel: null }],
    }));
    return { points, markers: chartMarkers };
  });
  // The compare view: all series in one chart, as % from the first bar (LTTB to the width, like charts.compare).
  let compare: Comparison | null = null;
  if (layout === 'compare') {
    // The same preparation as charts.compare: % from the first bar, one common set of days for all lines.
    const rowsByDate = new Map<string, (number | null)[]>();
    data.forEach(({ bars }, index) => {
      const first = bars[0]!.close;
      for (const b of bars) {
        let row = rowsByDate.get(b.date);
        if (!row) rowsByDate.set(b.date, (row = Array.from({ length: data.length }, () => null)));
        row[index] = b.close / first - 1;
      }
    });
    const all = [...rowsByDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const chosen = mode === 'prepared' ? commonGridIndices(all.map(([, v]) => v), width) : all.map((_, i) => i);
    compare = {
      from: data[0]!.bars[0]!.date,
      to: data[0]!.bars.at(-1)!.date,
      series: data.map((_, i) => ({ securityId: i + 1, symbol: `S${i + 1}`, name: `Series ${i + 1}`, startDate: null, last: null })),
      rows: chosen.map((i) => ({ date: all[i]![0], values: all[i]![1] })),
      markers: [],
    };
  }
  const prepareMs = performance.now() - t0;

  const container = document.getElementById('root')!;
  container.innerHTML = '';
  // Several mounts; the machine may be busy, so the fastest and the median are reported.
  const renderRuns: number[] = [];
  let root = createRoot(container);
  for (let run = 0; run < repeats; run++) {
    if (run > 0) {
      root.unmount();
      root = createRoot(container);
      await nextTask();
    }
    const t1 = performance.now();
    flushSync(() =>
      root.render(
        compare ? (
          <div style={{ width }}>
            <CompareChart data={compare} locale="en-GB" width={width} onOpenEvent={() => undefined} />
          </div>
        ) : (
          <div>
            {prepared.map((p, i) => (
              <div key={i} className="bench-chart" style={{ width }}>
                <PriceChart points={p.points} markers={withMarkers ? p.markers : []} trades={[]} currency="USD" locale="en-GB" width={width} height={CHART_HEIGHT} showBrush={false} showVolume={volume} logScale={logScale} style={style} />
              </div>
            ))}
          </div>
        ),
      ),
    );
    void document.body.offsetHeight; // style and layout of everything rendered
    renderRuns.push(performance.now() - t1);
    await nextTask();
  }

  // Hover: mouse moves across the first chart, one step per frame; each step's
  // work is the event, React's update (tooltip, cursor, active dot) and layout.
  // Hover is measured on the price charts (the compare view uses recharts' own rAF-throttled tooltip).
  const target = container.querySelector('[data-testid="chart-hover-area"]');
  if (!target) {
    root.unmount();
    return { mode: `${layout}/${mode}`, series, barsPerSeries: data[0]!.bars.length, pointsPerSeries: compare?.rows.length ?? 0, prepareMs, renderMs: renderRuns, hoverMs: [] };
  }
  const box = target.getBoundingClientRect();
  const hoverMs: number[] = [];
  for (let i = 0; i < hoverSteps; i++) {
    const x = box.left + 2 + ((box.width - 4) * i) / Math.max(1, hoverSteps - 1);
    const y = box.top + box.height / 2;
    const start = performance.now();
    target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
    await nextTask();
    void document.body.offsetHeight;
    hoverMs.push(performance.now() - start);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  const tooltipShown = container.querySelector('.chart-tooltip') !== null;
  if (!tooltipShown) throw new Error('hover did not show the tooltip; the bench measured nothing');
  // keep: the charts stay on the page, for screenshots that compare the look before and after a change
  if (!keep) root.unmount();
  return { mode: `${layout}/${mode}`, series, barsPerSeries: data[0]!.bars.length, pointsPerSeries: compare ? compare.rows.length : (prepared[0]?.points.length ?? 0), prepareMs, renderMs: renderRuns, hoverMs };
};
