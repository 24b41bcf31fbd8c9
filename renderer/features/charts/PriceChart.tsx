import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactElement, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Brush, ComposedChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartMarker, PricePoint, TradeMarker } from '@shared/api/charts';
import { formatMoney, formatNumber, formatPercent, signClass } from '@renderer/ui/format';
import type { PriceInterval } from '@shared/domain/prices/interval';
import { logAxis } from '@shared/domain/charts/log-ticks';
import { mergeCandles } from '@shared/domain/charts/ohlc-buckets';
import { axisNumber, barLabel, linePath, niceAxis, stepAreaPath, timeAxis, timeOf, dayTickFormatter } from '@renderer/ui/charts/chartFormat';
import { HoverLayer } from './HoverLayer';
import { GridLines, MarkerLayer, MarkerPopover } from '@renderer/ui/charts/MarkerPopover';

export interface PriceChartProps {
  points: readonly PricePoint[];
  markers: readonly ChartMarker[];
  trades: readonly TradeMarker[];
  currency: string;
  locale: string;
  height?: number;
  showVolume?: boolean;
  showBrush?: boolean;
  color?: string;
  /** Fixed pixel width instead of following the container (the bench uses it). */
  width?: number;
  /** Spacing of the bars: a monthly bar's tooltip names its month, not a day. */
  interval?: PriceInterval;
  /** Logarithmic price axis: equal heights are equal percentage moves. */
  logScale?: boolean;
  /** The close as a line, or each bar as a candlestick or an OHLC bar (when the data has open, high and low). */
  style?: PriceStyle;
  onOpenEvent?(marker: ChartMarker): void;
}

export type PriceStyle = 'line' | 'candles' | 'ohlc';

interface Row extends PricePoint {
  t: number;
}

/**
 * The close line of one security with its news flags and trades. Takes prepared
 * series only: every point is a real bar, so the tooltip's values are exact.
 */
