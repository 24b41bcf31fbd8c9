import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import { api, errorMessage } from '@renderer/api/client';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatMoney, formatPercent, signClass } from '@renderer/ui/format';
import type { ChartSecurity, EventImpacts, EventWindow } from '@shared/api/charts';
import { CHART_TOPICS } from './chartsStore';
import { SERIES_COLORS, niceAxis } from '@renderer/ui/charts/chartFormat';
import { ImpactTable } from './ImpactTable';
import './charts.css';

// The News screen shows this panel; the chart library loads only when a window is drawn.
const EventWindowChart = lazy(() => import('./EventWindowChart').then((m) => ({ default: m.EventWindowChart })));

/**
 * What one news event did to each linked security: the impact rows and small
 * multiples from 5 sessions before to 10 after, 0 % at the close before.
 * The News screen embeds it in the event's detail pane.
 */
export function EventImpactPanel({ eventId }: { eventId: number }): ReactElement {
  const { t } = useTranslation('charts');
  const locale = useLocale();
  const [loaded, setState] = useState<{ eventId: number; impacts: EventImpacts; window: EventWindow; securities: ChartSecurity[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const fetchAll = (): void => {
      Promise.all([api.call('charts.eventImpacts', { eventId }), api.call('charts.eventWindow', { eventId }), api.call('charts.securities', {})]).then(
        ([impacts, window, securities]) => {
          if (!alive) return;
          setState({ eventId, impacts, window, securities });
          setError(null);
        },
        (e: unknown) => {
          if (alive) setError(errorMessage(e));
        },
      );
    };
    fetchAll();
    const off = api.on('data.changed', ({ topics }) => {
      if (touches(topics, CHART_TOPICS)) fetchAll();
    });
    return () => {
      alive = false;
      off();
    };
  }, [eventId]);

  const state = loaded?.eventId === eventId ? loaded : null;
  if (error) return <Banner kind="error" title={t('panel.failed')}>{error}</Banner>;
  if (!state) return <Loading label={t('panel.measuring')} />;
  if (state.impacts.rows.length === 0) {
    return (
      <div className="impact-panel-empty muted">
        {t('panel.notLinked')}
      </div>
    );
  }
  return (
    <section className="event-impact-panel" aria-label={t('panel.title')}>
      <h3>{t('panel.title')}</h3>
      <ImpactTable data={state.impacts} locale={locale} showSecurity showNews={false} securities={state.securities} />
      <div className="small-multiples">
        {state.window.series.map((s, i) => {
          const row = state.impacts.rows.find((r) => r.securityId === s.securityId);
          const day = s.points.find((p) => p.offset === 0);
          const axis = niceAxis(Math.min(0, ...s.points.map((p) => p.change)), Math.max(0, ...s.points.map((p) => p.change)), 4);
          return (
            <figure key={s.securityId} className="small-multiple card" aria-label={t('aroundEvent', { symbol: s.symbol })}>
              <figcaption>
                <strong>{s.symbol}</strong>
                <span className={`num ${signClass(day?.change)}`}>{day ? formatPercent(day.change, locale) : '—'}</span>
                {row?.moneyDayBase != null ? <span className="muted small">{formatMoney(row.moneyDayBase, state.impacts.baseCurrency, locale)}</span> : null}
              </figcaption>
              {s.missing ? (
                <p className="muted small">{s.missing}</p>
              ) : (
                <div style={{ height: 120 }}>
                  <Suspense fallback={null}>
                    <EventWindowChart points={s.points} axis={axis} color={SERIES_COLORS[i % 8]!} locale={locale} />
                  </Suspense>
                </div>
              )}
              {s.anchorLabel ? <span className="badge badge-warning">{s.anchorLabel}</span> : null}
            </figure>
          );
        })}
      </div>
    </section>
  );
}
