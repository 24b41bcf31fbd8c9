import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '@renderer/i18n/i18n';
import { touches } from '@shared/api/topics';
import type { IncomeAmounts, IncomeTotals, Yield } from '@shared/api/income';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { AccountSwitcher } from '@renderer/features/accounts/AccountSwitcher';
import { selectSelectedAccountId, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { formatDate, formatMoney, formatPercent } from '@renderer/ui/format';
import { IncomeIcon } from '@renderer/ui/icons';
import { IncomeBars } from './IncomeBars';
import { selectBuckets, toBars, useIncomeStore, type IncomeGrain, type IncomeRange } from './incomeStore';
import './income.css';
import { reasonText } from '@renderer/features/returns/reasonText';

const INCOME_TOPICS = ['transactions', 'cash', 'accounts', 'prices', 'settings', 'holdings'] as const;

const GRAINS: readonly IncomeGrain[] = ['month', 'year'];

const RANGES = [
  { value: 'all', label: 'range.all' },
  { value: 'ytd', label: 'range.ytd' },
  { value: '12m', label: 'range.12m' },
] as const satisfies readonly { value: IncomeRange; label: string }[];

function yieldText(y: Yield, locale: string): string {
  return y.kind === 'ok' ? formatPercent(y.gross, locale).replace(/^\+/, '') : '—';
}

function yieldTitle(y: Yield, locale: string, what: string): string {
  if (y.kind === 'unavailable') return reasonText(y.reason, locale);
  return i18n.t('income:yieldTitle', { what, from: formatDate(y.from, locale), to: formatDate(y.to, locale), net: formatPercent(y.net, locale).replace(/^\+/, '') });
}

/** Gross, tax and net cells of one row, right-aligned. */
function AmountCells({ a, currency, locale }: { a: IncomeAmounts; currency: string; locale: string }): ReactElement {
  return (
    <>
      <td className="num">{formatMoney(a.gross, currency, locale)}</td>
      <td className="num muted">{a.tax === 0 ? '—' : formatMoney(-a.tax, currency, locale)}</td>
      <td className="num strong">{formatMoney(a.net, currency, locale)}</td>
    </>
  );
}

function AmountHeads(): ReactElement {
  const { t } = useTranslation('income');
  return (
    <>
      <th className="num">{t('gross')}</th>
      <th className="num" title={t('taxWithheldTitle')}>
        {t('taxWithheld')}
      </th>
      <th className="num">{t('net')}</th>
    </>
  );
}

function Stat({ label, value, sub, title }: { label: string; value: string; sub?: ReactNode; title?: string }): ReactElement {
  return (
    <div className="stat" title={title}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {sub ? <div className="stat-sub muted">{sub}</div> : null}
    </div>
  );
}

function bucketLabel(key: string, grain: IncomeGrain, locale: string): string {
  return grain === 'year' ? key : formatDate(`${key}-01`, locale, { month: 'short', year: 'numeric' });
}

/** Dividends and interest: per month or year (bars and table), per security and per account, gross / tax / net. */
export function IncomeScreen(): ReactElement {
  const { t } = useTranslation(['income', 'common']);
  const locale = useLocale();
  const accountId = useAccountsStore(selectSelectedAccountId);
  const { report, status, error, grain, range, setGrain, setRange, load } = useIncomeStore();
  const buckets = useIncomeStore(selectBuckets);
  const go = useNavigation((s) => s.go);

  useEffect(() => {
    void load(accountId);
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, [...INCOME_TOPICS])) void load(accountId);
    });
  }, [accountId, range, load]);

  const controls = (
    <div className="income-controls">
      <AccountSwitcher />
      <select id="income-range" className="input" aria-label={t('range.label')} value={range} onChange={(e) => setRange(e.target.value as IncomeRange)}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {t(r.label)}
          </option>
        ))}
      </select>
      <div className="segmented" role="group" aria-label={t('barsPer')}>
        {GRAINS.map((g) => (
          <button key={g} type="button" aria-pressed={grain === g} onClick={() => setGrain(g)}>
            {g === 'month' ? t('months') : t('years')}
          </button>
        ))}
      </div>
    </div>
  );

  let body: ReactNode;
  if (status === 'error' && report === null) {
    body = (
      <Banner kind="error" title={t('errorTitle')} action={<button className="btn btn-small" onClick={() => void load(accountId)}>{t('common:tryAgain')}</button>}>
        {error}
      </Banner>
    );
  } else if (report === null) {
    body = <Loading label={t('loading')} />;
  } else if (report.months.length === 0) {
    body = (
      <EmptyState
        icon={<IncomeIcon size={26} />}
        title={range === 'all' ? t('emptyAll') : t('emptyRange')}
        actions={
          <button className="btn" onClick={() => go('holdings')}>
            {t('goHoldings')}
          </button>
        }
      >
        {t('emptyText', { currency: report.baseCurrency })}
      </EmptyState>
    );
  } else {
    const ccy = report.baseCurrency;
    const tot: IncomeTotals = report.totals;
    body = (
      <>
        {status === 'error' ? <Banner kind="error">{error}</Banner> : null}
        {report.problems.length > 0 ? (
          <Banner kind="warning" title={t('leftOut')}>
            {report.problems.map((p) => reasonText(p, locale)).join(' ')} {t('leftOutHint')}
          </Banner>
        ) : null}
        <div className="income-summary">
        <div className="stat-grid card income-stats" aria-label={t('totals')}>
          <Stat label={t('grossIncome')} value={formatMoney(tot.total.gross, ccy, locale)} sub={t('split', { dividends: formatMoney(tot.dividends.gross, ccy, locale), interest: formatMoney(tot.interest.gross, ccy, locale) })} />
          <Stat label={t('taxWithheld')} value={formatMoney(tot.total.tax === 0 ? 0 : -tot.total.tax, ccy, locale)} sub={tot.total.gross > 0 ? t('ofGross', { share: formatPercent(tot.total.tax / tot.total.gross, locale, 1).replace(/^\+/, '') }) : undefined} />
          <Stat label={t('netIncome')} value={formatMoney(tot.total.net, ccy, locale)} />
        </div>
        <div className="stat-grid card income-stats income-yields" aria-label={t('yields')}>
          <Stat
            label={t('yieldOnCost')}
            value={yieldText(report.yieldOnCost, locale)}
            sub={t('last12')}
            title={yieldTitle(report.yieldOnCost, locale, t('overCost'))}
          />
          <Stat
            label={t('trailing')}
            value={yieldText(report.trailingYield, locale)}
            sub={t('onMarket')}
            title={yieldTitle(report.trailingYield, locale, t('overValue'))}
          />
        </div>
        </div>

        <section className="card income-chart-card" aria-label={t('perPeriod')}>
          <div className="card-header">
            <h2>{grain === 'month' ? t('perMonth') : t('perYear')}</h2>
            <span className="muted">{t('barsNote', { currency: ccy })}</span>
          </div>
          <IncomeBars bars={toBars(buckets, (key) => bucketLabel(key, grain, locale))} currency={ccy} locale={locale} />
        </section>

        <div className="income-tables">
          <section className="card table-wrap" aria-label={grain === 'month' ? t('perMonthLabel') : t('perYearLabel')}>
            <table className="data income-table">
              <thead>
                <tr>
                  <th>{grain === 'month' ? t('month') : t('year')}</th>
                  <th className="num">{t('dividends')}</th>
                  <th className="num">{t('interest')}</th>
                  <AmountHeads />
                </tr>
              </thead>
              <tbody>
                {[...buckets].reverse().map((b) => (
                  <tr key={b.key} className={b.total.gross === 0 ? 'income-empty-row' : undefined}>
                    <td>{bucketLabel(b.key, grain, locale)}</td>
                    <td className="num">{formatMoney(b.dividends.gross, ccy, locale)}</td>
                    <td className="num">{formatMoney(b.interest.gross, ccy, locale)}</td>
                    <AmountCells a={b.total} currency={ccy} locale={locale} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>{t('total')}</td>
                  <td className="num">{formatMoney(tot.dividends.gross, ccy, locale)}</td>
                  <td className="num">{formatMoney(tot.interest.gross, ccy, locale)}</td>
                  <AmountCells a={tot.total} currency={ccy} locale={locale} />
                </tr>
              </tfoot>
            </table>
          </section>

          <div className="income-side">
            <section className="card table-wrap" aria-label={t('perSecurity')}>
              <table className="data income-table">
                <thead>
                  <tr>
                    <th>{t('security')}</th>
                    <AmountHeads />
                    <th className="num" title={t('yieldOnCostTitle')}>
                      {t('yieldOnCost')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.securities.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="muted">
                        {t('noDividends')}
                      </td>
                    </tr>
                  ) : (
                    report.securities.map((s) => (
                      <tr key={s.securityId}>
                        <td>
                          <div className="strong">{s.symbol}</div>
                          {s.name && s.name !== s.symbol ? <div className="cell-sub muted">{s.name}</div> : null}
                        </td>
                        <AmountCells a={s.total} currency={ccy} locale={locale} />
                        <td className="num" title={yieldTitle(s.yieldOnCost, locale, t('overCost'))}>
                          {yieldText(s.yieldOnCost, locale)}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </section>

            {report.accounts.length > 0 ? (
              <section className="card table-wrap" aria-label={t('perAccount')}>
                <table className="data income-table">
                  <thead>
                    <tr>
                      <th>{t('account')}</th>
                      <AmountHeads />
                    </tr>
                  </thead>
                  <tbody>
                    {report.accounts.map((a) => (
                      <tr key={a.accountId}>
                        <td>{a.name}</td>
                        <AmountCells a={a.total} currency={ccy} locale={locale} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </div>
        </div>
      </>
    );
  }

  return (
    <div className="page income-page">
      <PageHeader
        title={t('title')}
        subtitle={report ? t('subtitle', { currency: report.baseCurrency }) : t('subtitleShort')}
        actions={controls}
      />
      {body}
    </div>
  );
}