export const PriceChart = memo(function PriceChart({
  points,
  markers,
  trades,
  currency,
  locale,
  height = 380,
  showVolume = false,
  showBrush = true,
  color = 'var(--series-1)',
  width: fixedWidth,
  interval = 'daily',
  logScale = false,
  style = 'line',
  onOpenEvent,
}: PriceChartProps): ReactElement {
  const boxRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(boxRef, fixedWidth === undefined);
  const width = fixedWidth ?? box?.width;
  const chartHeight = fixedWidth === undefined ? (box?.height ?? 0) : height;
  const [hover, setHover] = useState<{ marker: ChartMarker; x: number; y: number } | null>(null);
  const rows = useMemo<Row[]>(() => points.map((p) => ({ ...p, t: timeOf(p.date) })), [points]);
  const first = rows[0]?.t ?? 0;
  const lastBar = rows[rows.length - 1]?.t ?? 0;
  const lastMarker = markers.reduce((m, k) => Math.max(m, timeOf(k.sessionDate)), lastBar);
  const tickTime = useMemo(() => dayTickFormatter(locale), [locale]);
  const maxVolume = useMemo(() => rows.reduce((m, r) => Math.max(m, r.volume ?? 0), 0), [rows]);
  const volume = showVolume && maxVolume > 0;
  // Room above and below the line, so trade triangles and flags never sit on the axis.
  const yAxis = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const low = style === 'line' ? r.close : Math.min(r.close, r.low ?? r.close);
      const high = style === 'line' ? r.close : Math.max(r.close, r.high ?? r.close);
      if (low < lo) lo = low;
      if (high > hi) hi = high;
    }
    for (const t of trades) {
      lo = Math.min(lo, t.y);
      hi = Math.max(hi, t.y);
    }
    if (!Number.isFinite(lo)) return niceAxis(0, 1);
    if (logScale && lo > 0) return logAxis(lo / 1.04, hi * 1.04, 7);
    const pad = (hi - lo || hi || 1) * 0.06;
    return niceAxis(Math.max(0, lo - pad), hi + pad, 6);
  }, [rows, trades, logScale, style]);
  const log = logScale && yAxis.domain[0] > 0;
  const yDomain = yAxis.domain;
  // The brush's selection as a time window (indices into rows); null is everything.
  const [window, setWindow] = useState<{ start: number; end: number } | null>(null);
  const brush = showBrush && rows.length > 20;
  const xDomain = useMemo<[number, number]>(() => {
    const from = window ? rows[window.start]?.t : undefined;
    const to = window ? rows[window.end]?.t : undefined;
    return from !== undefined && to !== undefined && to > from ? [from, window && window.end < rows.length - 1 ? to : lastMarker] : [first, lastMarker];
  }, [window, rows, first, lastMarker]);
  const xAxisShown = useMemo(() => timeAxis(xDomain[0], xDomain[1], Math.max(2, Math.round((width ?? 900) / 150)), locale), [xDomain, width, locale]);
  const xTicksShown = xAxisShown.ticks;
  const tickTimeShown = xAxisShown.format;

  const yFormat = useCallback((v: number) => axisNumber(v, locale, currency), [locale, currency]);

  const chart = (
    // recharts gets the rows only for the brush (it slides over data indices): the line and
    // the volume are drawn as one path each by SeriesPaths, so recharts never walks the points.
    <ComposedChart data={brush ? rows : NO_ROWS} margin={{ top: 34, right: 16 + Y_AXIS_WIDTH, bottom: 4 + X_AXIS_HEIGHT, left: 8 }} width={width} height={chartHeight}>
      <GridLines ticks={yAxis.ticks} yAxisId="price" />
      {/* The axes define the scales; their ticks are drawn by AxisTicks (recharts' own measure every label). */}
      {/* Known ticks and niceTicks="none": otherwise recharts computes nice ticks (with decimal.js) for axes it never shows. */}
      <XAxis dataKey="t" type="number" scale="linear" domain={xDomain} ticks={xTicksShown} niceTicks="none" allowDataOverflow hide />
      <YAxis yAxisId="price" orientation="right" scale={log ? 'log' : 'linear'} domain={yDomain} ticks={yAxis.ticks} niceTicks="none" allowDataOverflow hide />
      <AxisTicks xTicks={xTicksShown} xFormat={tickTimeShown} yTicks={yAxis.ticks} yFormat={yFormat} />
      {volume ? <YAxis yAxisId="volume" hide domain={[0, maxVolume * 4]} ticks={NO_TICKS} niceTicks="none" allowDataOverflow /> : null}
      <SeriesPaths rows={rows} color={color} volumeAxisId={volume ? 'volume' : undefined} log={log} style={style} />
      <HoverLayer
        points={rows}
        yOf={(r) => r.close}
        yAxisId="price"
        color={color}
        render={(r) => <PriceTooltip active row={r} currency={currency} locale={locale} interval={interval} bars={style !== 'line'} />}
      >
        <MarkerLayer
          markers={markers}
          trades={trades}
          yAxisId="price"
          locale={locale}
          colorOf={() => 'var(--series-6)'}
          onHover={(marker, x, y) => setHover(marker ? { marker, x, y } : null)}
          onOpen={(marker) => onOpenEvent?.(marker)}
        />
      </HoverLayer>
      {brush ? (
        <Brush
          dataKey="t"
          height={36}
          stroke="var(--border-strong)"
          fill="var(--surface-2)"
          tickFormatter={tickTime}
          travellerWidth={8}
          dy={X_AXIS_HEIGHT}
          onChange={({ startIndex, endIndex }) =>
            setWindow(startIndex === undefined || endIndex === undefined || (startIndex <= 0 && endIndex >= rows.length - 1) ? null : { start: startIndex, end: endIndex })
          }
        >
          <BrushLine rows={rows} yDomain={yDomain} />
        </Brush>
      ) : null}
    </ComposedChart>
  );

  return (
    <div className="chart-frame" style={{ height }} onMouseLeave={() => setHover(null)}>
      {fixedWidth === undefined ? (
        <div ref={boxRef} className="chart-box">
          {width && chartHeight > 0 ? chart : null}
        </div>
      ) : (
        chart
      )}
      {hover ? <MarkerPopover marker={hover.marker} locale={locale} x={hover.x} y={hover.y} /> : null}
    </div>
  );
});

const NO_ROWS: Row[] = [];
const NO_TICKS: number[] = [];

/**
 * The box's size, read before the first paint and then on every resize: the chart
 * renders once with a known width (ResponsiveContainer renders empty, measures, and
 * renders again).
 */
function useBoxSize(ref: RefObject<HTMLDivElement | null>, enabled: boolean): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return undefined;
    const update = (width: number, height: number): void => {
      const next = { width: Math.floor(width), height: Math.floor(height) };
      setSize((prev) => (prev && prev.width === next.width && prev.height === next.height ? prev : next));
    };
    const rect = el.getBoundingClientRect();
    update(rect.width, rect.height);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return size;
}
const X_AXIS_HEIGHT = 30;
const Y_AXIS_WIDTH = 64;

/**
 * Time ticks under the plot and price ticks on its right, placed with the chart's
 * scales: plain SVG text instead of recharts' Text, which measures each label
 * and re-renders the axis once it has read the font size.
 */
