import { useState, type ReactElement, type ReactNode } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { lowerBound } from '@shared/domain/charts/sorted-search';

/**
 * Hover for a time-series chart without recharts' Tooltip: the pointer's time
 * is found by binary search among the points (all real bars), so one hover is
 * a few microseconds of work and one small re-render of this layer only.
 */
export function HoverLayer<P extends { t: number }>({
  points,
  yOf,
  yAxisId,
  color,
  render,
  children,
}: {
  points: readonly P[];
  yOf(point: P): number | null;
  yAxisId?: string;
  color: string;
  render(point: P): ReactNode;
  /** Drawn above the hover area (so they keep their own pointer events) and below the cursor and tooltip. */
  children?: ReactNode;
}): ReactElement | null {
  const area = usePlotArea();
  const toTime = useXAxisInverseScale();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale(yAxisId);
  const [index, setIndex] = useState<number | null>(null);
  if (!area || !toTime || !xScale || !yScale) return null;

  const onMove = (clientX: number, target: SVGGraphicsElement): void => {
    const box = (target.ownerSVGElement ?? target).getBoundingClientRect();
    const time = Number(toTime(clientX - box.left));
    if (!Number.isFinite(time) || points.length === 0) return;
    const after = lowerBound(points.length, (i) => (points[i] as P).t < time);
    const before = Math.max(0, after - 1);
    const nearest = after >= points.length || time - (points[before] as P).t <= (points[after] as P).t - time ? before : after;
    setIndex(nearest);
  };

  const point = index === null ? undefined : points[index];
  const x = point ? xScale(point.t) : undefined;
  const yValue = point ? yOf(point) : null;
  const y = yValue === null ? undefined : yScale(yValue);
  const tooltipWidth = 200;
  const left = x === undefined ? 0 : x + 14 + tooltipWidth > area.x + area.width ? x - 14 - tooltipWidth : x + 14;

  return (
    <g className="chart-hover">
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        data-testid="chart-hover-area"
        onMouseMove={(e) => onMove(e.clientX, e.currentTarget)}
        onMouseLeave={() => setIndex(null)}
      />
      {children}
      {point && x !== undefined ? (
        <g pointerEvents="none">
          <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke="var(--text-3)" strokeDasharray="3 3" />
          {y !== undefined ? <circle cx={x} cy={y} r={4} fill={color} stroke="var(--surface)" strokeWidth={2} /> : null}
          {/* Taller than the tooltip, so its shadow is not cut off at the box's edge. */}
          <foreignObject x={left} y={area.y + 8} width={tooltipWidth} height={TOOLTIP_BOX_HEIGHT}>
            {render(point)}
          </foreignObject>
        </g>
      ) : null}
    </g>
  );
}

const TOOLTIP_BOX_HEIGHT = 160;
