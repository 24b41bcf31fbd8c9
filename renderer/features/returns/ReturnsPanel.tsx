import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '@shared/domain/common/dates';
import { Banner } from '@renderer/ui/components';
import { formatDate } from '@renderer/ui/format';
import { Annualised, GainSplitTable, HowComputed, measuredStart, ReturnValue } from './ReturnFigures';
import { CustomRange } from './CustomRange';
import { HOLDINGS_PERIODS, selectScopeRow, useReturnsStore } from './returnsStore';
import './returns.css';
import { reasonText } from './reasonText';

/**
 * Holdings' return card: TTWROR and IRR of the portfolio (or the account in view) for the
 * chosen period, the gain split, and what the figures mean. The per-holding figures for the
 * same period sit in the table's Return column.
 */
export function ReturnsPanel({ locale, onRetry }: { locale: string; onRetry(): void }): ReactElement {
  const { t } = useTranslation(['returns', 'common', 'holdings']);
  const period = useReturnsStore((s) => s.period);
  const setPeriod = useReturnsStore((s) => s.setPeriod);
  const custom = useReturnsStore((s) => s.custom);
  const setCustom = useReturnsStore((s) => s.setCustom);
  const firstDay = useReturnsStore((s) => s.summary?.firstDate ?? null);
  const lastDay = useReturnsStore((s) => s.summary?.asOf ?? null);
  const status = useReturnsStore((s) => s.status);
  const error = useReturnsStore((s) => s.error);
  const currency = useReturnsStore((s) => s.summary?.baseCurrency ?? '');
  const row = useReturnsStore(selectScopeRow);
  const figures = row?.periods[0];
  const start = figures ? measuredStart(figures) : null;
  const end = figures?.end ?? null;

  let body: ReactElement;
  if (status === 'error' && !row) {
    body = (
      <Banner kind="error" title={t('panel.errorTitle')} action={<button className="btn btn-small" onClick={onRetry}>{t('common:tryAgain')}</button>}>
        {error}
      </Banner>
    );
  } else if (!figures || figures.period !== period) {
    body = <div className="returns-body returns-loading muted" role="status">{t('panel.calculating')}</div>;
  } else {
    const reasons = [figures.timeWeighted, figures.moneyWeighted].flatMap((f) => (f.kind === 'unavailable' ? [reasonText(f.reason, locale)] : []));
    body = (
      <div className="returns-body">
        <div className="return-figure" aria-label={t('panel.twLabel')}>
          <div className="stat-label" title={t('panel.twTitle')}>{t('panel.tw')}</div>
          <div className="stat-value">
            <ReturnValue figure={figures.timeWeighted} locale={locale} />
          </div>
          <div className="stat-sub">
            <Annualised figure={figures.timeWeighted} locale={locale} />
          </div>
        </div>
        <div className="return-figure" aria-label={t('panel.mwLabel')}>
          <div className="stat-label" title={t('panel.mwTitle')}>{t('panel.mw')}</div>
          <div className="stat-value">
            <ReturnValue figure={figures.moneyWeighted} locale={locale} />
          </div>
          <div className="stat-sub">
            <Annualised figure={figures.moneyWeighted} locale={locale} />
          </div>
        </div>
        <GainSplitTable gain={figures.gain} currency={currency} locale={locale} />
        {reasons.length > 0 ? (
          <ul className="return-reasons small">
            {[...new Set(reasons)].map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }

  return (
    <section className="card returns-card" aria-label={t('panel.label')}>
      <div className="card-header returns-header">
        <h2>{t('panel.title', { scope: row === null || row.scope.kind === 'portfolio' ? t('panel.portfolio') : row.label })}</h2>
        {start && end ? (
          <span className="muted small returns-dates">
            {formatDate(start, locale)} – {formatDate(end, locale)}
          </span>
        ) : null}
        <span className="returns-header-gap" />
        <HowComputed start={start} end={end} currency={currency} locale={locale} />
        <div className="segmented" role="group" aria-label={t('panel.period')}>
          {HOLDINGS_PERIODS.map((p) => (
            <button key={p} type="button" aria-pressed={p === period} onClick={() => setPeriod(p)}>
              {p}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={period === 'custom'}
            title={t('holdings:returnsRange.customHint')}
            onClick={() => {
              // First time: the days of the period on screen, to adjust from there.
              if (custom === null && start && end) setCustom({ from: addDays(start, 1) <= end ? addDays(start, 1) : start, to: end });
              setPeriod('custom');
            }}
          >
            {t('holdings:returnsRange.custom')}
          </button>
        </div>
      </div>
      {period === 'custom' && custom ? <CustomRange value={custom} first={firstDay} last={lastDay} locale={locale} onChange={setCustom} /> : null}
      {body}
    </section>
  );
}