function AxisTicks({ xTicks, xFormat, yTicks, yFormat }: { xTicks: readonly number[]; xFormat(t: number): string; yTicks: readonly number[]; yFormat(v: number): string }): ReactElement | null {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale('price');
  const area = usePlotArea();
  if (!xScale || !yScale || !area) return null;
  const bottom = area.y + area.height;
  const right = area.x + area.width;
  return (
    <g className="chart-axes" fontSize={12} fill="var(--text-3)">
      <line x1={area.x} x2={right} y1={bottom} y2={bottom} stroke="var(--text-3)" />
      <g className="chart-axis-x" textAnchor="middle">
        {xTicks.map((t) => {
          const x = xScale(t);
          return x === undefined || x < area.x - 0.5 || x > right + 0.5 ? null : (
            // a label near either end grows inwards, so it is never cut off by the frame
            <text key={t} x={x} y={bottom + 8} dy="0.71em" textAnchor={x - area.x < 28 ? 'start' : right - x < 28 ? 'end' : undefined}>
              {xFormat(t)}
            </text>
          );
        })}
      </g>
      <g className="chart-axis-y" textAnchor="start">
        {yTicks.map((v) => {
          const y = yScale(v);
          return y === undefined ? null : (
            <text key={v} x={right + 8} y={y} dy="0.355em">
              {yFormat(v)}
            </text>
          );
        })}
      </g>
    </g>
  );
}
/** A linear scale as `a + b·v`, read off two of its values. */
function linearOf(scale: (v: number) => number | undefined, v0: number, v1: number): (v: number) => number {
  const p0 = scale(v0) ?? Number.NaN;
  const slope = ((scale(v1) ?? Number.NaN) - p0) / (v1 - v0);
  return (v) => p0 + (v - v0) * slope;
}

/** The narrowest candle or OHLC bar drawn, px: narrower ones merge with their neighbours. */
const MIN_BAR_PX = 3;

/**
 * Every bar as one of two paths (rising, falling): a candle is a wick line and a body
 * rectangle, an OHLC bar a high–low line with ticks left (open) and right (close). Two
 * path strings keep a thousand bars as cheap to mount as the line. Bars closer than
 * MIN_BAR_PX merge (mergeCandles: no move lost), as a chart tool draws weekly bars
 * when daily ones no longer fit.
 */
function barPaths(rows: readonly Row[], toX: (t: number) => number, y: (v: number) => number, style: 'candles' | 'ohlc', plotWidth: number): { up: string; down: string } {
  const candles = mergeCandles(rows, plotWidth > 0 ? plotWidth / MIN_BAR_PX : rows.length);
  const step = candles.length > 1 ? plotWidth / candles.length : 8;
  const half = Math.max(0.5, Math.min(6, step * 0.35));
  const r1 = (v: number): number => Math.round(v * 10) / 10;
  // the body's width, the same for every candle: written once
  const across = `h${r1(half * 2)}v`;
  const back = `h${r1(-half * 2)}Z`;
  let up = '';
  let down = '';
  for (const c of candles) {
    const high = y(c.high);
    const low = y(c.low);
    const cx = r1(toX((c.from + c.to) / 2));
    const yo = y(c.open);
    const yc = y(c.close);
    let d: string;
    if (style === 'candles') {
      const top = Math.min(yo, yc);
      const height = Math.max(1, Math.abs(yc - yo));
      d = `M${cx} ${r1(high)}V${r1(top)}M${cx} ${r1(top + height)}V${r1(low)}M${r1(cx - half)} ${r1(top)}${across}${r1(height)}${back}`;
    } else {
      d = `M${cx} ${r1(high)}V${r1(low)}M${r1(cx - half)} ${r1(yo)}H${cx}M${cx} ${r1(yc)}H${r1(cx + half)}`;
    }
    if (c.close >= c.open) up += d;
    else down += d;
  }
  return { up, down };
}

/** A log scale as `a + b·ln v`, read off two of its values. */
function logOf(scale: (v: number) => number | undefined, v0: number, v1: number): (v: number) => number {
  const p0 = scale(v0) ?? Number.NaN;
  const slope = ((scale(v1) ?? Number.NaN) - p0) / (Math.log(v1) - Math.log(v0));
  return (v) => p0 + (Math.log(v) - Math.log(v0)) * slope;
}

/**
 * The close line (and the volume as a stepped area) as one precomputed path each,
 * placed with the chart's own scales: the same picture as a recharts Line/Area
 * without a props object and point per row.
 */
