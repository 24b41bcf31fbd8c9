import { memo, startTransition, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import { daySessions, priceDateStatus, type DaySessions } from '@shared/domain/portfolio/price-dates';
import type { Holding } from '@shared/api/holdings';
import { api, errorMessage } from '@renderer/api/client';
import { useNavigation } from '@renderer/navigation/navigation';
import { ManageSecuritiesDialog } from '@renderer/features/securities/ManageSecuritiesDialog';
import { SecurityDetail } from './SecurityDetail';
import { useBaseCurrency, useLocale } from '@renderer/stores/settingsStore';
import { TransactionForm } from '@renderer/features/transactions/TransactionForm';
import { UndoToast } from '@renderer/features/transactions/UndoToast';
import { LoadDemoButton } from '@renderer/features/charts/LoadDemoButton';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { formatDate, formatMoney, formatNumber, formatPercent, signClass, unrealisedWord } from '@renderer/ui/format';
import { HoldingsIcon, PlusIcon } from '@renderer/ui/icons';
import { AccountSwitcher } from '@renderer/features/accounts/AccountSwitcher';
import { CashBalances } from '@renderer/features/accounts/CashBalances';
import { cashNote } from '@renderer/features/accounts/cashNote';
import { CashForm } from '@renderer/features/accounts/CashForm';
import { TransferForm } from '@renderer/features/accounts/TransferForm';
import { AccountsDialog } from '@renderer/features/accounts/AccountsDialog';
import { selectSelectedAccountId, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { ReturnsPanel } from '@renderer/features/returns/ReturnsPanel';
import { HoldingReturn } from '@renderer/features/returns/HoldingReturn';
import { useReturnsStore } from '@renderer/features/returns/returnsStore';
import { missingRatePair } from '@renderer/features/returns/holdingProblemText';
import { HOLDINGS_TOPICS, sortHoldings, useHoldingsStore, type SortKey } from './holdingsStore';
import './holdings.css';

/** Column labels; realised/unrealised come in a US spelling for en-US (the same German word twice). */
const COLUMNS = [
  { key: 'symbol', label: 'col.security', us: 'col.security', numeric: false },
  { key: 'quantity', label: 'col.quantity', us: 'col.quantity', numeric: true, title: 'col.quantityHint' },
  { key: 'costBasis', label: 'col.costBasis', us: 'col.costBasis', numeric: true },
  { key: 'lastPrice', label: 'col.lastPrice', us: 'col.lastPrice', numeric: true },
  { key: 'marketValueBase', label: 'col.marketValue', us: 'col.marketValue', numeric: true, title: 'col.marketValueHint' },
  { key: 'unrealizedPnlBase', label: 'col.unrealised', us: 'col.unrealisedUs', numeric: true },
  { key: 'realizedPnlBase', label: 'col.realised', us: 'col.realisedUs', numeric: true, title: 'col.realisedHint' },
  { key: 'dividendsBase', label: 'col.dividends', us: 'col.dividends', numeric: true },
  { key: 'dayChange', label: 'col.day', us: 'col.day', numeric: true, title: 'col.dayHint' },
] as const satisfies readonly { key: SortKey; label: string; us: string; numeric: boolean; title?: string }[];

type HoldingsT = ReturnType<typeof useTranslation<'holdings'>>['t'];

/**
 * Cells are plain functions of their row's props, not components with hooks of their own: a long
 * table has hundreds of them, and a store subscription and a translation hook each made the first
 * render of 100 holdings take most of a second.
 */
function money(value: number | null, currency: string, locale: string, signed?: boolean): ReactElement {
  return <span className={signed ? signClass(value, 2) : undefined}>{formatMoney(value, currency, locale)}</span>;
}

/** A base-currency amount, or the position's own currency with a plain reason when the rate is missing. */
function baseOrLocal(base: number | null, local: number | null, h: Holding, baseCurrency: string, locale: string, t: HoldingsT, signed?: boolean): ReactElement {
  if (base !== null) return money(base, baseCurrency, locale, signed);
  if (local === null) return <span className="muted">—</span>;
  return (
    <span className="local-amount" title={t('noRateShownIn', { from: h.currency, to: baseCurrency })}>
      <span className={signed ? signClass(local, 2) : undefined}>{formatMoney(local, h.currency, locale)}</span>
    </span>
  );
}

/** Rows drawn in the first frame: more than a full-height window shows above the fold. */
const FIRST_ROWS = 24;

const CASH_KEYS = { cashPlus: 'stat.cashPlus', cashMinus: 'stat.cashMinus', cashNoRate: 'stat.cashNoRate' } as const;

export function HoldingsScreen(): ReactElement {
  const { t } = useTranslation(['holdings', 'common']);
  const locale = useLocale();
  const us = unrealisedWord(locale) === 'Unrealized';
  const baseCurrency = useBaseCurrency();
  const { report, status, error, sort, load, sortBy } = useHoldingsStore();
  const params = useNavigation((s) => s.params);
  const go = useNavigation((s) => s.go);
  const [adding, setAdding] = useState(false);
  const [managing, setManaging] = useState(false);
  const [accountsOpen, setAccountsOpen] = useState(false);
  const [cashOpen, setCashOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const accountCount = useAccountsStore((s) => s.accounts.length);
  const accountId = useAccountsStore(selectSelectedAccountId);
  const [exportError, setExportError] = useState<string | null>(null);
  // The first table shows the rows a window can hold at once; the rest follow after that frame is
  // painted. Building and laying out 100 rows in one go kept the first screen blank for most of a second.
  const [allRows, setAllRows] = useState(false);
  const hasReport = report !== null;
  useEffect(() => {
    if (!hasReport || allRows) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setAllRows(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [hasReport, allRows]);
  const selected = params.security ? Number(params.security) : null;
  const period = useReturnsStore((s) => s.period);
  const loadReturns = useReturnsStore((s) => s.load);
  const securityIds = report?.holdings.map((h) => h.securityId).join(',') ?? null;
  const reloadReturns = (): void => {
    if (securityIds !== null) void loadReturns(accountId, securityIds === '' ? [] : securityIds.split(',').map(Number));
  };

  // Returns follow the table: recomputed with it (report), for its account and the chosen period.
  useEffect(() => {
    if (securityIds !== null && report?.transactionCount) void loadReturns(accountId, securityIds === '' ? [] : securityIds.split(',').map(Number));
  }, [report, securityIds, accountId, period, loadReturns]);

  useEffect(
    () =>
      api.on('data.changed', ({ topics }) => {
        if (touches(topics, HOLDINGS_TOPICS)) void load();
      }),
    [load],
  );

  // The first table (main.tsx may have asked for it already), and the table again for another account.
  useEffect(() => {
    void load({ reuseInFlight: true });
  }, [accountId, load]);

  const exportCsv = async (): Promise<void> => {
    setExportError(null);
    try {
      const { fileName, csv } = await api.call('transactions.export', {});
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };

  const addButton = (
    <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
      <PlusIcon size={16} /> {t('addTransaction')}
    </button>
  );

  let body: ReactNode;
  if (status === 'error' && !report) {
    body = (
      <Banner kind="error" title={t('failed')} action={<button className="btn btn-small" onClick={() => void load()}>{t('common:tryAgain')}</button>}>
        {error}
      </Banner>
    );
  } else if (!report) {
    body = <Loading label={t('calculating')} />;
  } else if (report.transactionCount === 0) {
    body = (
      <EmptyState
        icon={<HoldingsIcon size={26} />}
        title={t('empty.title')}
        actions={
          <>
            {addButton}
            <button className="btn" onClick={() => go('import')}>
              {t('empty.importFile')}
            </button>
            <LoadDemoButton />
          </>
        }
      >
        {t('empty.text')}
      </EmptyState>
    );
  } else {
    const { totals } = report;
    const rows = sortHoldings(report.holdings, sort.key, sort.descending);
    const open = rows.filter((h) => h.quantity > 0);
    const closed = rows.filter((h) => h.quantity <= 0);
    const missingRates = [...new Set(report.holdings.flatMap((h) => h.problems.map(missingRatePair).filter((pair) => pair !== null)))];
    const missingPrices = report.holdings.filter((h) => h.quantity > 0 && h.lastPrice === null).map((h) => h.symbol);
    const ccy = report.baseCurrency;
    // A total over holdings whose figure is unknown (no price, no rate) is shown as such, never as a silent 0.
    const coverage = (pick: (h: Holding) => number | null, among: Holding[] = open): Coverage => {
      const knownCount = among.filter((h) => pick(h) !== null).length;
      return knownCount === among.length ? 'all' : knownCount === 0 ? 'none' : 'some';
    };
    const known = {
      value: coverage((h) => h.marketValueBase),
      cost: coverage((h) => h.costBasisBase),
      unrealized: coverage((h) => h.unrealizedPnlBase),
      realized: coverage((h) => h.realizedPnlBase, rows),
      dividends: coverage((h) => h.dividendsBase, rows),
      day: coverage((h) => (h.dayChange ? h.dayChange.amountBase : null)),
    };
    const sessions = daySessions(report.holdings, report.valuationDate);
    const total = (value: number, c: Coverage): string => (c === 'none' ? '—' : `${formatMoney(value, ccy, locale)}${c === 'some' ? '*' : ''}`);
    // Cash beside the securities' value: Holdings' returns are measured on both.
    const cash = cashNote(report.cashBase, totals.marketValue, ccy, locale);
    const note = (c: Coverage): string | undefined =>
      c === 'none' ? (missingRates.length > 0 ? t('needsRate', { rate: missingRates[0] }) : t('needsPrices')) : c === 'some' ? t('someLeftOut') : undefined;
    body = (
      <>
        <div className="stat-grid card holdings-stats" aria-label={t('totals')}>
          <Stat label={t('stat.marketValue')} value={total(totals.marketValue, known.value)} note={note(known.value)} info={cash ? t(CASH_KEYS[cash.key], cash.values) : undefined} />
          <Stat label={t('stat.cost')} value={total(totals.costBasis, known.cost)} note={note(known.cost)} />
          <Stat
            label={us ? t('stat.unrealisedUs') : t('stat.unrealised')}
            value={total(totals.unrealizedPnl, known.unrealized)}
            sub={known.unrealized === 'none' ? undefined : formatPercent(totals.unrealizedPnlPct === null ? null : totals.unrealizedPnlPct / 100, locale)}
            sign={known.unrealized === 'none' ? undefined : totals.unrealizedPnl}
            note={note(known.unrealized)}
          />
          <Stat label={us ? t('stat.realisedUs') : t('stat.realised')} value={total(totals.realizedPnl, known.realized)} sign={totals.realizedPnl} note={note(known.realized)} />
          <Stat
            label={t('stat.dayChange')}
            value={total(totals.dayChange, known.day)}
            sub={known.day === 'none' ? undefined : formatPercent(totals.dayChangePct === null ? null : totals.dayChangePct / 100, locale)}
            sign={known.day === 'none' ? undefined : totals.dayChange}
            note={note(known.day) ?? (sessions.kind === 'ownSessions' ? t('priceDates.totalOwn') : undefined)}
          />
        </div>
        <ReturnsPanel locale={locale} onRetry={reloadReturns} />
        {missingRates.length > 0 ? (
          <Banner kind="warning" title={t('noRate.title', { rates: missingRates.join(', ') })}>
            {t('noRate.text', {
              currency: ccy,
              symbols: totals.incomplete.filter((i) => i.reasons.some((r) => missingRatePair(r) !== null)).map((i) => i.symbol).join(', '),
              example: missingRates[0]?.replace('→', '') ?? '',
            })}
          </Banner>
        ) : null}
        {missingPrices.length > 0 ? (
          <Banner kind="info" title={t('noPrice.title', { symbols: missingPrices.join(', ') })}>
            {t('noPrice.text', { count: missingPrices.length })}
          </Banner>
        ) : null}
        {status === 'error' ? <Banner kind="error">{error}</Banner> : null}
        <div className="holdings-table-area">
        <div className="card table-wrap">
          <table className="data holdings-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    title={'title' in c ? t(c.title) : undefined}
                  >
                    <button type="button" className="th-sort" onClick={() => sortBy(c.key)}>
                      {t(us ? c.us : c.label)}
                      <span className="sort-mark" aria-hidden="true">
                        {sort.key === c.key ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  </th>
                ))}
                <th className="num" title={t('col.returnHint')}>
                  {period === 'custom' ? t('col.returnCustom') : t('col.return', { period })}
                </th>
              </tr>
            </thead>
            <tbody>
              {(allRows ? [...open, ...closed] : [...open, ...closed].slice(0, FIRST_ROWS)).map((h) => (
                <HoldingRow
                  key={h.securityId}
                  h={h}
                  selected={h.securityId === selected}
                  ccy={ccy}
                  locale={locale}
                  valuationDate={report.valuationDate}
                  ownSessions={sessions.kind === 'ownSessions' && sessions.others.includes(h.symbol)}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t('totalIn', { currency: ccy })}</td>
                <td />
                <td className="num">{total(totals.costBasis, known.cost)}</td>
                <td />
                <td className="num">{total(totals.marketValue, known.value)}</td>
                <td className="num">
                  <span className={known.unrealized === 'none' ? '' : signClass(totals.unrealizedPnl, 2)}>{total(totals.unrealizedPnl, known.unrealized)}</span>
                  {known.unrealized !== 'none' && totals.unrealizedPnlPct !== null ? (
                    <div className={`cell-sub ${signClass(totals.unrealizedPnlPct, 2)}`}>{formatPercent(totals.unrealizedPnlPct / 100, locale)}</div>
                  ) : null}
                </td>
                <td className="num">
                  <span className={signClass(totals.realizedPnl, 2)}>{total(totals.realizedPnl, known.realized)}</span>
                </td>
                <td className="num">{total(totals.dividends, known.dividends)}</td>
                <td className="num">
                  <span className={signClass(totals.dayChange, 2)}>{total(totals.dayChange, known.day)}</span>
                </td>
                <td className="num holding-return">
                  <HoldingReturn securityId={null} locale={locale} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="muted narrow-note narrow-note-medium">{t('narrowNoteMedium')}</p>
        <p className="muted narrow-note narrow-note-small">{t('narrowNote')}</p>
        </div>
        {report.valuationDate && report.holdings.some((h) => h.lastPriceDate !== null) ? (
          <div className="muted valuation-note">
            <p>{t('valuedAt', { date: formatDate(report.valuationDate, locale) })}</p>
            <p>
              <DaySessionsNote sessions={sessions} holdings={report.holdings} />
            </p>
          </div>
        ) : null}
        {selected !== null ? <SecurityDetail key={selected} securityId={selected} onClose={() => go('holdings')} /> : null}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { currency: baseCurrency })}
        actions={
          report ? (
            <>
              <AccountSwitcher />
              <button type="button" className="btn" onClick={() => setAccountsOpen(true)}>
                {t('accounts')}
              </button>
              <button type="button" className="btn" onClick={() => setCashOpen(true)}>
                {t('addCash')}
              </button>
              {accountCount > 1 ? (
                <button type="button" className="btn" onClick={() => setTransferOpen(true)}>
                  Transfer shares…
                </button>
              ) : null}
              <button type="button" className="btn" onClick={() => setManaging(true)}>
                {t('securities')}
              </button>
              {report.transactionCount > 0 ? (
                <>
                  <button type="button" className="btn" onClick={() => void exportCsv()}>
                    {t('exportCsv')}
                  </button>
                  {addButton}
                </>
              ) : null}
            </>
          ) : null
        }
      />
      {exportError ? <Banner kind="error" title={t('exportFailed')}>{exportError}</Banner> : null}
      {body}
      <CashBalances />
      {adding ? <TransactionForm initial={null} security={null} onClose={() => setAdding(false)} /> : null}
      {managing ? <ManageSecuritiesDialog onClose={() => setManaging(false)} /> : null}
      {cashOpen ? <CashForm onClose={() => setCashOpen(false)} /> : null}
      {transferOpen ? <TransferForm onClose={() => setTransferOpen(false)} /> : null}
      {accountsOpen ? <AccountsDialog onClose={() => setAccountsOpen(false)} /> : null}
      <UndoToast />
    </div>
  );
}

/** One holding's row; memoized, so returns arriving or another row selected re-render only what changed. */
const HoldingRow = memo(function HoldingRow({
  h,
  selected,
  ccy,
  locale,
  valuationDate,
  ownSessions,
}: {
  h: Holding;
  selected: boolean;
  ccy: string;
  locale: string;
  valuationDate: string | null;
  /** The row's day change runs between sessions of its own (see daySessions). */
  ownSessions: boolean;
}): ReactElement {
  const { t } = useTranslation('holdings');
  const go = useNavigation((s) => s.go);
  return (
      <tr
        className={`holding-row${selected ? ' selected' : ''}${h.quantity <= 0 ? ' closed' : ''}`}
        tabIndex={0}
        aria-label={`${h.symbol} ${h.name}`}
        onClick={() => go('holdings', { security: String(h.securityId) })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            go('holdings', { security: String(h.securityId) });
          }
        }}
      >
        <td>
          <div className="holding-symbol">{h.symbol}</div>
          <div className="holding-name muted">{h.name}</div>
        </td>
        <td className="num">
          <div>{formatNumber(h.quantity, locale, 4)}</div>
          {h.averageCost !== null ? <div className="muted cell-sub">{t('avg', { price: formatMoney(h.averageCost, h.currency, locale) })}</div> : null}
        </td>
        <td className="num">{formatMoney(h.costBasis, h.currency, locale)}</td>
        <td className="num">
          {h.lastPrice === null ? (
            h.quantity > 0 ? <span className="badge badge-warning">{t('noPriceYet')}</span> : <span className="muted">—</span>
          ) : (
            <>
              <div>{formatMoney(h.lastPrice, h.currency, locale)}</div>
              {priceDate(h.lastPriceDate, valuationDate, locale, t)}
            </>
          )}
        </td>
        <td className="num">
          {baseOrLocal(h.marketValueBase, h.marketValue, h, ccy, locale, t)}
          {h.marketValueBase === null && h.marketValue !== null ? <div className="cell-sub warning-text">{t('noRateCell', { from: h.currency, to: ccy })}</div> : null}
          {h.weight !== null ? <div className="cell-sub muted">{t('ofTotal', { weight: formatPercent(h.weight, locale, 1).replace(/^\+/, '') })}</div> : null}
        </td>
        <td className="num">
          {baseOrLocal(h.unrealizedPnlBase, h.unrealizedPnl, h, ccy, locale, t, true)}
          {(h.unrealizedPnlBasePct ?? h.unrealizedPnlPct) !== null ? (
            <div className={`cell-sub ${signClass(h.unrealizedPnlBasePct ?? h.unrealizedPnlPct, 2)}`}>
              {formatPercent((h.unrealizedPnlBasePct ?? h.unrealizedPnlPct ?? 0) / 100, locale)}
            </div>
          ) : null}
        </td>
        <td className="num">
          {baseOrLocal(h.realizedPnlBase, h.realizedPnl, h, ccy, locale, t, true)}
        </td>
        <td className="num">
          {baseOrLocal(h.dividendsBase, h.dividends, h, ccy, locale, t)}
        </td>
        <td className="num">
          {h.dayChange ? (
            <>
              {baseOrLocal(h.dayChange.amountBase, h.dayChange.amount, h, ccy, locale, t, true)}
              <div className={`cell-sub ${signClass(h.dayChange.pct, 2)}`}>{formatPercent(h.dayChange.pct / 100, locale)}</div>
              {ownSessions ? ownSessionsNote(h.dayChange.previousDate, h.dayChange.date, locale, t) : null}
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td className="num holding-return">
          <HoldingReturn securityId={h.securityId} locale={locale} />
        </td>
      </tr>
  );
});

type Coverage = 'all' | 'some' | 'none';

/** A row's price date, only when it is not the date the whole table is valued at; stale ones marked. */
function priceDate(date: string | null, valuationDate: string | null, locale: string, t: HoldingsT): ReactElement | null {
  const status = priceDateStatus(date, valuationDate);
  if (date === null || valuationDate === null || status.kind === 'none' || status.kind === 'current') return null;
  const params = { days: formatNumber(status.daysBehind, locale), valuationDate: formatDate(valuationDate, locale) };
  return status.kind === 'stale' ? (
    // Date and mark on two lines: the column stays as wide as a price.
    <div className="cell-sub stale-price" title={t('priceDates.staleTitle', params)}>
      <div>{formatDate(date, locale)}</div>
      <div className="stale-mark">{t('priceDates.stale')}</div>
    </div>
  ) : (
    <div className="cell-sub muted" title={t('priceDates.earlierTitle', params)}>
      {formatDate(date, locale)}
    </div>
  );
}

const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** Under a row's day change when it does not run between the table's common two sessions. */
function ownSessionsNote(from: string, to: string, locale: string, t: HoldingsT): ReactElement {
  const dates = { from: formatDate(from, locale, SHORT_DATE), to: formatDate(to, locale, SHORT_DATE) };
  return (
    <div className="cell-sub muted day-sessions" title={t('priceDates.sessionsTitle', { from: formatDate(from, locale), to: formatDate(to, locale) })}>
      {t('priceDates.sessions', dates)}
    </div>
  );
}

/** Which sessions the Day column and its total compare, said once under the table (the column itself gives way in narrow windows). */
function DaySessionsNote({ sessions, holdings }: { sessions: DaySessions; holdings: readonly Holding[] }): ReactElement | null {
  const { t } = useTranslation('holdings');
  const locale = useLocale();
  if (sessions.kind === 'none') return null;
  if (sessions.kind === 'common') return <>{t('priceDates.dayCommon', { date: formatDate(sessions.date, locale), previous: formatDate(sessions.previousDate, locale) })}</>;
  if (sessions.previousDate === null || sessions.date === null) return <>{t('priceDates.dayOwnOnly')}</>;
  const own = sessions.others.length === 1 ? holdings.find((h) => h.symbol === sessions.others[0])?.dayChange : undefined;
  return (
    <>
      {t('priceDates.dayOwn', {
        count: sessions.others.length,
        date: formatDate(sessions.date, locale),
        previous: formatDate(sessions.previousDate, locale),
        symbols: listFormat(sessions.others, locale),
        from: own ? formatDate(own.previousDate, locale, SHORT_DATE) : '',
        to: own ? formatDate(own.date, locale) : '',
      })}
    </>
  );
}

function listFormat(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** `note` warns (figures left out); `info` adds a neutral line (the cash beside the market value). */
function Stat({ label, value, sub, sign, note, info }: { label: string; value: string; sub?: string; sign?: number | null; note?: string; info?: string }): ReactElement {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${sign === undefined ? '' : signClass(sign, 2)}`}>{value}</div>
      {sub && sub !== '—' ? <div className={`stat-sub ${sign === undefined ? '' : signClass(sign, 2)}`}>{sub}</div> : null}
      {note ? <div className="stat-note">{note}</div> : info ? <div className="stat-info muted small">{info}</div> : null}
    </div>
  );
}
