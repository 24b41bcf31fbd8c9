import { useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSecurity, EventImpacts, ImpactRow } from '@shared/api/charts';
import { formatDate, formatMoney, formatPercent, formatPoints, signClass } from '@renderer/ui/format';
import { useVirtualRows } from '@renderer/ui/virtual';
import { BenchmarkPicker } from './BenchmarkPicker';
import { sortImpactRows, type ImpactSortKey as SortKey } from './impactOrder';

const COLUMNS = [
  { key: 'dayReturn', label: 'col.day', title: 'col.dayHint' },
  { key: 'return1d', label: 'col.plus1d', title: 'col.plus1dHint' },
  { key: 'return5d', label: 'col.plus5d', title: 'col.plus5dHint' },
  { key: 'abnormalDayReturn', label: 'col.abnormal', title: 'col.abnormalHint' },
  { key: 'abnormalReturn5d', label: 'col.abnormal5d', title: 'col.abnormal5dHint' },
  { key: 'moneyDayBase', label: 'col.money', title: 'col.moneyHint' },
] as const satisfies readonly { key: SortKey; label: string; title: string }[];

const SESSION: SortKey = 'sessionDate';

/** From this many rows the table scrolls in its own box and keeps only the rows on screen in the page (a security with 1,000 news). */
const VIRTUAL_FROM = 60;
/** A row's height before it is measured: date with a badge, headline and source. */
const ROW_PX = 92;


const QUALIFIER: Record<string, 'qualifier.upTo' | 'qualifier.about' | 'qualifier.moreThan' | 'qualifier.lessThan'> = {
  'up-to': 'qualifier.upTo',
  about: 'qualifier.about',
  'more-than': 'qualifier.moreThan',
  'less-than': 'qualifier.lessThan',
};

const VERDICT = {
  consistent: 'verdict.consistent',
  overstated: 'verdict.overstated',
  understated: 'verdict.understated',
  'n/a': null,
} as const satisfies Record<ImpactRow['claimVerdict'], string | null>;

/**
 * What each news event did: returns, returns against the benchmark, the money it
 * meant for the holding, and the article's claim beside the measured move.
 * Sortable by any figure (click or Enter on a header).
 */
export function ImpactTable({
  data,
  locale,
  showSecurity = false,
  showNews = true,
  onOpenEvent,
  onShowWindow,
  securities,
}: {
  data: EventImpacts;
  /** When given, each security's benchmark can be changed in its row (the News detail). */
  securities?: readonly ChartSecurity[];
  locale: string;
  showSecurity?: boolean;
  /** Off in an event's own view, where every row is the same article. */
  showNews?: boolean;
  onOpenEvent?(eventId: number): void;
  /** Shows the event's small multiples; the table then offers a button per row. */
  onShowWindow?(eventId: number): void;
}): ReactElement {
  const { t } = useTranslation('charts');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'sessionDate', dir: 'desc' });
  const rows = useMemo(() => sortImpactRows(data.rows, sort.key, sort.dir), [data.rows, sort]);
  const header = (key: SortKey, label: string, title: string, num = true): ReactElement => (
    <th className={num ? 'num' : undefined} title={title} aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="th-sort" onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }))}>
        {label}
        {sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const ccy = data.baseCurrency;
  const columnCount = 2 + (showNews ? 1 : 0) + (showSecurity ? 1 : 0) + COLUMNS.length;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = rows.length >= VIRTUAL_FROM;
  const virtualizer = useVirtualRows({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => `${rows[i]?.eventId}-${rows[i]?.securityId}`,
  });
  const shown = virtual ? virtualizer.getVirtualItems() : [];
  const before = shown[0]?.start ?? 0;
  const after = virtual ? virtualizer.getTotalSize() - (shown[shown.length - 1]?.end ?? 0) : 0;
  const spacer = (height: number): ReactElement => (
    <tr className="virtual-spacer" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );

  return (
    <div className={`table-wrap impact-wrap${virtual ? ' impact-wrap-long' : ''}`} ref={scroller}>
      <table className="data impact-table" data-testid="impact-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {header(SESSION, t('col.session'), t('col.sessionHint'), false)}
            {showNews ? <th>{t('col.news')}</th> : null}
            {showSecurity ? <th>{t('col.security')}</th> : null}
            {COLUMNS.map((c) => header(c.key, t(c.label), t(c.title)))}
            <th className="num" title={t('col.claimedHint')}>{t('col.claimed')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? spacer(before) : null}
          {(virtual ? shown.map((v) => ({ r: rows[v.index] as ImpactRow, index: v.index })) : rows.map((r, index) => ({ r, index }))).map(({ r, index }) => {
            const qualifier = r.claim ? QUALIFIER[r.claim.qualifier ?? ''] : undefined;
            const verdict = VERDICT[r.claimVerdict];
            return (
            <tr
              key={`${r.eventId}-${r.securityId}`}
              data-testid="impact-row"
              data-event={r.eventId}
              data-security={r.symbol}
              data-index={index}
              aria-rowindex={index + 2}
              ref={virtual ? virtualizer.measureElement : undefined}
            >
              <td data-label={t('col.session')}>
                <div>{r.sessionDate ? formatDate(r.sessionDate, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }) : '—'}</div>
                {r.anchorLabel ? <span className="badge badge-warning" data-testid="anchored-badge">{r.anchorLabel}</span> : null}
              </td>
              {showNews ? (
                <td className="impact-news" data-wide>
                  {onOpenEvent ? (
                    <button type="button" className="link-button" onClick={() => onOpenEvent(r.eventId)} title={r.headline}>
                      {r.headline}
                    </button>
                  ) : (
                    <span title={r.headline}>{r.headline}</span>
                  )}
                  <div className="muted small">{[r.source, ...r.tags].filter(Boolean).join(' · ')}</div>
                  {onShowWindow ? (
                    <button type="button" className="btn btn-small impact-window-button" onClick={() => onShowWindow(r.eventId)} aria-label={t('aroundEventLabel', { headline: r.headline })}>
                      {t('aroundEvent')}
                    </button>
                  ) : null}
                </td>
              ) : null}
              {showSecurity ? (
                <td data-wide>
                  <strong>{r.symbol}</strong>
                  <RowBenchmark row={r} securities={securities} />
                </td>
              ) : null}
              <Pct value={r.dayReturn} locale={locale} why={r.missing.dayReturn} testId="day-return" label={t('col.day')} />
              <Pct value={r.return1d} locale={locale} why={r.missing.return1d} label={t('col.plus1d')} />
              <Pct value={r.return5d} locale={locale} why={r.missing.return5d} label={t('col.plus5d')} />
              <Pct value={r.abnormalDayReturn} locale={locale} why={r.missing.benchmarkDayReturn ?? r.missing.dayReturn} testId="abnormal-return" points label={t('col.abnormal')} />
              <Pct value={r.abnormalReturn5d} locale={locale} why={r.missing.benchmarkReturn5d ?? r.missing.return5d} points label={t('col.abnormal5d')} />
              <td data-label={t('col.money')} className={`num ${signClass(r.moneyDayBase)}`} data-testid="money-impact" title={r.missing.moneyDayBase ?? r.missing.moneyDay ?? (r.sharesHeld ? t('sharesHeld', { count: r.sharesHeld, shares: r.sharesHeld.toLocaleString(locale) }) : undefined)}>
                {r.moneyDayBase !== null ? formatMoney(r.moneyDayBase, ccy, locale) : r.moneyDay !== null ? formatMoney(r.moneyDay, r.currency, locale) : <span className="muted">—</span>}
              </td>
              <td className="num" data-testid="claim" data-label={t('col.claimed')}>
                {r.claim ? (
                  <>
                    <div>
                      {qualifier ? t(qualifier) : ''}
                      {formatPercent((r.claim.direction === 'down' ? -1 : 1) * (r.claim.percent / 100), locale, 1)}
                    </div>
                    <div className="muted small">
                      {t('measured')} <span className={signClass(r.claimMeasured)}>{formatPercent(r.claimMeasured, locale)}</span>
                      {r.claimDate && r.claimDate !== r.sessionDate ? t('measuredOn', { date: formatDate(r.claimDate, locale, { weekday: 'short', day: 'numeric', month: 'short' }) }) : null}
                    </div>
                    {verdict ? <span className={`badge verdict-${r.claimVerdict}`}>{t(verdict)}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t('noClaim')}</span>
                )}
              </td>
            </tr>
            );
          })}
          {after > 0 ? spacer(after) : null}
        </tbody>
      </table>
    </div>
  );
}

