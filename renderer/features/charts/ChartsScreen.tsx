import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { useBaseCurrency, useLocale } from '@renderer/stores/settingsStore';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { formatDate, formatMoney, formatPercent, signClass } from '@renderer/ui/format';
import { ChartIcon } from '@renderer/ui/icons';
import { COMPARE_LIMIT, type ChartMarker } from '@shared/api/charts';
import { CHART_RANGES, CHART_TOPICS, pickerSecurities, useChartsStore, useSelectedSecurity, type ChartsTab } from './chartsStore';
import { SERIES_COLORS } from '@renderer/ui/charts/chartFormat';
import { compareFull } from './compareSelection';
import { BenchmarkPicker } from './BenchmarkPicker';
import { CompareChart } from './CompareChart';
import { EventImpactPanel } from './EventImpactPanel';
import { ImpactTable, TagAverages } from './ImpactTable';
import { LoadDemoButton, RemoveDemoButton } from './LoadDemoButton';
import { PerformanceCharts } from '@renderer/features/returns/PerformanceCharts';
import { usePerformanceStore } from '@renderer/features/returns/performanceStore';
import { PortfolioView } from './PortfolioView';
import { AccountSwitcher } from '@renderer/features/accounts/AccountSwitcher';
import { selectSelectedAccountId, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { PriceChart, type PriceStyle } from './PriceChart';
import './charts.css';

const TABS = [
  { id: 'price', label: 'tab.price' },
  { id: 'compare', label: 'tab.compare' },
  { id: 'portfolio', label: 'tab.portfolio' },
] as const satisfies readonly { id: ChartsTab; label: string }[];

export function ChartsScreen(): ReactElement {
  const { t } = useTranslation('charts');
  const go = useNavigation((s) => s.go);
  // Only what this frame shows: a price or impacts answer re-renders the tab that shows it, not the screen.
  const { tab, range, securities, demo, setTab, setRange, loadSecurities, open } = useChartsStore(
    useShallow((s) => ({ tab: s.tab, range: s.range, securities: s.securities, demo: s.demo, setTab: s.setTab, setRange: s.setRange, loadSecurities: s.loadSecurities, open: s.open })),
  );
  const locale = useLocale();
  const baseCurrency = useBaseCurrency();

  useEffect(() => {
    // The first visit may find the chart prefetched while Holdings was idle (App.tsx); later ones reload.
    void open();
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, CHART_TOPICS)) void loadSecurities();
    });
  }, [open, loadSecurities, locale, baseCurrency]);

  // Stable, so the memoized charts are not redrawn when the screen re-renders.
  const openEvent = useCallback(
    (marker: ChartMarker): void => {
      const first = marker.events[0];
      if (first) go('news', { event: String(first.eventId) });
    },
    [go],
  );
  const picker = pickerSecurities(securities.data);

  if (securities.status === 'error') return <Banner kind="error" title={t('loadFailed')}>{securities.error}</Banner>;
  if (!securities.data) return <Loading />;

  return (
    <div className="page charts-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={demo?.loaded ? <RemoveDemoButton /> : undefined}
      />
      {picker.length === 0 ? (
        <EmptyState
          icon={<ChartIcon size={26} />}
          title={t('noPrices.title')}
          actions={
            <>
              <button className="btn btn-primary" onClick={() => go('import')}>
                {t('noPrices.import')}
              </button>
              <LoadDemoButton />
            </>
          }
        >
          {t('noPrices.text')}
        </EmptyState>
      ) : (
        <>
          <div className="charts-toolbar">
            <div className="segmented" role="group" aria-label={t('chartGroup')}>
              {TABS.map((item) => (
                <button key={item.id} type="button" aria-pressed={tab === item.id} onClick={() => setTab(item.id)}>
                  {t(item.label)}
                </button>
              ))}
            </div>
            <div className="segmented" role="group" aria-label={t('rangeGroup')}>
              {CHART_RANGES.map((r) => (
                <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>
                  {r}
                </button>
              ))}
            </div>
          </div>
          {tab === 'price' ? <PriceTab onOpenEvent={openEvent} /> : tab === 'compare' ? <CompareTab onOpenEvent={openEvent} /> : <PortfolioTab onOpenEvent={openEvent} />}
        </>
      )}
    </div>
  );
}

