import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMarker, ChartSecurity } from '@shared/api/charts';
import type { BenchmarkComparison, ReturnSeries, RollingSeries } from '@shared/api/returns';
import { axisPercent, longDate, noLines, timeAxis, timeOf } from '@renderer/ui/charts/chartFormat';
import { MarkerLayer, MarkerPopover } from '@renderer/ui/charts/MarkerPopover';
import { Banner } from '@renderer/ui/components';
import { useStages } from '@renderer/ui/useStages';
import { formatDate, formatNumber, formatPercent, formatPoints, signClass } from '@renderer/ui/format';
import { usePerformanceStore } from './performanceStore';
import './returns.css';
import { reasonText } from './reasonText';

const FRAME = { top: 34, right: 16, bottom: 4, left: 8 };

function TimeLines<R extends { t: number; date: string }>({
  rows,
  locale,
  height,
  lines,
  tooltip,
  children,
}: {
  rows: R[];
  locale: string;
  height: number;
  lines: { key: string; name: string; color: string; dashed?: boolean }[];
  tooltip(row: R): ReactNode;
  children?: ReactNode;
}): ReactElement {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const xAxis = useMemo(() => timeAxis(first, last, 7, locale), [first, last, locale]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={FRAME}>
        <CartesianGrid stroke="var(--border)" vertical={false} verticalCoordinatesGenerator={noLines} />
        <XAxis dataKey="t" type="number" scale="time" domain={[first, last]} ticks={xAxis.ticks} tickFormatter={xAxis.format} stroke="var(--text-3)" tickLine={false} interval={0} fontSize={12} />
        <YAxis orientation="right" interval={0} tickFormatter={(v: number) => axisPercent(v, locale)} stroke="var(--text-3)" tickLine={false} axisLine={false} width={60} fontSize={12} />
        <ReferenceLine y={0} stroke="var(--text-3)" strokeDasharray="4 4" />
        <Legend verticalAlign="top" align="left" height={28} iconType="plainline" wrapperStyle={{ fontSize: 13, top: 0 }} />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as R | undefined;
            return active && row ? <div className="chart-tooltip">{tooltip(row)}</div> : null;
          }}
        />
        {lines.map((l) => (
          <Line key={l.key} name={l.name} dataKey={l.key} stroke={l.color} strokeWidth={1.75} strokeDasharray={l.dashed ? '5 3' : undefined} dot={false} connectNulls isAnimationActive={false} />
        ))}
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}

function TipRow({ label, value, locale, points }: { label: string; value: number | null; locale: string; points?: boolean }): ReactElement {
  return (
    <div className="chart-tooltip-row">
      <span>{label}</span>
      <span className={`num ${signClass(value)}`}>{points ? formatPoints(value, locale) : formatPercent(value, locale)}</span>
    </div>
  );
}

/** Excess return, beta and alpha against the benchmark, with the observations they rest on. */
function Comparison({ comparison, symbol, locale }: { comparison: BenchmarkComparison; symbol: string; locale: string }): ReactElement {
  const { t } = useTranslation('charts');
  if (comparison.kind === 'unavailable') return <p className="muted small return-reason">{t('perf.against', { symbol, reason: reasonText(comparison.reason, locale) })}</p>;
  const c = comparison;
  return (
    <dl className="benchmark-stats" aria-label={t('perf.againstLabel')}>
      <div>
        <dt>{symbol}</dt>
        <dd className={signClass(c.benchmarkReturn)}>{formatPercent(c.benchmarkReturn, locale)}</dd>
      </div>
      <div title={t('perf.excessTitle')}>
        <dt>{t('perf.excess')}</dt>
        <dd className={signClass(c.excessReturn)}>
          {formatPoints(c.excessReturn, locale)}
          {c.excessAnnualised !== null ? <span className="small muted">{t('perf.perYear', { value: formatPoints(c.excessAnnualised, locale) })}</span> : null}
        </dd>
      </div>
      <div title={t('perf.betaTitle')}>
        <dt>{t('perf.beta')}</dt>
        <dd>{formatNumber(c.beta, locale, 2, 2)}</dd>
      </div>
      <div title={t('perf.alphaTitle')}>
        <dt>{t('perf.alpha')}</dt>
        <dd className={signClass(c.alpha)}>{formatPercent(c.alpha, locale)}</dd>
      </div>
      <div title={t('perf.observationsTitle')}>
        <dt>{t('perf.observations')}</dt>
        <dd>{t('perf.days', { count: c.observations })}</dd>
      </div>
    </dl>
  );
}

