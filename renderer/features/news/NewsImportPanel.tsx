import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { NewsCsvMapping, NewsPreview } from '@shared/api/news';
import { useNavigation } from '@renderer/navigation/navigation';
import { useImportInbox, usePendingCount } from '@renderer/features/import/inbox';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatNumber } from '@renderer/ui/format';
import { claimPhrase, eventWhen, groupClaims } from './newsFormat';
import { useNewsImportStore } from './newsImportStore';
import './news.css';

const ACCEPT = '.txt,.md,.markdown,.csv,.tsv,.json,.xml,.rss,.atom,.html,.htm,.mhtml,.mht,.pdf,.url,text/plain,text/html,application/pdf,text/csv,application/json,application/xml,application/rss+xml';
const PREVIEW_ROWS = 100;

/** News on the Import screen: pick or drop files, check what was found, then import. */
export function NewsImportPanel(): ReactElement {
  const pending = usePendingCount('news');
  const addFiles = useNewsImportStore((s) => s.addFiles);
  const status = useNewsImportStore((s) => s.status);
  const preview = useNewsImportStore((s) => s.preview);
  const error = useNewsImportStore((s) => s.error);
  const summaries = useNewsImportStore((s) => s.summaries);
  const queued = useNewsImportStore((s) => s.queue.length);
  const current = useNewsImportStore((s) => s.current);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (pending > 0) addFiles(useImportInbox.getState().take('news'));
  }, [pending, addFiles]);

  return (
    <section className="card news-import" aria-labelledby="news-import-title">
      <div className="card-header">
        <div>
          <h2 id="news-import-title">News</h2>
          <p className="muted news-import-hint">Saved web pages (.html, .mhtml), PDFs, articles (.txt, .md), news lists (.csv, .json) and RSS or Atom feeds (.xml).</p>
        </div>
        <div className="page-actions">
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label="News files"
            data-testid="news-file-input"
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          <button type="button" className="btn" onClick={() => picker.current?.click()}>
            Choose news files…
          </button>
        </div>
      </div>
      <div className="card-body news-import-body">
        {summaries.map((s, i) => (
          <ImportedBanner key={`${s.fileName}-${i}`} summary={s} />
        ))}
        {status === 'reading' ? <Loading label={`Reading ${current?.fileName ?? 'file'}…`} /> : null}
        {status === 'importing' ? <Loading label="Importing…" /> : null}
        {error ? (
          <Banner kind="error" title={`${current?.fileName ?? 'The file'} was not imported`}>
            {error}
          </Banner>
        ) : null}
        {status === 'ready' && preview ? <PreviewView preview={preview} /> : null}
        {status === 'ready' && !preview && current ? (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => useNewsImportStore.getState().cancel()}>
              Close
            </button>
          </div>
        ) : null}
        {status === 'idle' && summaries.length === 0 ? (
          <p className="muted">Nothing is stored until you have checked the preview and pressed Import. You can also drop files anywhere on this window.</p>
        ) : null}
        {queued > 0 ? <p className="subtle">{queued === 1 ? '1 more file waits.' : `${queued} more files wait.`}</p> : null}
      </div>
    </section>
  );
}

function ImportedBanner({ summary }: { summary: { fileName: string; added: number; alreadyStored: number; skippedInvalid: number; links: number; eventIds: number[] } }): ReactElement {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const first = summary.eventIds[0];
  return (
    <Banner
      kind="success"
      title={`${summary.fileName}: ${formatNumber(summary.added, locale)} added, ${formatNumber(summary.alreadyStored, locale)} already stored`}
      action={
        first !== undefined ? (
          <button type="button" className="btn btn-small" onClick={() => go('news', { event: String(first) })}>
            Show in News
          </button>
        ) : null
      }
    >
      {summary.added > 0 ? `${formatNumber(summary.links, locale)} links to securities made.` : 'Nothing new in this file.'}
      {summary.skippedInvalid > 0 ? ` ${formatNumber(summary.skippedInvalid, locale)} unreadable items skipped.` : ''}
    </Banner>
  );
}

