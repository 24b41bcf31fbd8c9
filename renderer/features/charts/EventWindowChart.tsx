import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, signClass } from '@renderer/ui/format';
import type { EventWindow } from '@shared/api/charts';
import { axisPercent, longDate, noLines } from '@renderer/ui/charts/chartFormat';

type WindowPoint = EventWindow['series'][number]['points'][number];

/**
 * One small multiple of the event window (5 sessions before to 10 after, 0 % at the
 * close before). A file of its own so the chart library loads with it, lazily.
 */
export function EventWindowChart({ points, axis, color, locale }: { points: WindowPoint[]; axis: { domain: [number, number]; ticks: number[] }; color: string; locale: string }): ReactElement {
  const { t } = useTranslation('charts');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} verticalCoordinatesGenerator={noLines} />
        <XAxis dataKey="offset" type="number" domain={[-5, 10]} ticks={[-5, 0, 5, 10]} tickFormatter={(v: number) => (v === 0 ? t('window.eventTick') : v > 0 ? `+${v}` : String(v))} fontSize={11} stroke="var(--text-3)" tickLine={false} />
        <YAxis domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={(v: number) => axisPercent(v, locale)} fontSize={11} width={44} stroke="var(--text-3)" tickLine={false} axisLine={false} />
        <ReferenceLine y={0} stroke="var(--text-3)" strokeDasharray="3 3" />
        <ReferenceLine x={0} stroke="var(--series-6)" />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as WindowPoint | undefined;
            return active && p ? (
              <div className="chart-tooltip">
                <div className="chart-tooltip-date">{longDate(p.date, locale)}</div>
                <div className="chart-tooltip-row"><span>{t('window.sinceCloseBefore')}</span><span className={`num ${signClass(p.change)}`}>{formatPercent(p.change, locale)}</span></div>
              </div>
            ) : null;
          }}
        />
        <Line dataKey="change" stroke={color} strokeWidth={1.75} dot={{ r: 2 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
