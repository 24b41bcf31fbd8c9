import { memo, useMemo, useState, type ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMarker, Comparison } from '@shared/api/charts';
import { formatPercent, signClass } from '@renderer/ui/format';
import { SERIES_COLORS, axisPercent, longDate, noLines, timeOf, timeAxis } from '@renderer/ui/charts/chartFormat';
import { MarkerLayer, MarkerPopover } from '@renderer/ui/charts/MarkerPopover';

const HEIGHT = 400;

/** Follows the container's size, or renders at a fixed width (bench, tests) without waiting for a measurement. */
function Sized({ width, children }: { width?: number; children: ReactElement }): ReactElement {
  return width ? children : <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>;
}

type Row = { t: number; date: string } & Record<string, number | string | null>;

/**
 * Several securities as % change from the first visible session, with the news of each.
 * Memoized: picking another security re-renders the tab at once (the chip), and recharts
 * redrawing the old lines meanwhile cost as much as drawing the new ones.
 */
export const CompareChart = memo(function CompareChart({
  data,
  locale,
  onOpenEvent,
  width,
}: {
  data: Comparison;
  locale: string;
  onOpenEvent(marker: ChartMarker): void;
  /** Fixed pixel width instead of following the container (the bench uses it). */
  width?: number;
}): ReactElement {
  const [hover, setHover] = useState<{ marker: ChartMarker; x: number; y: number } | null>(null);
  const rows = useMemo<Row[]>(
    () =>
      data.rows.map((r) => {
        const row: Row = { t: timeOf(r.date), date: r.date };
        r.values.forEach((v, i) => (row[`s${i}`] = v));
        return row;
      }),
    [data.rows],
  );
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const xAxis = useMemo(() => timeAxis(first, last, 7, locale), [first, last, locale]);
  const tickTime = xAxis.format;
  const xTicks = xAxis.ticks;

  return (
    <div className="chart-frame" style={{ height: HEIGHT }} onMouseLeave={() => setHover(null)}>
      <Sized width={width}>
        <LineChart data={rows} margin={{ top: 34, right: 16, bottom: 4, left: 8 }} width={width} height={width ? HEIGHT - 12 : undefined}>
          <CartesianGrid stroke="var(--border)" vertical={false} verticalCoordinatesGenerator={noLines} />
          <XAxis dataKey="t" type="number" scale="time" domain={[first, last]} ticks={xTicks} tickFormatter={tickTime} stroke="var(--text-3)" tickLine={false} interval={0} fontSize={12} />
          <YAxis orientation="right" interval={0} tickFormatter={(v: number) => axisPercent(v, locale)} stroke="var(--text-3)" tickLine={false} axisLine={false} width={56} fontSize={12} />
          <ReferenceLine y={0} stroke="var(--text-3)" strokeDasharray="4 4" />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as Row | undefined;
              if (!active || !row) return null;
              return (
                <div className="chart-tooltip">
                  <div className="chart-tooltip-date">{longDate(row.date, locale)}</div>
                  {data.series.map((s, i) => {
                    const v = row[`s${i}`];
                    return typeof v === 'number' ? (
                      <div className="chart-tooltip-row" key={s.securityId}>
                        <span>
                          <i className="legend-swatch" style={{ background: SERIES_COLORS[i % 8] }} />
                          {s.symbol}
                        </span>
                        <span className={`num ${signClass(v)}`}>{formatPercent(v, locale)}</span>
                      </div>
                    ) : null;
                  })}
                </div>
              );
            }}
          />
          <Legend verticalAlign="top" align="left" height={28} iconType="plainline" wrapperStyle={{ fontSize: 13, top: 0 }} />
          {data.series.map((s, i) => (
            <Line
              key={s.securityId}
              name={`${s.symbol} · ${s.name}`}
              dataKey={`s${i}`}
              stroke={SERIES_COLORS[i % 8]}
              strokeWidth={1.75}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <MarkerLayer
            markers={data.markers}
            locale={locale}
            colorOf={(m) => SERIES_COLORS[((m as Comparison['markers'][number]).seriesIndex ?? 0) % 8] as string}
            onHover={(marker, x, y) => setHover(marker ? { marker, x, y } : null)}
            onOpen={onOpenEvent}
          />
        </LineChart>
      </Sized>
      {hover ? <MarkerPopover marker={hover.marker} locale={locale} x={hover.x} y={hover.y} /> : null}
    </div>
  );
});
