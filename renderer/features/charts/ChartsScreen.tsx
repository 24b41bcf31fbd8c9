import { useEffect, useState, type ReactElement } from 'react';
import { touches } from '@shared/api/topics';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/app/navigation';
import { useBaseCurrency, useLocale } from '@renderer/features/settings/settingsStore';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { formatDate, formatMoney, formatPercent, signClass } from '@renderer/ui/format';
import { ChartIcon } from '@renderer/ui/icons';
import type { ChartMarker } from '@shared/api/charts';
import { CHART_RANGES, CHART_TOPICS, pickerSecurities, useChartsStore, useSelectedSecurity, type ChartsTab } from './chartsStore';
import { SERIES_COLORS } from './chartFormat';
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

const TABS: { id: ChartsTab; label: string }[] = [
  { id: 'price', label: 'Price' },
  { id: 'compare', label: 'Compare' },
  { id: 'portfolio', label: 'Portfolio' },
];

export function ChartsScreen(): ReactElement {
  const go = useNavigation((s) => s.go);
  const { tab, range, securities, demo, setTab, setRange, loadSecurities } = useChartsStore();
  const locale = useLocale();
  const baseCurrency = useBaseCurrency();

  useEffect(() => {
    void loadSecurities();
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, CHART_TOPICS)) void loadSecurities();
    });
  }, [loadSecurities, locale, baseCurrency]);

  const openEvent = (marker: ChartMarker): void => {
    const first = marker.events[0];
    if (first) go('news', { event: String(first.eventId) });
  };
  const picker = pickerSecurities(securities.data);

  if (securities.status === 'error') return <Banner kind="error" title="Charts could not be loaded">{securities.error}</Banner>;
  if (!securities.data) return <Loading />;

  return (
    <div className="page charts-page">
      <PageHeader
        title="Charts"
        subtitle="Prices, your portfolio’s value and the news that moved them."
        actions={demo?.loaded ? <RemoveDemoButton /> : undefined}
      />
      {picker.length === 0 ? (
        <EmptyState
          icon={<ChartIcon size={26} />}
          title="No price history yet"
          actions={
            <>
              <button className="btn btn-primary" onClick={() => go('import')}>
                Import price history
              </button>
              <LoadDemoButton />
            </>
          }
        >
          Import the daily prices you downloaded from Yahoo Finance, Stooq, Investing.com or Nasdaq, and the news you saved. Charts appear here as soon as a
          security has prices. Or try everything first with a generated sample portfolio.
        </EmptyState>
      ) : (
        <>
          <div className="charts-toolbar">
            <div className="segmented" role="group" aria-label="Chart">
              {TABS.map((t) => (
                <button key={t.id} type="button" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
            <div className="segmented" role="group" aria-label="Range">
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
  const { price, impacts, securities, selectedId, select } = useChartsStore();
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
      <section className="card chart-card" aria-label="Price chart">
        <div className="card-header chart-head">
          <div className="field chart-picker">
            <label htmlFor="chart-security">Security</label>
            <select id="chart-security" className="select" value={selectedId ?? ''} onChange={(e) => select(Number(e.target.value))}>
              {picker.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.symbol} — {s.name}
                  {s.quantity > 0 ? ' (held)' : ''}
                </option>
              ))}
            </select>
          </div>
          {security && last ? (
            <div className="chart-quote">
              <span className="chart-quote-price num">{formatMoney(last.close, security.currency, locale)}</span>
              <span className={`num ${signClass(rangeChange)}`}>{formatPercent(rangeChange, locale)} in range</span>
              <span className="muted small">
                {data?.from ? `${formatDate(data.from, locale)} – ${formatDate(data.to ?? data.from, locale)}` : ''}
                {data?.downsampled ? ` · ${data.barCount.toLocaleString(locale)} bars shown as ${data.points.length.toLocaleString(locale)} points` : ''}
              </span>
            </div>
          ) : null}
        </div>
        {price.status === 'error' ? (
          <Banner kind="error" title="The chart could not be drawn">{price.error}</Banner>
        ) : !data ? (
          <Loading />
        ) : data.points.length === 0 ? (
          <p className="muted chart-empty">No prices in this range. Choose a longer range or import more history.</p>
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
          <span><i className="legend-swatch" style={{ background: SERIES_COLORS[0] }} /> Close</span>
          <span><i className="legend-dot" style={{ background: 'var(--series-6)' }} /> News (number = several on one day)</span>
          <span><i className="legend-tri buy" /> Buy</span>
          <span><i className="legend-tri sell" /> Sell</span>
          <label className="legend-toggle">
            <input type="checkbox" checked={showVolume} onChange={(e) => setShowVolume(e.target.checked)} /> Volume
          </label>
          <span className="legend-toggle">
            <label htmlFor="chart-style">Draw as</label>
            <select id="chart-style" className="select select-small" value={hasOhlc ? priceStyle : 'line'} disabled={!hasOhlc} title={hasOhlc ? undefined : 'The imported file has no open, high and low prices'} onChange={(e) => setPriceStyle(e.target.value as PriceStyle)}>
              <option value="line">Line</option>
              <option value="candles">Candlesticks</option>
              <option value="ohlc">OHLC bars</option>
            </select>
          </span>
          <label className="legend-toggle" title="Equal heights are equal percentage moves">
            <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> Log scale
          </label>
          {security && securities.data ? <BenchmarkPicker security={security} securities={securities.data} id="chart-benchmark" /> : null}
        </div>
      </section>
      <section className="card" aria-label="Event impact">
        <div className="card-header">
          <h2>What the news did to {security?.symbol ?? 'the price'}</h2>
          <span className="muted small">
            Returns from the close before each event
            {security?.benchmark ? ` · abnormal returns vs ${security.benchmark.symbol}${security.benchmark.origin === 'default' ? ` (default for ${security.exchange})` : ''}, in percentage points` : ' · no benchmark: choose one under the chart'}
          </span>
        </div>
        {impacts.status === 'error' ? (
          <Banner kind="error" title="Impact could not be measured">{impacts.error}</Banner>
        ) : !impacts.data ? (
          <Loading />
        ) : impacts.data.rows.length === 0 ? (
          <p className="muted chart-empty">
            No news is linked to this security yet. Import articles or a news feed on the Import screen; they are linked to the securities they name.
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
                <h3>Average by tag</h3>
                <TagAverages data={impacts.data} locale={locale} />
              </div>
            ) : null}
          </>
        )}
      </section>
      {windowEventId !== null ? (
        <section className="card card-body" aria-label="Around the event">
          <div className="window-head">
            <span className="muted small">From 5 trading days before to 10 after, 0 % at the close before the event</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setWindowEventId(null)}>
              Close
            </button>
          </div>
          <EventImpactPanel eventId={windowEventId} />
        </section>
      ) : null}
    </>
  );
}

