import { memo, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMarker, PortfolioHistory } from '@shared/api/charts';
import { formatMoney, formatNumber, formatPercent, signClass, unrealisedWord } from '@renderer/ui/format';
import { SERIES_COLORS, axisNumber, longDate, noLines, timeOf, timeAxis, zeroBasedAxis } from '@renderer/ui/charts/chartFormat';
import { MarkerLayer, MarkerPopover } from '@renderer/ui/charts/MarkerPopover';
import { useStages } from '@renderer/ui/useStages';
import { cashNote } from '@renderer/features/accounts/cashNote';
import { holdingProblemText } from '@renderer/features/returns/holdingProblemText';
import { allocationSlices, largestMoves } from './portfolioSlices';

/** Slices of the allocation donut and bars of the P&L chart at most (see portfolioSlices.ts). */
const DONUT_SLICES = 12;
const PNL_BARS = 20;
/** The "other" slice's key: no security has it. */
const OTHER_ID = -1;

/** The "other" slice in a neutral tone, so it never reads as one more holding. */
const sliceColor = (securityId: number, index: number): string => (securityId === OTHER_ID ? 'var(--text-3)' : (SERIES_COLORS[index % 8] as string));

const CASH_KEYS = { cashPlus: 'pv.cashPlus', cashMinus: 'pv.cashMinus', cashNoRate: 'pv.cashNoRate' } as const;

/** Market value against cost in the base currency, allocation, and P&L per holding (memoized: it is the heaviest screen to build). */
export const PortfolioView = memo(function PortfolioView({
  data,
  locale,
  onOpenEvent,
  returns,
}: {
  data: PortfolioHistory;
  locale: string;
  onOpenEvent(marker: ChartMarker): void;
  /** The return charts (TTWROR against a benchmark, rolling 1-year), shown under the value chart. */
  returns?: ReactNode;
}): ReactElement {
  const { t } = useTranslation(['charts', 'common']);
  const us = unrealisedWord(locale) === 'Unrealized';
  const ccy = data.baseCurrency;
  // The figures and the value chart come first; then, a painted frame apart each, the return
  // charts, allocation and P&L, and the table: built at once they were one task of over a second
  // with 100 holdings and 20 years (each chart's mount runs recharts' own follow-up renders).
  const stage = useStages(3);
  const totals = data.totals;
  const cash = cashNote(totals.cash, totals.marketValue, ccy, locale);

  return (
    <>
      <div className="stat-grid">
        <Stat label={t('pv.marketValue')} value={formatMoney(totals.marketValue, ccy, locale)} note={cash ? t(CASH_KEYS[cash.key], cash.values) : undefined} />
        <Stat label={t('pv.costBasis')} value={formatMoney(totals.costBasis, ccy, locale)} />
        <Stat label={us ? t('common:pnl.unrealisedUs') : t('common:pnl.unrealised')} value={formatMoney(totals.pnl, ccy, locale)} sub={formatPercent(totals.pnlPct, locale)} tone={totals.pnl} />
        <Stat
          label={t('pv.changeInRange')}
          value={formatMoney(totals.change, ccy, locale)}
          tone={totals.change}
          // On its own line under the amount: beside it, the TTWROR ran out of a quarter-width card.
          note={[
            totals.timeWeighted === null ? null : t('pv.changeTtwror', { value: formatPercent(totals.timeWeighted, locale) }),
            totals.netFlows === null
              ? null
              : totals.netFlows === 0
                ? t('pv.noFlows')
                : t(totals.netFlows > 0 ? 'pv.netOfPutIn' : 'pv.netOfTakenOut', { amount: formatMoney(Math.abs(totals.netFlows), ccy, locale) }),
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        />
      </div>
      <ValueChart data={data} locale={locale} onOpenEvent={onOpenEvent} />
      {stage >= 1 ? returns : null}
      {stage >= 2 ? <AllocationAndPnl data={data} locale={locale} /> : null}
      {stage >= 3 ? <HoldingsTable data={data} locale={locale} /> : null}
      {data.problems.length > 0 ? (
        <p className="muted small">{t('pv.leftOut', { problems: data.problems.map((p) => holdingProblemText(p, locale)).join(' · ') })}</p>
      ) : null}
    </>
  );
});

/** Market value and cost basis over the range, with the news of held securities (memoized: later stages re-render the view). */
const ValueChart = memo(function ValueChart({ data, locale, onOpenEvent }: { data: PortfolioHistory; locale: string; onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { t } = useTranslation(['charts', 'common']);
  const [hover, setHover] = useState<{ marker: ChartMarker; x: number; y: number } | null>(null);
  const ccy = data.baseCurrency;
  const rows = useMemo(() => data.points.map((p) => ({ ...p, t: timeOf(p.date) })), [data.points]);
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const xAxis = useMemo(() => timeAxis(first, last, 7, locale), [first, last, locale]);
  const tickTime = xAxis.format;
  const xTicks = xAxis.ticks;
  return (
    <section className="card chart-card" aria-label={t('pv.section')}>
      <div className="card-header">
        <h2>{t('pv.valueOverTime')}</h2>
        <span className="muted small">{t('pv.inCurrency', { currency: ccy })}</span>
      </div>
      <div className="chart-frame" style={{ height: 340 }} onMouseLeave={() => setHover(null)}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 34, right: 16, bottom: 4, left: 8 }}>
            <defs>
              <linearGradient id="pv-fill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor="var(--series-1)" stopOpacity={0.25} />
                <stop offset="100%" stopColor="var(--series-1)" stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke="var(--border)" vertical={false} verticalCoordinatesGenerator={noLines} />
            <XAxis dataKey="t" type="number" scale="time" domain={[first, last]} ticks={xTicks} tickFormatter={tickTime} stroke="var(--text-3)" tickLine={false} interval={0} fontSize={12} />
            <YAxis orientation="right" interval={0} tickFormatter={(v: number) => axisNumber(v, locale, ccy)} stroke="var(--text-3)" tickLine={false} axisLine={false} width={72} fontSize={12} />
            <Legend verticalAlign="top" align="left" height={28} wrapperStyle={{ fontSize: 13, top: 0 }} />
            <Tooltip
              isAnimationActive={false}
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
                if (!active || !row) return null;
                return (
                  <div className="chart-tooltip">
                    <div className="chart-tooltip-date">{longDate(row.date, locale)}</div>
                    <div className="chart-tooltip-row"><span>{t('pv.marketValue')}</span><span className="num">{formatMoney(row.marketValue, ccy, locale)}</span></div>
                    <div className="chart-tooltip-row"><span>{t('pv.costBasis')}</span><span className="num">{formatMoney(row.costBasis, ccy, locale)}</span></div>
                    {row.incomplete ? <div className="chart-tooltip-note">{t('pv.incompleteDay')}</div> : null}
                  </div>
                );
              }}
            />
            <Area name={t('pv.marketValue')} type="linear" dataKey="marketValue" stroke="var(--series-1)" strokeWidth={1.75} fill="url(#pv-fill)" isAnimationActive={false} connectNulls />
            <Line name={t('pv.costBasis')} type="stepAfter" dataKey="costBasis" stroke="var(--series-2)" strokeWidth={1.5} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
            <MarkerLayer
              markers={data.markers}
              locale={locale}
              colorOf={() => 'var(--series-6)'}
              onHover={(marker, x, y) => setHover(marker ? { marker, x, y } : null)}
              onOpen={onOpenEvent}
            />
          </ComposedChart>
        </ResponsiveContainer>
        {hover ? <MarkerPopover marker={hover.marker} locale={locale} x={hover.x} y={hover.y} /> : null}
      </div>
    </section>
  );
});