function PriceTab({ onOpenEvent }: { onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { t } = useTranslation(['charts', 'common']);
  const { price, impacts, securities, selectedId, select } = useChartsStore(
    useShallow((s) => ({ price: s.price, impacts: s.impacts, securities: s.securities, selectedId: s.selectedId, select: s.select })),
  );
  const go = useNavigation((s) => s.go);
  const locale = useLocale();
  const security = useSelectedSecurity();
  const picker = pickerSecurities(securities.data);
  const data = price.data;
  const last = data?.points[data.points.length - 1];
  const firstPoint = data?.points[0];
  const rangeChange = last && firstPoint ? last.close / (firstPoint.prevClose ?? firstPoint.close) - 1 : null;
  const [windowEventId, setWindowEventId] = useState<number | null>(null);
  const [showVolume, setShowVolume] = useState(false);
  const [logScale, setLogScale] = useState(false);
  const [priceStyle, setPriceStyle] = useState<PriceStyle>('line');
  const hasOhlc = data?.points.some((p) => p.open != null && p.high != null && p.low != null) ?? false;

  return (
    <>
      <section className="card chart-card" aria-label={t('priceChart')}>
        <div className="card-header chart-head">
          <div className="field chart-picker">
            <label htmlFor="chart-security">{t('security')}</label>
            <select id="chart-security" className="select" value={selectedId ?? ''} onChange={(e) => select(Number(e.target.value))}>
              {picker.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.symbol} — {s.name}
                  {s.quantity > 0 ? t('held') : ''}
                </option>
              ))}
            </select>
          </div>
          {security && last ? (
            <div className="chart-quote">
              <span className="chart-quote-price num">{formatMoney(last.close, security.currency, locale)}</span>
              <span className={`num ${signClass(rangeChange)}`}>{t('inRange', { change: formatPercent(rangeChange, locale) })}</span>
              <span className="muted small">
                {data?.from ? `${formatDate(data.from, locale)} – ${formatDate(data.to ?? data.from, locale)}` : ''}
                {data?.downsampled ? t('downsampled', { bars: data.barCount.toLocaleString(locale), points: data.points.length.toLocaleString(locale) }) : ''}
              </span>
            </div>
          ) : null}
        </div>
        {price.status === 'error' ? (
          <Banner kind="error" title={t('drawFailed')}>{price.error}</Banner>
        ) : !data ? (
          <Loading />
        ) : data.points.length === 0 ? (
          <p className="muted chart-empty">{t('noPricesInRange')}</p>
        ) : (
          <PriceChart
            points={data.points}
            markers={data.markers}
            trades={data.trades}
            currency={data.security.currency}
            interval={data.interval}
            logScale={logScale}
            style={hasOhlc ? priceStyle : 'line'}
            locale={locale}
            showVolume={showVolume}
            onOpenEvent={onOpenEvent}
          />
        )}
        <div className="chart-legend-row muted small">
          <span><i className="legend-swatch" style={{ background: SERIES_COLORS[0] }} /> {t('legend.close')}</span>
          <span><i className="legend-dot" style={{ background: 'var(--series-6)' }} /> {t('legend.news')}</span>
          <span><i className="legend-tri buy" /> {t('legend.buy')}</span>
          <span><i className="legend-tri sell" /> {t('legend.sell')}</span>
          <label className="legend-toggle">
            <input type="checkbox" checked={showVolume} onChange={(e) => setShowVolume(e.target.checked)} /> {t('legend.volume')}
          </label>
          <span className="legend-toggle">
            <label htmlFor="chart-style">{t('legend.drawAs')}</label>
            <select id="chart-style" className="select select-small" value={hasOhlc ? priceStyle : 'line'} disabled={!hasOhlc} title={hasOhlc ? undefined : t('legend.noOhlc')} onChange={(e) => setPriceStyle(e.target.value as PriceStyle)}>
              <option value="line">{t('legend.line')}</option>
              <option value="candles">{t('legend.candles')}</option>
              <option value="ohlc">{t('legend.ohlc')}</option>
            </select>
          </span>
          <label className="legend-toggle" title={t('legend.logHint')}>
            <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> {t('legend.logScale')}
          </label>
          {security && securities.data ? <BenchmarkPicker security={security} securities={securities.data} id="chart-benchmark" /> : null}
        </div>
      </section>
      <section className="card" aria-label={t('impact.section')}>
        <div className="card-header">
          <h2>{t('impact.title', { symbol: security?.symbol ?? t('impact.thePrice') })}</h2>
          <span className="muted small">
            {t('impact.lead')}
            {security?.benchmark
              ? security.benchmark.origin === 'default'
                ? t('impact.vsDefaultBenchmark', { benchmark: security.benchmark.symbol, exchange: security.exchange })
                : t('impact.vsBenchmark', { benchmark: security.benchmark.symbol })
              : t('impact.noBenchmark')}
          </span>
        </div>
        {impacts.status === 'error' ? (
          <Banner kind="error" title={t('impact.failed')}>{impacts.error}</Banner>
        ) : !impacts.data ? (
          <Loading />
        ) : impacts.data.rows.length === 0 ? (
          <p className="muted chart-empty">
            {t('impact.noNews')}
          </p>
        ) : (
          <>
            <ImpactTable
              data={impacts.data}
              locale={locale}
              onOpenEvent={(id) => go('news', { event: String(id) })}
              onShowWindow={(id) => setWindowEventId((current) => (current === id ? null : id))}
            />
            {impacts.data.averages.length > 0 ? (
              <div className="impact-averages">
                <h3>{t('impact.byTag')}</h3>
                <TagAverages data={impacts.data} locale={locale} />
              </div>
            ) : null}
          </>
        )}
      </section>
      {windowEventId !== null ? (
        <section className="card card-body" aria-label={t('window.section')}>
          <div className="window-head">
            <span className="muted small">{t('window.lead')}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setWindowEventId(null)}>
              {t('common:close')}
            </button>
          </div>
          <EventImpactPanel eventId={windowEventId} />
        </section>
      ) : null}
    </>
  );
}

