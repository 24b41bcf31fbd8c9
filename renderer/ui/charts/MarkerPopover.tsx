import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartMarker, TradeMarker } from '@shared/api/charts';
import { flagLevels } from '@shared/domain/charts/markers';
import { longDate, timeOf } from './chartFormat';
import './markers.css';

/** Flag heads are 18 px wide: closer than this, nearby days stack their flags upwards. */
const FLAG_GAP = 20;
/**
 * A flag's accessible name reads out this many headlines, then the count: a column of a long
 * range holds a hundred articles, and reading them all out helps no one (the popover and
 * News list them); building those labels was most of opening the Portfolio tab at Max.
 */
const LABEL_HEADLINES = 3;

/** What a news marker says on hover or focus: each headline with its source and anchoring. */
export function MarkerPopover({ marker, locale, x, y }: { marker: ChartMarker; locale: string; x: number; y: number }): ReactElement {
  const { t } = useTranslation('charts');
  return (
    <div className="chart-popover" style={{ left: x, top: y }} role="tooltip">
      <div className="chart-popover-date">
        {longDate(marker.sessionDate, locale)}
        {marker.count > 1 ? t('marker.count', { count: marker.count }) : ''}
        {marker.beyondData ? t('marker.afterLastPrice') : ''}
      </div>
      {marker.events.map((e) => (
        <div key={`${e.eventId}-${e.securityId}`} className="chart-popover-event">
          <div className="chart-popover-headline">{e.headline}</div>
          <div className="chart-popover-meta">
            {e.source || t('marker.unknownSource')}
            {e.anchorLabel ? <span className="badge badge-warning">{e.anchorLabel}</span> : null}
          </div>
        </div>
      ))}
      <div className="chart-popover-hint">{t('marker.hint')}</div>
    </div>
  );
}

/**
 * The marker shape on the line: a flag with the count. Focusable and clickable,
 * so keyboard users reach the news too. Its texts come from MarkerLayer: one
 * translation hook per chart instead of one per flag (hundreds of flags on a
 * screen of price charts made the hooks a tenth of the mount).
 */
export function MarkerShape({
  cx,
  cy,
  marker,
  color,
  label,
  letter,
  onHover,
  onOpen,
  level = 0,
}: {
  cx?: number;
  cy?: number;
  /** Stacking level among nearby flags (flagLevels): each lifts the head by one flag. */
  level?: number;
  marker: ChartMarker;
  color: string;
  /** The flag's accessible name: its date and headlines. */
  label: string;
  /** The head's text when the flag holds one article. */
  letter: string;
  onHover(marker: ChartMarker | null, x: number, y: number): void;
  onOpen(marker: ChartMarker): void;
}): ReactElement | null {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const top = cy - 26 - level * FLAG_GAP;
  // One translate to the head's centre and the constant look in markers.css: a screen of
  // price charts mounts hundreds of flags, and each attribute set is DOM work.
  return (
    <g
      className="chart-marker"
      data-testid="event-marker"
      data-session={marker.sessionDate}
      data-count={marker.count}
      tabIndex={0}
      role="button"
      aria-label={label}
      transform={`translate(${cx} ${top})`}
      color={color}
      onMouseEnter={() => onHover(marker, cx, top)}
      onMouseLeave={() => onHover(null, 0, 0)}
      onFocus={() => onHover(marker, cx, top)}
      onBlur={() => onHover(null, 0, 0)}
      onClick={() => onOpen(marker)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(marker);
        }
      }}
    >
      <line className="chart-marker-stem" y1={cy - top} y2={9} strokeDasharray={marker.beyondData ? '2 2' : undefined} />
      <circle className="chart-marker-dot" cy={cy - top} />
      <circle className="chart-marker-head" />
      <text className="chart-marker-letter" y={3.5}>
        {marker.count > 1 ? marker.count : letter}
      </text>
    </g>
  );
}

/** Buy (up triangle, below the line) and sell (down triangle, above) markers. */
export function TradeShape({ cx, cy, side }: { cx?: number; cy?: number; side: 'buy' | 'sell' }): ReactElement | null {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const buy = side === 'buy';
  const y = buy ? cy + 12 : cy - 12;
  const d = buy ? `M${cx} ${y - 6} L${cx + 6} ${y + 5} L${cx - 6} ${y + 5} Z` : `M${cx} ${y + 6} L${cx + 6} ${y - 5} L${cx - 6} ${y - 5} Z`;
  return (
    <path
      d={d}
      data-testid={`trade-${side}`}
      fill={buy ? 'var(--positive)' : 'var(--negative)'}
      stroke="var(--surface)"
      strokeWidth={1.5}
    />
  );
}