/** The allocation donut and the P&L bars (memoized, as the value chart). */
const AllocationAndPnl = memo(function AllocationAndPnl({ data, locale }: { data: PortfolioHistory; locale: string }): ReactElement {
  const { t } = useTranslation(['charts', 'common']);
  const us = unrealisedWord(locale) === 'Unrealized';
  const ccy = data.baseCurrency;
  const held = data.holdings.filter((h) => (h.marketValueBase ?? 0) > 0);
  const slices = allocationSlices(held, (h) => h.marketValueBase ?? 0, DONUT_SLICES);
  const allocation =
    slices.rest.length === 0
      ? slices.shown
      : [
          ...slices.shown,
          {
            securityId: OTHER_ID,
            symbol: t('pv.allocationOther', { count: slices.rest.length }),
            marketValueBase: slices.rest.reduce((sum, h) => sum + (h.marketValueBase ?? 0), 0),
            weight: slices.rest.reduce((sum, h) => sum + (h.weight ?? 0), 0),
          },
        ];
  const withPnl = data.holdings.filter((h) => h.pnlBase !== null);
  const pnlRows = largestMoves(withPnl, (h) => h.pnlBase ?? 0, PNL_BARS);
  const pnlAxis = zeroBasedAxis(pnlRows.map((h) => h.pnlBase), 5);
  return (
    <div className="charts-two-col">
      <section className="card chart-card" aria-label={t('pv.allocation')}>
        <div className="card-header"><h2>{t('pv.allocation')}</h2></div>
        <div className="donut-wrap">
          <div style={{ width: 200, height: 200 }}>
            <PieChart width={200} height={200}>
              <Pie data={allocation} dataKey="marketValueBase" nameKey="symbol" innerRadius={58} outerRadius={92} paddingAngle={1.5} isAnimationActive={false} stroke="var(--surface)">
                {allocation.map((h, i) => (
                  <Cell key={h.securityId} fill={sliceColor(h.securityId, i)} />
                ))}
              </Pie>
            </PieChart>
          </div>
          <ul className="legend-list">
            {allocation.map((h, i) => (
              <li key={h.securityId}>
                <i className="legend-swatch" style={{ background: sliceColor(h.securityId, i) }} />
                <span className="legend-name">{h.symbol}</span>
                <span className="num">{formatPercent(h.weight, locale, 1).replace('+', '')}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
      <section className="card chart-card" aria-label={t('pv.pnlSection')}>
        <div className="card-header"><h2>{t('pv.pnlTitle')}</h2><span className="muted small">{us ? t('common:pnl.unrealisedWordUs') : t('common:pnl.unrealisedWord')}, {ccy}</span></div>
        {pnlRows.length < withPnl.length ? <p className="muted small pnl-largest">{t('pv.pnlLargest', { shown: pnlRows.length, count: withPnl.length })}</p> : null}
        <div style={{ height: Math.max(140, pnlRows.length * 40 + 40), padding: '8px 12px' }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={pnlRows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid stroke="var(--border)" horizontal={false} horizontalCoordinatesGenerator={noLines} />
              <XAxis type="number" domain={pnlAxis.domain} ticks={pnlAxis.ticks} interval={0} tickFormatter={(v: number) => axisNumber(v, locale, ccy)} stroke="var(--text-3)" fontSize={12} tickLine={false} />
              <YAxis type="category" dataKey="symbol" width={96} stroke="var(--text-3)" fontSize={12} tickLine={false} />
              <Tooltip isAnimationActive={false} cursor={{ fill: 'var(--surface-hover)' }} formatter={(v) => formatMoney(Number(v), ccy, locale)} />
              <Bar dataKey="pnlBase" name={t('pv.pnl')} isAnimationActive={false} radius={3}>
                {pnlRows.map((h) => (
                  <Cell key={h.securityId} fill={(h.pnlBase ?? 0) >= 0 ? 'var(--series-3)' : 'var(--series-6)'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </section>
    </div>
  );
});

const HoldingsTable = memo(function HoldingsTable({ data, locale }: { data: PortfolioHistory; locale: string }): ReactElement {
  const { t } = useTranslation(['charts', 'common']);
  const ccy = data.baseCurrency;
  return (
    <section className="card" aria-label={t('pv.holdings')}>
      <div className="table-wrap">
        <table className="data portfolio-table">
          <thead>
            <tr>
              <th>{t('pv.holding')}</th>
              <th className="num">{t('pv.shares')}</th>
              <th className="num">{t('pv.valueAndCost', { currency: ccy })}</th>
              <th className="num">{t('pv.pnl')}</th>
              <th className="num">{t('pv.contribution')}</th>
              <th className="num">{t('pv.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {data.holdings.map((h) => (
              <tr key={h.securityId}>
                <td className="portfolio-holding">
                  <strong>{h.symbol}</strong> <span className="muted">{h.name}</span>
                  {h.problems.length > 0 ? <div className="field-hint">{h.problems.map((p) => holdingProblemText(p, locale)).join(' ')}</div> : null}
                </td>
                <td className="num">{formatNumber(h.quantity, locale, 3)}</td>
                {/* cost and P&L % as second lines: eight columns did not fit a small window */}
                <td className="num">
                  {formatMoney(h.marketValueBase, ccy, locale)}
                  <div className="muted small">{t('pv.cost', { amount: formatMoney(h.costBasisBase, ccy, locale) })}</div>
                </td>
                <td className={`num ${signClass(h.pnlBase, 2)}`}>
                  {formatMoney(h.pnlBase, ccy, locale)}
                  <div className="small">{formatPercent(h.pnlPct, locale)}</div>
                </td>
                <td className={`num ${signClass(h.contribution, 2)}`}>{formatMoney(h.contribution, ccy, locale)}</td>
                <td className="num">{formatPercent(h.weight, locale, 1).replace('+', '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

function Stat({ label, value, sub, tone, note }: { label: string; value: string; sub?: string; tone?: number | null; note?: string }): ReactElement {
  return (
    <div className="card stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${signClass(tone)}`}>
        {value}
        {sub ? <span className="stat-sub"> {sub}</span> : null}
      </div>
      {note ? <div className="muted small">{note}</div> : null}
    </div>
  );
}
