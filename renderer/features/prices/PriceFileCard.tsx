import { useState, type ReactElement } from 'react';
import { i18n } from '@renderer/i18n/i18n';
import { useTranslation } from 'react-i18next';
import type { PricePreview, PriceSeriesInfo } from '@shared/api/prices';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatDate, formatNumber } from '@renderer/ui/format';
import { barCount, closeWords, formatWords, intervalWord } from './fileWords';
import { MappingEditor } from './MappingEditor';
import { TargetPicker } from './TargetPicker';
import { usePriceImport, type PriceFileJob } from './priceImportStore';
import { problemText } from '@renderer/api/client';

/** "800 rows" / "800 Zeilen" in the user's number format. */
function rows(n: number, locale: string): string {
  return i18n.t('prices:rows', { count: n, formatted: formatNumber(n, locale, 0) });
}

/** "Yahoo Finance CSV · 800 rows · 4 Jan 2021 → 8 Mar 2024 · split-adjusted Close"; "… · monthly, 145 months · …" */
export function describeFile(preview: PricePreview, locale: string): string {
  const { stats } = preview;
  const source = preview.sourceLabel === null ? i18n.t('prices:noKnownExport', { format: formatWords(preview) }) : formatWords(preview);
  const count =
    preview.interval === 'daily'
      ? rows(stats.valid, locale)
      : `${intervalWord(preview.interval)}, ${barCount(preview.interval, stats.valid)}`;
  const parts = [source, count];
  if (stats.firstDate && stats.lastDate) parts.push(`${formatDate(stats.firstDate, locale)} → ${formatDate(stats.lastDate, locale)}`);
  parts.push(closeWords(preview.adjustment.kind, preview.closeColumn.header));
  return parts.join(' · ');
}

export function describeSeries(series: PriceSeriesInfo | null, locale: string): string {
  if (!series || series.count === 0) return i18n.t('prices:noPricesStored');
  const range = series.firstDate && series.lastDate ? ` · ${formatDate(series.firstDate, locale)} → ${formatDate(series.lastDate, locale)}` : '';
  const count = barCount(series.interval, series.count);
  const interval = series.interval === 'daily' ? '' : `${intervalWord(series.interval)}, `;
  return i18n.t('prices:stored', { interval, count, range, close: closeWords(series.adjustment, series.closeColumn) });
}

type PriceKey = 'open' | 'high' | 'low' | 'close' | 'adjClose';
const PRICE_COLUMNS = [
  { key: 'open', label: 'col.open' },
  { key: 'high', label: 'col.high' },
  { key: 'low', label: 'col.low' },
  { key: 'close', label: 'col.close' },
  { key: 'adjClose', label: 'col.adjClose' },
] as const satisfies readonly { key: PriceKey; label: string }[];

/** Decimals the preview's prices need (at most 4), so a column lines up on the decimal mark. */
function priceDigits(rows: PricePreview['rows']): number {
  let digits = 2;
  for (const r of rows) {
    for (const { key } of PRICE_COLUMNS) {
      const v = r[key];
      if (v === null) continue;
      const text = String(v);
      const dot = text.indexOf('.');
      if (dot >= 0) digits = Math.max(digits, Math.min(4, text.length - dot - 1));
    }
  }
  return digits;
}