function CompareTab({ onOpenEvent }: { onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { compare, securities, compareIds, toggleCompare } = useChartsStore();
  const locale = useLocale();
  const picker = pickerSecurities(securities.data);
  return (
    <section className="card chart-card" aria-label="Compare">
      <div className="card-header chart-head">
        <div className="chip-row" role="group" aria-label="Securities to compare">
          {picker.map((s) => {
            const index = compareIds.indexOf(s.id);
            return (
              <button key={s.id} type="button" className="chip" aria-pressed={index >= 0} onClick={() => toggleCompare(s.id)}>
                {index >= 0 ? <i className="legend-swatch" style={{ background: SERIES_COLORS[index % 8] }} /> : null}
                {s.symbol}
              </button>
            );
          })}
        </div>
      </div>
      {compareIds.length === 0 ? (
        <p className="muted chart-empty">Pick two or more securities above to compare their moves.</p>
      ) : compare.status === 'error' ? (
        <Banner kind="error" title="The comparison could not be drawn">{compare.error}</Banner>
      ) : !compare.data ? (
        <Loading />
      ) : (
        <CompareChart data={compare.data} locale={locale} onOpenEvent={onOpenEvent} />
      )}
    </section>
  );
}

function PortfolioTab({ onOpenEvent }: { onOpenEvent(marker: ChartMarker): void }): ReactElement {
  const { portfolio, refresh, range } = useChartsStore();
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
  if (portfolio.status === 'error') return <Banner kind="error" title="The portfolio could not be valued">{portfolio.error}</Banner>;
  if (!portfolio.data) return <Loading />;
  if (portfolio.data.points.length === 0) {
    return (
      <>
      <AccountSwitcher />
      <EmptyState
        icon={<ChartIcon size={26} />}
        title="No positions to chart yet"
        actions={
          <>
            <button className="btn btn-primary" onClick={() => go('import')}>Import transactions</button>
            <LoadDemoButton />
          </>
        }
      >
        Import your broker’s transaction export (or add positions on the Holdings screen) and the prices of what you hold. The portfolio’s value over time appears here.
      </EmptyState>
      </>
    );
  }
  return (
    <>
      <AccountSwitcher />
      <PortfolioView
        data={portfolio.data}
        locale={locale}
        onOpenEvent={onOpenEvent}
        returns={<PerformanceCharts securities={securities ?? []} locale={locale} onOpenEvent={onOpenEvent} />}
      />
    </>
  );
}