function PerformanceCard({
  data,
  securities,
  locale,
  onOpenEvent,
}: {
  data: ReturnSeries;
  securities: readonly ChartSecurity[];
  locale: string;
  onOpenEvent(marker: ChartMarker): void;
}): ReactElement {
  const { t } = useTranslation('charts');
  const benchmarkId = usePerformanceStore((s) => s.benchmarkId);
  const setBenchmark = usePerformanceStore((s) => s.setBenchmark);
  const [hover, setHover] = useState<{ marker: ChartMarker; x: number; y: number } | null>(null);
  const rows = useMemo(() => data.points.map((p) => ({ ...p, t: timeOf(p.date) })), [data.points]);
  const choices = securities.filter((s) => s.kind !== 'fx' && s.barCount > 0).sort((a, b) => Number(b.kind === 'index') - Number(a.kind === 'index') || a.symbol.localeCompare(b.symbol));
  const symbol = data.benchmark?.symbol ?? '';
  const result = data.result;
  return (
    <section className="card chart-card" aria-label={t('perf.title')}>
      <div className="card-header returns-header">
        <h2>{t('perf.title')}</h2>
        {data.start && data.end ? (
          <span className="muted small">{t('perf.range', { from: formatDate(data.start, locale), to: formatDate(data.end, locale), currency: data.baseCurrency })}</span>
        ) : null}
        <span className="returns-header-gap" />
        <label className="small" htmlFor="performance-benchmark">
          {t('perf.benchmark')}
        </label>
        <select id="performance-benchmark" className="select select-small" value={benchmarkId ?? ''} onChange={(e) => setBenchmark(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('perf.none')}</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.symbol} — {s.name}
            </option>
          ))}
        </select>
      </div>
      {result.kind === 'unavailable' ? (
        <p className="returns-body-note muted">{t('perf.unavailable', { reason: reasonText(result.reason, locale) })}</p>
      ) : (
        <>
          <div className="performance-summary">
            <div className="return-figure">
              <div className="stat-label">TTWROR</div>
              <div className={`stat-value ${signClass(result.value)}`}>{formatPercent(result.value, locale)}</div>
              {result.annualised !== null ? <div className={`stat-sub ${signClass(result.annualised)}`}>{t('perf.annualised', { value: formatPercent(result.annualised, locale) })}</div> : null}
            </div>
            {data.comparison ? <Comparison comparison={data.comparison} symbol={symbol} locale={locale} /> : <p className="muted small">{t('perf.pick', { currency: data.baseCurrency })}</p>}
          </div>
          {data.benchmark && data.benchmarkFrom ? (
            <p className="muted small benchmark-from" role="note">
              {t('perf.benchmarkFrom', { symbol, date: formatDate(data.benchmarkFrom, locale) })}
            </p>
          ) : null}
          <div className="chart-frame" style={{ height: 320 }} onMouseLeave={() => setHover(null)}>
            <TimeLines
              rows={rows}
              locale={locale}
              height={320}
              lines={[
                { key: 'value', name: t('perf.portfolioLine'), color: 'var(--series-1)' },
                ...(data.benchmark ? [{ key: 'benchmark', name: t('perf.benchmarkLine', { symbol, currency: data.baseCurrency }), color: 'var(--series-2)', dashed: true }] : []),
              ]}
              tooltip={(row) => (
                <>
                  <div className="chart-tooltip-date">{longDate(row.date, locale)}</div>
                  <TipRow label={t('perf.portfolio')} value={row.value} locale={locale} />
                  {data.benchmark ? <TipRow label={symbol} value={row.benchmark} locale={locale} /> : null}
                  {data.benchmark && row.benchmark !== null ? <TipRow label={t('perf.difference')} value={row.value - row.benchmark} locale={locale} points /> : null}
                </>
              )}
            >
              <MarkerLayer markers={data.markers} locale={locale} colorOf={() => 'var(--series-6)'} onHover={(marker, x, y) => setHover(marker ? { marker, x, y } : null)} onOpen={onOpenEvent} />
            </TimeLines>
            {hover ? <MarkerPopover marker={hover.marker} locale={locale} x={hover.x} y={hover.y} /> : null}
          </div>
        </>
      )}
    </section>
  );
}

function RollingCard({ data, locale }: { data: RollingSeries; locale: string }): ReactElement {
  const { t } = useTranslation('charts');
  const rows = useMemo(() => data.points.map((p) => ({ ...p, t: timeOf(p.date) })), [data.points]);
  return (
    <section className="card chart-card" aria-label={t('perf.rollingTitle')}>
      <div className="card-header returns-header">
        <h2>{t('perf.rollingTitle')}</h2>
        <span className="muted small">{t('perf.rollingSub')}</span>
      </div>
      {data.points.length === 0 ? (
        <p className="returns-body-note muted">
          {data.reason?.code === 'NO_VALUATIONS' ? t('perf.rollingNeedsYear') : (data.reason ? reasonText(data.reason, locale) : t('perf.nothingYet'))}
        </p>
      ) : (
        <div className="chart-frame" style={{ height: 260 }}>
          <TimeLines
            rows={rows}
            locale={locale}
            height={260}
            lines={[
              { key: 'timeWeighted', name: 'TTWROR', color: 'var(--series-1)' },
              { key: 'moneyWeighted', name: 'IRR', color: 'var(--series-3)', dashed: true },
            ]}
            tooltip={(row) => (
              <>
                <div className="chart-tooltip-date">{t('perf.yearTo', { date: longDate(row.date, locale) })}</div>
                <TipRow label="TTWROR" value={row.timeWeighted} locale={locale} />
                <TipRow label="IRR" value={row.moneyWeighted} locale={locale} />
              </>
            )}
          />
        </div>
      )}
    </section>
  );
}

/** The Portfolio tab's return charts: the TTWROR line against a benchmark, and the rolling 1-year TTWROR and IRR. */
export function PerformanceCharts({ securities, locale, onOpenEvent }: { securities: readonly ChartSecurity[]; locale: string; onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { t } = useTranslation('charts');
  const series = usePerformanceStore((s) => s.series);
  const rolling = usePerformanceStore((s) => s.rolling);
  // The rolling chart mounts a painted frame after the TTWROR chart, each in a task of its own.
  const stage = useStages(1, series.data !== null || series.status === 'error');
  return (
    <>
      {series.status === 'error' ? (
        <Banner kind="error" title={t('perf.seriesFailed')}>{series.error}</Banner>
      ) : series.data ? (
        <PerformanceCard data={series.data} securities={securities} locale={locale} onOpenEvent={onOpenEvent} />
      ) : (
        <div className="card returns-body-note muted" role="status">{t('perf.calculating')}</div>
      )}
      {rolling.status === 'error' ? (
        <Banner kind="error" title={t('perf.rollingFailed')}>{rolling.error}</Banner>
      ) : rolling.data && stage >= 1 ? (
        <RollingCard data={rolling.data} locale={locale} />
      ) : null}
    </>
  );
}
