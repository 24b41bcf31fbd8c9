import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsCsvMapping, NewsPreview } from '@shared/api/news';
import { useNavigation } from '@renderer/navigation/navigation';
import { useImportInbox, usePendingCount } from '@renderer/stores/importInbox';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatNumber } from '@renderer/ui/format';
import { JobProgressBar } from '@renderer/ui/JobProgressBar';
import { claimPhrase, describeReasons, eventWhen, groupClaims, isSponsored, sourceName } from './newsFormat';
import { subscribeNewsImportEvents, useNewsImportStore } from './newsImportStore';
import { newsProgressFraction, type NewsJobProgress } from './newsProgress';
import './news.css';
import { problemText } from '@renderer/api/client';

const ACCEPT = '.txt,.md,.markdown,.csv,.tsv,.json,.xml,.rss,.atom,.html,.htm,.mhtml,.mht,.pdf,.url,text/plain,text/html,application/pdf,text/csv,application/json,application/xml,application/rss+xml';
const PREVIEW_ROWS = 100;

/** News on the Import screen: pick or drop files, check what was found, then import. */
export function NewsImportPanel(): ReactElement {
  const { t } = useTranslation(['news', 'common']);
  const pending = usePendingCount('news');
  const addFiles = useNewsImportStore((s) => s.addFiles);
  const status = useNewsImportStore((s) => s.status);
  const preview = useNewsImportStore((s) => s.preview);
  const error = useNewsImportStore((s) => s.error);
  const summaries = useNewsImportStore((s) => s.summaries);
  const queued = useNewsImportStore((s) => s.queue.length);
  const current = useNewsImportStore((s) => s.current);
  const progress = useNewsImportStore((s) => s.progress);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(subscribeNewsImportEvents, []);
  useEffect(() => {
    if (pending > 0) addFiles(useImportInbox.getState().take('news'));
  }, [pending, addFiles]);

  return (
    <section className="card news-import" aria-labelledby="news-import-title">
      <div className="card-header">
        <div>
          <h2 id="news-import-title">{t('imp.title')}</h2>
          <p className="muted news-import-hint">{t('imp.hint')}</p>
        </div>
        <div className="page-actions">
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label={t('imp.files')}
            data-testid="news-file-input"
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          <button type="button" className="btn" onClick={() => picker.current?.click()}>
            {t('imp.choose')}
          </button>
        </div>
      </div>
      <div className="card-body news-import-body">
        {summaries.map((s, i) => (
          <ImportedBanner key={`${s.fileName}-${i}`} summary={s} />
        ))}
        {(status === 'reading' || status === 'importing') && progress ? (
          <NewsProgressBar progress={progress} fileName={current?.fileName ?? t('imp.theFile')} />
        ) : status === 'reading' ? (
          <Loading label={t('imp.readingFile', { fileName: current?.fileName ?? t('imp.theFile') })} />
        ) : status === 'importing' ? (
          <Loading label={t('imp.importing')} />
        ) : null}
        {error ? (
          <Banner kind="error" title={t('imp.notImported', { fileName: current?.fileName ?? t('imp.theFileCap') })}>
            {error}
          </Banner>
        ) : null}
        {status === 'ready' && preview ? <PreviewView preview={preview} /> : null}
        {status === 'ready' && !preview && current ? (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => useNewsImportStore.getState().cancel()}>
              {t('common:close')}
            </button>
          </div>
        ) : null}
        {status === 'idle' && summaries.length === 0 ? (
          <p className="muted">{t('imp.idle')}</p>
        ) : null}
        {queued > 0 ? <p className="subtle">{t('imp.queued', { count: queued })}</p> : null}
      </div>
    </section>
  );
}

/** The preview's or import's bar: reading the file, then items linked or saved out of all. */
function NewsProgressBar({ progress, fileName }: { progress: NewsJobProgress; fileName: string }): ReactElement {
  const { t } = useTranslation('news');
  const locale = useLocale();
  const counted = { done: formatNumber(progress.done, locale), total: formatNumber(progress.total, locale) };
  const label =
    progress.phase === 'linking'
      ? t('imp.progress.linking', counted)
      : progress.phase === 'saving' || (progress.phase === 'done' && progress.kind === 'import')
        ? t('imp.progress.saving', counted)
        : progress.kind === 'import'
          ? t('imp.importing')
          : t('imp.readingFile', { fileName });
  return <JobProgressBar fraction={newsProgressFraction(progress)} label={label} ariaLabel={t('imp.progress.label')} />;
}