function PreviewTable({ preview, locale }: { preview: PricePreview; locale: string }): ReactElement {
  const { t } = useTranslation('prices');
  const intraday = preview.intraday !== null;
  const digits = priceDigits(preview.rows);
  // columns the file does not have are left out rather than shown as dashes
  const prices = PRICE_COLUMNS.filter(({ key }) => preview.rows.some((r) => r[key] !== null));
  const hasVolume = preview.rows.some((r) => r.volume !== null);
  return (
    <div className="table-wrap price-preview">
      <table className="data">
        <caption className="sr-only">{t('previewCaption', { fileName: preview.fileName })}</caption>
        <thead>
          <tr>
            <th className="num">{t('col.line')}</th>
            <th>{t('col.date')}</th>
            {intraday ? <th>{t('col.time')}</th> : null}
            {prices.map((c) => (
              <th key={c.key} className="num">
                {t(c.label)}
              </th>
            ))}
            {hasVolume ? <th className="num">{t('col.volume')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={`${r.line}-${r.date}-${r.time ?? ''}`}>
              <td className="num muted">{formatNumber(r.line, locale)}</td>
              <td>{formatDate(r.date, locale)}</td>
              {intraday ? <td>{r.time ?? ''}</td> : null}
              {prices.map((c) => (
                <td key={c.key} className="num">
                  {formatNumber(r[c.key], locale, digits, digits)}
                </td>
              ))}
              {hasVolume ? <td className="num">{formatNumber(r.volume, locale, 0)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RejectedList({ rows, total, title }: { rows: { line: number; reason: string }[]; total: number; title: string }): ReactElement {
  const { t } = useTranslation('prices');
  return (
    <div className="price-rejected">
      <div className="price-rejected-title">{title}</div>
      <ul>
        {rows.slice(0, 50).map((r) => (
          <li key={`${r.line}-${r.reason}`}>
            <span className="price-line">{t('line', { line: r.line })}</span> {problemText(r)}
          </li>
        ))}
      </ul>
      {total > 50 ? <div className="muted">{t('andMore', { count: total - 50 })}</div> : null}
    </div>
  );
}

export function PriceFileCard({ job }: { job: PriceFileJob }): ReactElement {
  const { t } = useTranslation(['prices', 'common']);
  const locale = useLocale();
  const { remove, runImport, patch, setMapping } = usePriceImport.getState();
  const [editing, setEditing] = useState(false);
  const { preview } = job;

  if (job.status === 'reading' || (!preview && job.status !== 'failed')) {
    return (
      <article className="price-job" aria-label={job.fileName}>
        <div className="price-job-head">
          <h3>{job.fileName}</h3>
        </div>
        <Loading label={t('reading')} />
      </article>
    );
  }

  if (!preview) {
    return (
      <article className="price-job" aria-label={job.fileName}>
        <div className="price-job-head">
          <h3>{job.fileName}</h3>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => remove(job.id)}>
            {t('remove')}
          </button>
        </div>
        <Banner kind="error" title={t('cannotImport')}>
          {job.error?.message}
        </Banner>
      </article>
    );
  }

  const busy = job.status === 'importing';
  const unsure = preview.uncertainties.length > 0 || preview.confidence !== 'high';
  const rejected = preview.stats.rejected;
  const needsIntradayOk = preview.intraday !== null && !job.aggregateIntraday;
  const canImport = job.target !== null && !busy && !needsIntradayOk && preview.stats.valid > 0;
  const progress = job.progress;
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  // once imported, the card shrinks to its summary
  const details = job.status !== 'done';

  return (
    <article className="price-job" aria-label={job.fileName}>
      <div className="price-job-head">
        <div>
          <h3>{job.fileName}</h3>
          <p className="price-format" data-testid="price-format">
            {describeFile(preview, locale)}
          </p>
        </div>
        <div className="price-job-badges">
          {preview.usedRemembered ? <span className="badge badge-accent">{t('savedLayout')}</span> : null}
          {rejected > 0 ? <span className="badge badge-warning">{t('rejectedBadge', { rows: rows(rejected, locale) })}</span> : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => remove(job.id)} disabled={busy}>
            {job.status === 'done' ? t('common:close') : t('common:cancel')}
          </button>
        </div>
      </div>

      {details && unsure ? (
        <Banner kind="warning" title={t('checkHowRead')}>
          <ul className="price-doubts">
            {preview.uncertainties.map((u) => (
              <li key={u.message}>{problemText(u)}</li>
            ))}
          </ul>
        </Banner>
      ) : null}

      {!details ? null : unsure || editing || job.mappingEdited ? (
        <MappingEditor
          preview={preview}
          mapping={job.mapping ?? preview.mapping}
          remember={job.rememberMapping}
          onChange={(m) => void setMapping(job.id, m)}
          onRemember={(rememberMapping) => patch(job.id, { rememberMapping })}
        />
      ) : (
        <button type="button" className="btn btn-ghost btn-small price-adjust" onClick={() => setEditing(true)}>
          {t('adjust')}
        </button>
      )}

      {details ? <PreviewTable preview={preview} locale={locale} /> : null}
      {details && preview.stats.valid > preview.rows.length ? (
        <p className="muted price-more">
          {t('firstOf', { shown: preview.rows.length, rows: rows(preview.stats.valid, locale) })}
        </p>
      ) : null}

      {details && rejected > 0 ? (
        <RejectedList rows={preview.rejected} total={rejected} title={t('cannotImportRows', { rows: rows(rejected, locale) })} />
      ) : null}

      {details && preview.intraday ? (
        <label className="price-check">
          <input type="checkbox" checked={job.aggregateIntraday} onChange={(e) => patch(job.id, { aggregateIntraday: e.target.checked })} />
          <span>
            {t('intraday', { bars: formatNumber(preview.intraday.bars, locale, 0), days: formatNumber(preview.intraday.days, locale, 0) })}
          </span>
        </label>
      ) : null}

      <div className="price-target">
        <TargetPicker job={job} />
        <p className="muted price-series" data-testid="price-series">
          {job.target ? `${job.target.symbol}: ${describeSeries(job.series, locale)}` : t('chooseSecurity')}
        </p>
      </div>

      {job.error ? (
        <Banner kind="error" title={t('nothingImported')}>
          <p>{job.error.message}</p>
          {job.error.rows.length > 0 && rejected === 0 ? <RejectedList rows={job.error.rows} total={job.error.count} title={t('rowsWithProblems')} /> : null}
        </Banner>
      ) : null}

      {busy ? (
        <div className="price-progress" role="status" aria-live="polite">
          <div className="progress" aria-hidden="true">
            <div style={{ width: `${pct}%` }} />
          </div>
          <span className="muted">
            {progress?.phase === 'saving' ? t('saving', { pct }) : progress?.phase === 'checking' ? t('comparing') : t('readingShort')}
          </span>
        </div>
      ) : null}

      {job.summary ? (
        <Banner kind="success" title={t('imported')}>
          <span data-testid="price-summary">
            {t('summary', {
              added: formatNumber(job.summary.added, locale, 0),
              updated: formatNumber(job.summary.updated, locale, 0),
              unchanged: formatNumber(job.summary.unchanged, locale, 0),
              rejected: formatNumber(job.summary.rejectedCount, locale, 0),
            })}
          </span>
          {job.summary.updatedExamples.length > 0 ? (
            <ul className="price-updates">
              {job.summary.updatedExamples.map((u) => (
                <li key={`${u.date}-${u.field}`}>
                  {formatDate(u.date, locale)} {u.field}: {formatNumber(u.old, locale, 6)} → {formatNumber(u.new, locale, 6)}
                </li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}

      {/* after a successful import the card is a summary: Close is the way on, not importing the same file again */}
      {details ? (
        <div className="page-actions price-actions">
          {rejected > 0 ? (
            <button type="button" className="btn" disabled={!canImport} onClick={() => void runImport(job.id, true)}>
              {t('validOnly', { count: formatNumber(preview.stats.valid, locale, 0) })}
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => void runImport(job.id, false)}>
            {busy ? t('importing') : t('import')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