function SeriesPaths({ rows, color, volumeAxisId, log = false, style = 'line' }: { rows: readonly Row[]; color: string; volumeAxisId?: string; log?: boolean; style?: PriceStyle }): ReactElement | null {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale('price');
  const volumeScale = useYAxisScale(volumeAxisId ?? 'price');
  const area = usePlotArea();
  const clipId = useId();
  const paths = useMemo(() => {
    if (!xScale || !yScale || rows.length === 0) return null;
    // All three scales are linear: two calls each give the mapping, the points need
    // no further calls (a scale call costs far more than a multiply-add).
    const t0 = (rows[0] as Row).t;
    const toX = linearOf(xScale, t0, t0 + 86_400_000);
    // a log axis is linear in ln(price): read it off two prices and map ln(close)
    const toY = log ? logOf(yScale, 1, Math.E) : linearOf(yScale, 0, 1);
    const x = (r: Row): number => toX(r.t);
    const line = style === 'line' ? linePath(rows, x, (r) => toY(r.close)) : '';
    const bars = style === 'line' ? null : barPaths(rows, toX, toY, style, area?.width ?? 0);
    if (!volumeAxisId || !volumeScale) return { line, bars, volume: null };
    // Steps change halfway between bars (recharts' type="step").
    const toV = linearOf(volumeScale, 0, 1);
    const volume = stepAreaPath(rows, x, (r) => toV(r.volume ?? 0), toV(0));
    return { line, bars, volume };
  }, [rows, xScale, yScale, volumeScale, volumeAxisId, log, style, area?.width]);
  if (!paths || !area) return null;
  return (
    <g className="chart-series">
      <clipPath id={clipId}>
        <rect x={area.x} y={area.y} width={area.width} height={area.height} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        {paths.volume ? <path d={paths.volume} fill="var(--border-strong)" fillOpacity={0.7} stroke="none" data-testid="volume-area" /> : null}
        {paths.bars ? (
          <>
            <path d={paths.bars.up} fill={style === 'candles' ? 'var(--positive)' : 'none'} stroke="var(--positive)" strokeWidth={1} data-testid="price-bars-up" />
            <path d={paths.bars.down} fill={style === 'candles' ? 'var(--negative)' : 'none'} stroke="var(--negative)" strokeWidth={1} data-testid="price-bars-down" />
          </>
        ) : (
          <path d={paths.line} fill="none" stroke={color} strokeWidth={1.75} strokeLinejoin="round" data-testid="price-line" />
        )}
      </g>
    </g>
  );
}

/** The brush's overview line: one path in the box the brush hands its child (x, y, width, height). */
function BrushLine({ rows, yDomain, x = 0, y = 0, width = 0, height = 0 }: { rows: readonly Row[]; yDomain: [number, number]; x?: number; y?: number; width?: number; height?: number }): ReactElement | null {
  const d = useMemo(() => {
    const first = rows[0]?.t;
    const last = rows[rows.length - 1]?.t;
    if (first === undefined || last === undefined || !(last > first) || width <= 0 || height <= 0) return null;
    const [lo, hi] = yDomain;
    const span = hi - lo || 1;
    return linePath(
      rows,
      (r) => x + ((r.t - first) / (last - first)) * width,
      (r) => y + height - 2 - ((r.close - lo) / span) * (height - 4),
    );
  }, [rows, yDomain, x, y, width, height]);
  return d ? <path d={d} fill="none" stroke="var(--text-3)" strokeWidth={1} pointerEvents="none" /> : null;
}

/**
 * The hovered bar: its close and change, and in the candle and OHLC styles its open,
 * high and low too (the figures the drawn bar stands for), as chart tools show them.
 */
function PriceTooltip({ active, row, currency, locale, interval, bars = false }: { active?: boolean; row?: Row; currency: string; locale: string; interval: PriceInterval; bars?: boolean }): ReactElement | null {
  const { t } = useTranslation('charts');
  if (!active || !row) return null;
  const change = row.prevClose !== null && row.prevClose > 0 ? row.close / row.prevClose - 1 : null;
  const labels = { open: t('tooltip.open'), high: t('tooltip.high'), low: t('tooltip.low') };
  const ohl = bars ? OHL_KEYS.flatMap((key) => { const value = row[key]; return typeof value === 'number' ? [{ key, value }] : []; }) : [];
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-date">{barLabel(row.date, interval, locale)}</div>
      {ohl.map(({ key, value }) => (
        <div key={key} className="chart-tooltip-row" data-testid={`tooltip-${key}`}>
          <span>{labels[key]}</span>
          <span className="num">{formatMoney(value, currency, locale)}</span>
        </div>
      ))}
      <div className="chart-tooltip-row">
        <span>{t('tooltip.close')}</span>
        <span className="num">{formatMoney(row.close, currency, locale)}</span>
      </div>
      <div className="chart-tooltip-row">
        <span>{interval === 'monthly' ? t('tooltip.changeMonth') : interval === 'weekly' ? t('tooltip.changeWeek') : t('tooltip.change')}</span>
        <span className={`num ${signClass(change)}`}>{formatPercent(change, locale)}</span>
      </div>
      {row.volume !== null && row.volume > 0 ? (
        <div className="chart-tooltip-row">
          <span>{t('tooltip.volume')}</span>
          <span className="num">{formatNumber(row.volume, locale, 0)}</span>
        </div>
      ) : null}
    </div>
  );
}

const OHL_KEYS = ['open', 'high', 'low'] as const;