function ImportedBanner({ summary }: { summary: { fileName: string; added: number; alreadyStored: number; skippedInvalid: number; links: number; eventIds: number[] } }): ReactElement {
  const { t } = useTranslation('news');
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const first = summary.eventIds[0];
  return (
    <Banner
      kind="success"
      title={t('imp.summary', { fileName: summary.fileName, added: formatNumber(summary.added, locale), stored: formatNumber(summary.alreadyStored, locale) })}
      action={
        first !== undefined ? (
          <button type="button" className="btn btn-small" onClick={() => go('news', { event: String(first) })}>
            {t('imp.showInNews')}
          </button>
        ) : null
      }
    >
      {summary.added > 0 ? t('imp.linksMade', { links: formatNumber(summary.links, locale) }) : t('imp.nothingNew')}
      {summary.skippedInvalid > 0 ? t('imp.skipped', { count: formatNumber(summary.skippedInvalid, locale) }) : ''}
    </Banner>
  );
}

function PreviewView({ preview }: { preview: NewsPreview }): ReactElement {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const commit = useNewsImportStore((s) => s.commit);
  const cancel = useNewsImportStore((s) => s.cancel);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const dates = useNewsImportStore((s) => s.dates);
  const setDate = useNewsImportStore((s) => s.setDate);
  const { counts } = preview;
  const undated = preview.items.filter((i) => i.dateUnknown && i.existingId === null && !dates[i.itemIndex]);
  const canImport = preview.items.length > 0 && (counts.errors === 0 || skipInvalid) && undated.length === 0;
  const shown = preview.items.slice(0, PREVIEW_ROWS);
  // Feeds and lists rarely name authors; the column appears when one of the rows shown has one.
  const withAuthor = shown.some((i) => i.author !== null);

  return (
    <div className="news-preview" aria-label={t('imp.previewOf', { fileName: preview.fileName })}>
      <div className="news-preview-summary">
        <strong>{preview.fileName}</strong>
        <span className="badge">{t(FORMAT_NAMES[preview.format ?? 'unknown'] ?? FORMAT_NAMES.unknown)}</span>
        <span className="muted">
          {t('imp.counts', {
            count: counts.items,
            items: formatNumber(counts.items, locale),
            new: formatNumber(counts.new, locale),
            stored: formatNumber(counts.alreadyStored, locale),
          })}
          {counts.errors > 0 ? t('imp.withProblems', { count: formatNumber(counts.errors, locale) }) : ''}
        </span>
      </div>

      {preview.csv ? <MappingStep key={JSON.stringify(preview.csv.mapping)} columns={preview.csv.columns} mapping={preview.csv.mapping} /> : null}

      {preview.errors.length > 0 ? (
        <Banner kind={preview.items.length > 0 ? 'warning' : 'error'} title={preview.items.length > 0 ? t('imp.someUnreadable') : t('imp.nothingReadable')}>
          <ul className="news-errors">
            {preview.errors.slice(0, 8).map((e, i) => (
              <li key={i}>
                {e.line !== null ? <span className="subtle">{t('imp.line', { line: e.line })}</span> : null}
                {problemText(e)}
              </li>
            ))}
            {preview.errors.length > 8 ? <li>{t('imp.andMore', { count: preview.errors.length - 8 })}</li> : null}
          </ul>
        </Banner>
      ) : null}

      {shown.length > 0 ? (
        <div className="table-wrap news-preview-table">
          <table className="data">
            <thead>
              <tr>
                <th>{t('imp.col.date')}</th>
                <th>{t('imp.col.headline')}</th>
                {withAuthor ? <th>{t('imp.col.author')}</th> : null}
                <th>{t('imp.col.linkedTo')}</th>
                <th>{t('imp.col.claims')}</th>
                <th>{t('imp.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.itemIndex} className={item.existingId !== null ? 'news-row-stored' : undefined}>
                  <td className="news-cell-date">
                    {item.dateUnknown ? (
                      <label className="news-date-unknown">
                        <span className="badge badge-warning">{t('imp.dateUnknown')}</span>
                        <input
                          type="date"
                          className="input"
                          aria-label={t('imp.publicationDate', { headline: item.headline })}
                          data-testid="news-set-date"
                          value={dates[item.itemIndex] ?? ''}
                          onChange={(e) => setDate(item.itemIndex, e.target.value)}
                        />
                      </label>
                    ) : (
                      eventWhen(item, locale)
                    )}
                  </td>
                  <td className="news-cell-headline">
                    <span>{item.headline}</span>
                    <div className="subtle small" data-testid="news-preview-source">
                      {sourceName(item.source)}
                      {item.url ? ` · ${item.url}` : ''}
                    </div>
                    {item.label ? (
                      <span className="badge badge-warning">
                        {item.label}
                        {isSponsored(item) ? t('sponsoredSuffix') : ''}
                      </span>
                    ) : null}
                  </td>
                  {withAuthor ? (
                    <td className="news-cell-author" data-testid="news-preview-author">
                      {item.author ?? <span className="subtle">—</span>}
                    </td>
                  ) : null}
                  <td>
                    {item.links.filter((l) => l.state === 'linked').length === 0 ? (
                      <span className="subtle">—</span>
                    ) : (
                      <span className="news-chips">
                        {item.links
                          .filter((l) => l.state === 'linked')
                          .map((l) => (
                            <span key={l.securityId} className="news-chip" title={t('imp.linkReason', { name: l.name, reason: describeReasons(l.reasons.slice(0, 1)) })}>
                              {l.symbol}
                            </span>
                          ))}
                      </span>
                    )}
                  </td>
                  <td className="news-cell-claims">
                    {groupClaims(item.claims, item.links).map((g) => (
                      <div key={g.key}>
                        {g.names.join(', ')}: <span className="num">{claimPhrase(g.claim, locale)}</span>
                        {g.claim.horizon === 'longer' ? <span className="subtle">{t('imp.longer')}</span> : null}
                      </div>
                    ))}
                  </td>
                  <td>{item.existingId !== null ? <span className="badge">{t('imp.alreadyStored')}</span> : <span className="badge badge-accent">{t('imp.new')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.items.length > shown.length ? (
            <p className="subtle news-preview-more">{t('imp.moreItems', { count: formatNumber(preview.items.length - shown.length, locale) })}</p>
          ) : null}
        </div>
      ) : null}

      {counts.errors > 0 && preview.items.length > 0 ? (
        <label className="news-skip">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
          {t('imp.skipInvalid', { readable: formatNumber(preview.items.length, locale), problems: formatNumber(counts.errors, locale) })}
        </label>
      ) : null}

      <div className="page-actions">
        <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => void commit(skipInvalid)}>
          {counts.new === 0 && preview.items.length > 0 ? t('imp.nothingNewButton') : t('imp.importEvents', { count: counts.new, formatted: formatNumber(counts.new, locale) })}
        </button>
        <button type="button" className="btn" onClick={cancel}>
          {t('common:cancel')}
        </button>
        {undated.length > 0 ? (
          <span className="muted" role="status">
            {undated.length === 1 ? t('imp.setDate') : t('imp.setDates', { count: formatNumber(undated.length, locale) })}
          </span>
        ) : null}
      </div>
    </div>
  );
}

const FORMAT_NAMES: Record<string, 'format.article' | 'format.page' | 'format.pdf' | 'format.link' | 'format.csv' | 'format.json' | 'format.feed' | 'format.unknown'> & {
  unknown: 'format.unknown';
} = {
  article: 'format.article',
  page: 'format.page',
  pdf: 'format.pdf',
  link: 'format.link',
  csv: 'format.csv',
  json: 'format.json',
  feed: 'format.feed',
  unknown: 'format.unknown',
};

const ROLES = [
  { key: 'date', label: 'map.date', required: true },
  { key: 'headline', label: 'map.headline', required: true },
  { key: 'time', label: 'map.time', required: false },
  { key: 'source', label: 'map.source', required: false },
  { key: 'url', label: 'map.url', required: false },
  { key: 'tickers', label: 'map.tickers', required: false },
  { key: 'summary', label: 'map.summary', required: false },
  { key: 'body', label: 'map.body', required: false },
] as const satisfies readonly { key: keyof NewsCsvMapping; label: string; required: boolean }[];

/** Which column holds what. Detection fills it in; the user corrects it and previews again. */
function MappingStep({ columns, mapping }: { columns: string[]; mapping: NewsCsvMapping }): ReactElement {
  const { t } = useTranslation('news');
  const remap = useNewsImportStore((s) => s.remap);
  const [draft, setDraft] = useState(mapping);
  const changed = JSON.stringify(draft) !== JSON.stringify(mapping);

  return (
    <fieldset className="news-mapping">
      <legend>{t('map.columns')}</legend>
      <div className="news-mapping-grid">
        {ROLES.map((role) => {
          const value = draft[role.key];
          return (
            <div className="field" key={role.key}>
              <label htmlFor={`map-${role.key}`}>{t(role.label)}</label>
              <select
                id={`map-${role.key}`}
                className="select"
                value={typeof value === 'number' ? String(value) : ''}
                onChange={(e) => setDraft({ ...draft, [role.key]: e.target.value === '' ? null : Number(e.target.value) })}
              >
                {role.required ? null : <option value="">{t('map.none')}</option>}
                {columns.map((c, i) => (
                  <option key={i} value={i}>
                    {c === '' ? t('map.column', { n: i + 1 }) : c}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {draft.impliedTickers.length > 0 ? (
        <p className="subtle">{t('map.implied', { tickers: draft.impliedTickers.join(', ') })}</p>
      ) : null}
      <div className="page-actions">
        <button type="button" className="btn btn-small" disabled={!changed} onClick={() => void remap(draft)}>
          {t('map.preview')}
        </button>
      </div>
    </fieldset>
  );
}