function PreviewView({ preview }: { preview: NewsPreview }): ReactElement {
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

  return (
    <div className="news-preview" aria-label={`Preview of ${preview.fileName}`}>
      <div className="news-preview-summary">
        <strong>{preview.fileName}</strong>
        <span className="badge">{FORMAT_NAMES[preview.format ?? 'unknown']}</span>
        <span className="muted">
          {formatNumber(counts.items, locale)} {counts.items === 1 ? 'item' : 'items'} · {formatNumber(counts.new, locale)} new ·{' '}
          {formatNumber(counts.alreadyStored, locale)} already stored
          {counts.errors > 0 ? ` · ${formatNumber(counts.errors, locale)} with problems` : ''}
        </span>
      </div>

      {preview.csv ? <MappingStep key={JSON.stringify(preview.csv.mapping)} columns={preview.csv.columns} mapping={preview.csv.mapping} /> : null}

      {preview.errors.length > 0 ? (
        <Banner kind={preview.items.length > 0 ? 'warning' : 'error'} title={preview.items.length > 0 ? 'Some items could not be read' : 'Nothing could be read from this file'}>
          <ul className="news-errors">
            {preview.errors.slice(0, 8).map((e, i) => (
              <li key={i}>
                {e.line !== null ? <span className="subtle">Line {e.line}: </span> : null}
                {e.reason}
              </li>
            ))}
            {preview.errors.length > 8 ? <li>… and {preview.errors.length - 8} more.</li> : null}
          </ul>
        </Banner>
      ) : null}

      {shown.length > 0 ? (
        <div className="table-wrap news-preview-table">
          <table className="data">
            <thead>
              <tr>
                <th>Date</th>
                <th>Headline</th>
                <th>Linked to</th>
                <th>Claims</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.itemIndex} className={item.existingId !== null ? 'news-row-stored' : undefined}>
                  <td className="news-cell-date">
                    {item.dateUnknown ? (
                      <label className="news-date-unknown">
                        <span className="badge badge-warning">date unknown — set it</span>
                        <input
                          type="date"
                          className="input"
                          aria-label={`Publication date of ${item.headline}`}
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
                      {item.source}
                      {item.url ? ` · ${item.url}` : ''}
                    </div>
                    {item.label ? (
                      <span className="badge badge-warning">
                        {item.label}
                        {item.tags.includes('sponsored') && item.label.toLowerCase() !== 'sponsored' ? ' · sponsored' : ''}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {item.links.filter((l) => l.state === 'linked').length === 0 ? (
                      <span className="subtle">—</span>
                    ) : (
                      <span className="news-chips">
                        {item.links
                          .filter((l) => l.state === 'linked')
                          .map((l) => (
                            <span key={l.securityId} className="news-chip" title={`${l.name}: “${l.reasons[0]?.text ?? ''}” in the ${l.reasons[0]?.field ?? 'text'}`}>
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
                        {g.claim.horizon === 'longer' ? <span className="subtle"> (longer)</span> : null}
                      </div>
                    ))}
                  </td>
                  <td>{item.existingId !== null ? <span className="badge">Already stored</span> : <span className="badge badge-accent">New</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.items.length > shown.length ? (
            <p className="subtle news-preview-more">and {formatNumber(preview.items.length - shown.length, locale)} more items.</p>
          ) : null}
        </div>
      ) : null}

      {counts.errors > 0 && preview.items.length > 0 ? (
        <label className="news-skip">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Import the {formatNumber(preview.items.length, locale)} readable
          items and skip the {formatNumber(counts.errors, locale)} with problems
        </label>
      ) : null}

      <div className="page-actions">
        <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => void commit(skipInvalid)}>
          {counts.new === 0 && preview.items.length > 0 ? 'Import (nothing new)' : `Import ${formatNumber(counts.new, locale)} ${counts.new === 1 ? 'event' : 'events'}`}
        </button>
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
        {undated.length > 0 ? (
          <span className="muted" role="status">
            {undated.length === 1 ? 'Set the publication date above to import.' : `Set the publication dates of ${formatNumber(undated.length, locale)} items to import.`}
          </span>
        ) : null}
      </div>
    </div>
  );
}

const FORMAT_NAMES: Record<string, string> = {
  article: 'Article',
  page: 'Web page',
  pdf: 'PDF',
  link: 'Link',
  csv: 'News list (CSV)',
  json: 'News list (JSON)',
  feed: 'Feed',
  unknown: 'Unknown format',
};

const ROLES: { key: keyof NewsCsvMapping; label: string; required: boolean }[] = [
  { key: 'date', label: 'Date', required: true },
  { key: 'headline', label: 'Headline', required: true },
  { key: 'time', label: 'Time', required: false },
  { key: 'source', label: 'Source', required: false },
  { key: 'url', label: 'Web address', required: false },
  { key: 'tickers', label: 'Tickers', required: false },
  { key: 'summary', label: 'Summary', required: false },
  { key: 'body', label: 'Text', required: false },
];

/** Which column holds what. Detection fills it in; the user corrects it and previews again. */
function MappingStep({ columns, mapping }: { columns: string[]; mapping: NewsCsvMapping }): ReactElement {
  const remap = useNewsImportStore((s) => s.remap);
  const [draft, setDraft] = useState(mapping);
  const changed = JSON.stringify(draft) !== JSON.stringify(mapping);

  return (
    <fieldset className="news-mapping">
      <legend>Columns</legend>
      <div className="news-mapping-grid">
        {ROLES.map((role) => {
          const value = draft[role.key];
          return (
            <div className="field" key={role.key}>
              <label htmlFor={`map-${role.key}`}>{role.label}</label>
              <select
                id={`map-${role.key}`}
                className="select"
                value={typeof value === 'number' ? String(value) : ''}
                onChange={(e) => setDraft({ ...draft, [role.key]: e.target.value === '' ? null : Number(e.target.value) })}
              >
                {role.required ? null : <option value="">— none —</option>}
                {columns.map((c, i) => (
                  <option key={i} value={i}>
                    {c === '' ? `Column ${i + 1}` : c}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {draft.impliedTickers.length > 0 ? (
        <p className="subtle">Every row is also linked to {draft.impliedTickers.join(', ')} (from the file name).</p>
      ) : null}
      <div className="page-actions">
        <button type="button" className="btn btn-small" disabled={!changed} onClick={() => void remap(draft)}>
          Preview with these columns
        </button>
      </div>
    </fieldset>
  );
}
