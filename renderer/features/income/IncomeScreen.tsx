import { useEffect, type ReactElement, type ReactNode } from 'react';
import { touches } from '@shared/api/topics';
import type { IncomeAmounts, IncomeTotals, Yield } from '@shared/api/income';
import { api } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { AccountSwitcher } from '@renderer/features/accounts/AccountSwitcher';
import { selectSelectedAccountId, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { formatDate, formatMoney, formatPercent } from '@renderer/ui/format';
import { IncomeIcon } from '@renderer/ui/icons';
import { IncomeBars } from './IncomeBars';
import { selectBuckets, toBars, useIncomeStore, type IncomeGrain, type IncomeRange } from './incomeStore';
import './income.css';

const INCOME_TOPICS = ['transactions', 'cash', 'accounts', 'prices', 'settings', 'holdings'] as const;

const RANGES: { value: IncomeRange; label: string }[] = [
  { value: 'all', label: 'All time' },
  { value: 'ytd', label: 'This year' },
  { value: '12m', label: 'Last 12 months' },
];

function yieldText(y: Yield, locale: string): string {
  return y.kind === 'ok' ? formatPercent(y.gross, locale).replace(/^\+/, '') : '—';
}

function yieldTitle(y: Yield, locale: string, what: string): string {
  if (y.kind === 'unavailable') return y.reason.message;
  return `${what}: gross income of ${formatDate(y.from, locale)} – ${formatDate(y.to, locale)}; net ${formatPercent(y.net, locale).replace(/^\+/, '')}`;
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
  return (
    <>
      <th className="num">Gross</th>
      <th className="num" title="Withholding tax kept back at source">Tax withheld</th>
      <th className="num">Net</th>
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
      <select id="income-range" className="input" aria-label="Range" value={range} onChange={(e) => setRange(e.target.value as IncomeRange)}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <div className="segmented" role="group" aria-label="Bars per">
        {(['month', 'year'] as const).map((g) => (
          <button key={g} type="button" aria-pressed={grain === g} onClick={() => setGrain(g)}>
            {g === 'month' ? 'Months' : 'Years'}
          </button>
        ))}
      </div>
    </div>
  );

  let body: ReactNode;
  if (status === 'error' && report === null) {
    body = (
      <Banner kind="error" title="Income could not be calculated" action={<button className="btn btn-small" onClick={() => void load(accountId)}>Try again</button>}>
        {error}
      </Banner>
    );
  } else if (report === null) {
    body = <Loading label="Adding up your dividends and interest…" />;
  } else if (report.months.length === 0) {
    body = (
      <EmptyState
        icon={<IncomeIcon size={26} />}
        title={range === 'all' ? 'No dividends or interest yet' : 'No dividends or interest in this range'}
        actions={
          <button className="btn" onClick={() => go('holdings')}>
            Go to Holdings
          </button>
        }
      >
        A dividend you record on Holdings (with the tax withheld at source) or an interest line in an account’s cash shows here, per month and year,
        gross, tax and net, in {report.baseCurrency}.
      </EmptyState>
    );
  } else {
    const ccy = report.baseCurrency;
    const t: IncomeTotals = report.totals;
    body = (
      <>
        {status === 'error' ? <Banner kind="error">{error}</Banner> : null}
        {report.problems.length > 0 ? (
          <Banner kind="warning" title="Some income is left out">
            {report.problems.map((p) => p.message).join(' ')} Import the rate’s price history to include it; Tickerline never guesses a rate.
          </Banner>
        ) : null}
        <div className="income-summary">
        <div className="stat-grid card income-stats" aria-label="Income totals">
          <Stat label="Gross income" value={formatMoney(t.total.gross, ccy, locale)} sub={`Dividends ${formatMoney(t.dividends.gross, ccy, locale)} · interest ${formatMoney(t.interest.gross, ccy, locale)}`} />
          <Stat label="Tax withheld" value={formatMoney(t.total.tax === 0 ? 0 : -t.total.tax, ccy, locale)} sub={t.total.gross > 0 ? `${formatPercent(t.total.tax / t.total.gross, locale, 1).replace(/^\+/, '')} of gross` : undefined} />
          <Stat label="Net income" value={formatMoney(t.total.net, ccy, locale)} />
        </div>
        <div className="stat-grid card income-stats income-yields" aria-label="Dividend yields">
          <Stat
            label="Yield on cost"
            value={yieldText(report.yieldOnCost, locale)}
            sub="dividends of the last 12 months"
            title={yieldTitle(report.yieldOnCost, locale, 'Over what the shares held today cost')}
          />
          <Stat
            label="Trailing 12-month yield"
            value={yieldText(report.trailingYield, locale)}
            sub="on today’s market value"
            title={yieldTitle(report.trailingYield, locale, 'Over what the shares held today are worth')}
          />
        </div>
        </div>

        <section className="card income-chart-card" aria-label="Income per period">
          <div className="card-header">
            <h2>Per {grain}</h2>
            <span className="muted">Net, with the tax withheld on top: the whole bar is the gross · {ccy}</span>
          </div>
          <IncomeBars bars={toBars(buckets, (key) => bucketLabel(key, grain, locale))} currency={ccy} locale={locale} />
        </section>

        <div className="income-tables">
          <section className="card table-wrap" aria-label={`Income per ${grain}`}>
            <table className="data income-table">
              <thead>
                <tr>
                  <th>{grain === 'month' ? 'Month' : 'Year'}</th>
                  <th className="num">Dividends</th>
                  <th className="num">Interest</th>
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
                  <td>Total</td>
                  <td className="num">{formatMoney(t.dividends.gross, ccy, locale)}</td>
                  <td className="num">{formatMoney(t.interest.gross, ccy, locale)}</td>
                  <AmountCells a={t.total} currency={ccy} locale={locale} />
                </tr>
              </tfoot>
            </table>
          </section>

          <div className="income-side">
            <section className="card table-wrap" aria-label="Income per security">
              <table className="data income-table">
                <thead>
                  <tr>
                    <th>Security</th>
                    <AmountHeads />
                    <th className="num" title="Dividends of the last 12 months over what the shares held today cost">
                      Yield on cost
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.securities.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="muted">
                        No dividends in this range.
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
                        <td className="num" title={yieldTitle(s.yieldOnCost, locale, 'Over what the shares held today cost')}>
                          {yieldText(s.yieldOnCost, locale)}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </section>

            {report.accounts.length > 0 ? (
              <section className="card table-wrap" aria-label="Income per account">
                <table className="data income-table">
                  <thead>
                    <tr>
                      <th>Account</th>
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
        title="Income"
        subtitle={report ? `Dividends and interest in ${report.baseCurrency}, each payment at its day’s exchange rate.` : 'Dividends and interest.'}
        actions={controls}
      />
      {body}
    </div>
  );
}