/** "News on Mon, 12 Jan 2026: headline (anchored from …)"; over LABEL_HEADLINES articles, the date carries the count and the first headlines end in "; …". */
function markerLabel(marker: ChartMarker, locale: string, t: TFunction<'charts'>): string {
  const first = marker.events[0];
  const shown = marker.events.slice(0, LABEL_HEADLINES);
  // A merged flag lists a few of its news (marker.count says how many there are).
  const more = Math.max(marker.count, marker.events.length) > shown.length;
  const headlines = `${shown.map((e) => e.headline).join('; ')}${more ? '; …' : ''}${first?.anchorLabel ? ` (${first.anchorLabel})` : ''}`;
  const date = longDate(marker.sessionDate, locale) + (more ? t('marker.count', { count: Math.max(marker.count, marker.events.length) }) : '');
  return t('marker.label', { date, headlines });
}

/**
 * All news flags and trade triangles of a chart in one layer, placed with the
 * chart's own scales. One component instead of a ReferenceDot per marker keeps
 * mounting cheap (each ReferenceDot is registered in the chart's store).
 */
export function MarkerLayer({
  markers,
  trades = [],
  yAxisId,
  locale,
  colorOf,
  onHover,
  onOpen,
}: {
  markers: readonly ChartMarker[];
  trades?: readonly TradeMarker[];
  yAxisId?: string;
  locale: string;
  colorOf(marker: ChartMarker): string;
  onHover(marker: ChartMarker | null, x: number, y: number): void;
  onOpen(marker: ChartMarker): void;
}): ReactElement | null {
  const { t } = useTranslation('charts');
  const xScale = useXAxisScale();
  const yScale = useYAxisScale(yAxisId);
  const area = usePlotArea();
  // The labels depend on the markers only; the layer re-renders with every change of the chart's store.
  const labels = useMemo(() => markers.map((marker) => markerLabel(marker, locale, t)), [markers, locale, t]);
  if (!xScale || !yScale || !area) return null;
  const letter = t('marker.letter');
  const placed = markers.map((m) => xScale(timeOf(m.sessionDate)));
  const levels = flagLevels(placed.map((x) => x ?? -1e9), FLAG_GAP);
  const inside = (cx: number | undefined, cy: number | undefined): cx is number =>
    cx !== undefined && cy !== undefined && cx >= area.x - 0.5 && cx <= area.x + area.width + 0.5 && cy >= area.y - 0.5 && cy <= area.y + area.height + 0.5;
  return (
    <g className="chart-markers">
      {trades.map((t) => {
        const cx = xScale(timeOf(t.date));
        const cy = yScale(t.y);
        return inside(cx, cy) ? <TradeShape key={`${t.date}-${t.side}-${t.quantity}`} cx={cx} cy={cy} side={t.side} /> : null;
      })}
      {markers.map((m, i) => {
        const cy = m.y === null ? undefined : yScale(m.y);
        const cx = placed[i];
        return inside(cx, cy) ? (
          <MarkerShape key={`${m.sessionDate}-${i}`} cx={cx} cy={cy} level={levels[i]} marker={m} color={colorOf(m)} label={labels[i] ?? ''} letter={letter} onHover={onHover} onOpen={onOpen} />
        ) : null;
      })}
    </g>
  );
}

/** Horizontal grid lines at known ticks, drawn with the chart's scale (cheaper to mount than CartesianGrid). */
export function GridLines({ ticks, yAxisId }: { ticks: readonly number[]; yAxisId?: string }): ReactElement | null {
  const yScale = useYAxisScale(yAxisId);
  const area = usePlotArea();
  if (!yScale || !area) return null;
  return (
    <g className="chart-grid" aria-hidden="true">
      {ticks.map((t) => {
        const y = yScale(t);
        return y === undefined ? null : <line key={t} x1={area.x} x2={area.x + area.width} y1={y} y2={y} stroke="var(--border)" />;
      })}
    </g>
  );
}