/** "vs ^HSI (default)" with the picker to change it when the securities are known. */
function RowBenchmark({ row, securities }: { row: ImpactRow; securities?: readonly ChartSecurity[] }): ReactElement {
  const { t } = useTranslation('charts');
  const security = securities?.find((s) => s.id === row.securityId);
  if (security && securities) return <BenchmarkPicker security={security} securities={securities} id={`impact-benchmark-${row.eventId}-${row.securityId}`} />;
  const text = row.benchmarkSymbol
    ? row.benchmarkOrigin === 'default'
      ? t('vsDefaultBenchmark', { symbol: row.benchmarkSymbol })
      : t('vsBenchmark', { symbol: row.benchmarkSymbol })
    : t('noBenchmark');
  return <div className="muted small">{text}</div>;
}

function Pct({ value, locale, why, testId, points = false, label }: { value: number | null; locale: string; why?: string; testId?: string; points?: boolean; label?: string }): ReactElement {
  return (
    <td className={`num ${signClass(value)}`} title={value === null ? why : undefined} data-testid={testId} data-label={label}>
      {value === null ? <span className="muted">—</span> : points ? formatPoints(value, locale) : formatPercent(value, locale)}
    </td>
  );
}

/** Average moves per news tag, with how many events each rests on. */
export function TagAverages({ data, locale }: { data: EventImpacts; locale: string }): ReactElement | null {
  const { t } = useTranslation('charts');
  if (data.averages.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{t('avg.tag')}</th>
            <th className="num">{t('avg.events')}</th>
            <th className="num">{t('avg.day')}</th>
            <th className="num">{t('avg.fiveDays')}</th>
            <th className="num">{t('avg.vsBenchmark')}</th>
            <th className="num">{t('avg.vsBenchmark5d')}</th>
          </tr>
        </thead>
        <tbody>
          {data.averages.map((a) => (
            <tr key={a.tag}>
              <td><span className="badge">{a.tag}</span></td>
              <td className="num">{a.count}</td>
              <Pct value={a.dayReturn} locale={locale} />
              <Pct value={a.return5d} locale={locale} />
              <Pct value={a.abnormalDayReturn} locale={locale} points />
              <Pct value={a.abnormalReturn5d} locale={locale} points />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
