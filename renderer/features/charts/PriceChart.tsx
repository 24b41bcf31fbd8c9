import { memo, useMemo, useState, type ReactElement } from 'react';
import { Area, Brush, ComposedChart, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartMarker, PricePoint, TradeMarker } from '@shared/api/charts';
import { formatMoney, formatNumber, formatPercent, signClass } from '@renderer/ui/format';
import { axisNumber, longDate, niceAxis, timeOf, timeTickFormatter, timeTicks } from './chartFormat';
import { HoverLayer } from './HoverLayer';
import { GridLines, MarkerLayer, MarkerPopover } from './MarkerPopover';

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
  onOpenEvent?(marker: ChartMarker): void;
}

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
  width,
  onOpenEvent,
}: PriceChartProps): ReactElement {
  const [hover, setHover] = useState<{ marker: ChartMarker; x: number; y: number } | null>(null);
  const rows = useMemo<Row[]>(() => points.map((p) => ({ ...p, t: timeOf(p.date) })), [points]);
  const first = rows[0]?.t ?? 0;
  const lastBar = rows[rows.length - 1]?.t ?? 0;
  const lastMarker = markers.reduce((m, k) => Math.max(m, timeOf(k.sessionDate)), lastBar);
  const spanDays = (lastMarker - first) / 86_400_000;
  const tickTime = useMemo(() => timeTickFormatter(locale, spanDays), [locale, spanDays]);
  const xTicks = useMemo(() => timeTicks(first, lastMarker, Math.max(2, Math.round((width ?? 900) / 150))), [first, lastMarker, width]);
  const maxVolume = useMemo(() => rows.reduce((m, r) => Math.max(m, r.volume ?? 0), 0), [rows]);
  const volume = showVolume && maxVolume > 0;
  // Room above and below the line, so trade triangles and flags never sit on the axis.
  const yAxis = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      if (r.close < lo) lo = r.close;
      if (r.close > hi) hi = r.close;
    }
    for (const t of trades) {
      lo = Math.min(lo, t.y);
      hi = Math.max(hi, t.y);
    }
    if (!Number.isFinite(lo)) return niceAxis(0, 1);
    const pad = (hi - lo || hi || 1) * 0.06;
    return niceAxis(Math.max(0, lo - pad), hi + pad, 6);
  }, [rows, trades]);
  const yDomain = yAxis.domain;

  const chart = (
    <ComposedChart data={rows} margin={{ top: 34, right: 16, bottom: 4, left: 8 }} width={width} height={width ? height : undefined}>
      <GridLines ticks={yAxis.ticks} yAxisId="price" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[first, lastMarker]}
        ticks={xTicks}
        tickFormatter={tickTime}
        stroke="var(--text-3)"
        tickLine={false}
        interval={0}
        fontSize={12}
      />
      <YAxis
        yAxisId="price"
        orientation="right"
        interval={0}
        domain={yDomain}
        ticks={yAxis.ticks}
        allowDataOverflow
        tickFormatter={(v: number) => axisNumber(v, locale, currency)}
        stroke="var(--text-3)"
        tickLine={false}
        axisLine={false}
        width={64}
        fontSize={12}
      />
      {volume ? <YAxis yAxisId="volume" hide domain={[0, maxVolume * 4]} /> : null}
      {/* One stepped area instead of a rect per bar: the same picture at a fraction of the DOM. */}
      {volume ? (
        <Area yAxisId="volume" type="step" dataKey="volume" fill="var(--border-strong)" fillOpacity={0.7} stroke="none" isAnimationActive={false} activeDot={false} />
      ) : null}
      <Line yAxisId="price" type="linear" dataKey="close" stroke={color} strokeWidth={1.75} dot={false} isAnimationActive={false} activeDot={false} />
      <HoverLayer
        points={rows}
        yOf={(r) => r.close}
        yAxisId="price"
        color={color}
        render={(r) => <PriceTooltip active row={r} currency={currency} locale={locale} />}
      />
      <MarkerLayer
        markers={markers}
        trades={trades}
        yAxisId="price"
        locale={locale}
        colorOf={() => 'var(--series-6)'}
        onHover={(marker, x, y) => setHover(marker ? { marker, x, y } : null)}
        onOpen={(marker) => onOpenEvent?.(marker)}
      />
      {showBrush && rows.length > 20 ? (
        <Brush dataKey="t" height={36} stroke="var(--border-strong)" fill="var(--surface-2)" tickFormatter={tickTime} travellerWidth={8}>
          <LineChart data={rows}>
            <YAxis hide domain={yDomain} />
            <Line dataKey="close" stroke="var(--text-3)" strokeWidth={1} dot={false} isAnimationActive={false} />
          </LineChart>
        </Brush>
      ) : null}
    </ComposedChart>
  );

  return (
    <div className="chart-frame" style={{ height }} onMouseLeave={() => setHover(null)}>
      {width ? chart : <ResponsiveContainer width="100%" height="100%">{chart}</ResponsiveContainer>}
      {hover ? <MarkerPopover marker={hover.marker} locale={locale} x={hover.x} y={hover.y} /> : null}
    </div>
  );
});

function PriceTooltip({ active, row, currency, locale }: { active?: boolean; row?: Row; currency: string; locale: string }): ReactElement | null {
  if (!active || !row) return null;
  const change = row.prevClose !== null && row.prevClose > 0 ? row.close / row.prevClose - 1 : null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-date">{longDate(row.date, locale)}</div>
      <div className="chart-tooltip-row">
        <span>Close</span>
        <span className="num">{formatMoney(row.close, currency, locale)}</span>
      </div>
      <div className="chart-tooltip-row">
        <span>Change</span>
        <span className={`num ${signClass(change)}`}>{formatPercent(change, locale)}</span>
      </div>
      {row.volume !== null && row.volume > 0 ? (
        <div className="chart-tooltip-row">
          <span>Volume</span>
          <span className="num">{formatNumber(row.volume, locale, 0)}</span>
        </div>
      ) : null}
    </div>
  );
}