function CompareTab({ onOpenEvent }: { onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { t } = useTranslation('charts');
  const { compare, securities, compareIds, toggleCompare } = useChartsStore(
    useShallow((s) => ({ compare: s.compare, securities: s.securities, compareIds: s.compareIds, toggleCompare: s.toggleCompare })),
  );
  const locale = useLocale();
  const picker = pickerSecurities(securities.data);
  const full = compareFull(compareIds);
  // Drawn from a deferred value: the chips answer at once, the lines are built in slices.
  const compareData = useDeferredValue(compare.data);
  return (
    <section className="card chart-card" aria-label={t('compare.section')}>
      <div className="card-header chart-head">
        <div className="chip-row" role="group" aria-label={t('compare.group')}>
          {picker.map((s) => {
            const index = compareIds.indexOf(s.id);
            const refused = full && index < 0;
            return (
              <button
                key={s.id}
                type="button"
                className="chip"
                aria-pressed={index >= 0}
                aria-disabled={refused || undefined}
                aria-describedby={refused ? 'compare-limit' : undefined}
                onClick={() => toggleCompare(s.id)}
              >
                {index >= 0 ? <i className="legend-swatch" style={{ background: SERIES_COLORS[index % SERIES_COLORS.length] }} /> : null}
                {s.symbol}
              </button>
            );
          })}
        </div>
        {full ? (
          <p className="compare-limit" id="compare-limit" role="status">
            {t('compare.limit', { limit: COMPARE_LIMIT })}
          </p>
        ) : null}
      </div>
      {compareIds.length === 0 ? (
        <p className="muted chart-empty">{t('compare.pick')}</p>
      ) : compare.status === 'error' ? (
        <Banner kind="error" title={t('compare.failed')}>{compare.error}</Banner>
      ) : !compareData ? (
        <Loading />
      ) : (
        <CompareChart data={compareData} locale={locale} onOpenEvent={onOpenEvent} />
      )}
    </section>
  );
}

function PortfolioTab({ onOpenEvent }: { onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { t } = useTranslation('charts');
  const { portfolio, refresh, range } = useChartsStore(useShallow((s) => ({ portfolio: s.portfolio, refresh: s.refresh, range: s.range })));
  const securities = useChartsStore((s) => s.securities.data);
  const accountId = useAccountsStore(selectSelectedAccountId);
  const benchmarkId = usePerformanceStore((s) => s.benchmarkId);
  const loadPerformance = usePerformanceStore((s) => s.load);
  // Switching account revalues the portfolio for that account.
  useEffect(() => {
    void refresh();
  }, [accountId, refresh]);
  // The return charts follow the value chart: each new answer (range, account, data change) and the benchmark.
  useEffect(() => {
    const data = portfolio.data;
    if (data && data.points.length > 0) void loadPerformance(accountId, range, { from: data.from, to: data.to });
  }, [portfolio.data, accountId, range, benchmarkId, loadPerformance]);
  const go = useNavigation((s) => s.go);
  const locale = useLocale();
  // The value, return, allocation and P&L charts and the holdings table take long to build:
  // rendered from a deferred value, React builds them in slices between frames (a store
  // update alone renders synchronously, one long task), and the page stays responsive.
  const data = useDeferredValue(portfolio.data);
  // Stable, so the memoized PortfolioView skips the urgent render that still has the old data.
  const returns = useMemo(() => <PerformanceCharts securities={securities ?? []} locale={locale} onOpenEvent={onOpenEvent} />, [securities, locale, onOpenEvent]);
  if (portfolio.status === 'error') return <Banner kind="error" title={t('portfolio.failed')}>{portfolio.error}</Banner>;
  if (!data) return <Loading />;
  if (data.points.length === 0) {
    return (
      <>
      <AccountSwitcher />
      <EmptyState
        icon={<ChartIcon size={26} />}
        title={t('portfolio.emptyTitle')}
        actions={
          <>
            <button className="btn btn-primary" onClick={() => go('import')}>{t('portfolio.importTransactions')}</button>
            <LoadDemoButton />
          </>
        }
      >
        {t('portfolio.emptyText')}
      </EmptyState>
      </>
    );
  }
  return (
    <>
      <AccountSwitcher />
      <PortfolioView
        data={data}
        locale={locale}
        onOpenEvent={onOpenEvent}
        returns={returns}
      />
    </>
  );
}
