import { useEffect, useRef, type ChangeEvent, type ReactElement } from 'react';
import { touches } from '@shared/api/topics';
import { api } from '@renderer/api/client';
import { fileToBase64 } from '@renderer/features/import/inbox';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatNumber } from '@renderer/ui/format';
import { ALL_DATA_TOPICS } from '@shared/api/backup';
import { useBackupStore } from './backupStore';
import { saveFile } from './download';
import './backup.css';

/** What the counted tables mean to a person; other tables still go into backups and exports. */
const COUNTED: { table: string; label: string }[] = [
  { table: 'securities', label: 'Securities' },
  { table: 'transactions', label: 'Transactions' },
  { table: 'price_bars', label: 'Daily prices' },
  { table: 'news_events', label: 'News items' },
];

export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB`;
}

function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Settings ▸ Backup and export: one-step backup, validated restore, JSON/CSV export. */
export function BackupSection(): ReactElement {
  const locale = useLocale();
  const { status, loadError, busy, notice, pendingRestore, csvFiles, exportFocusPending } = useBackupStore();
  const { load, backup, chooseRestore, cancelRestore, confirmRestore, exportJson, exportCsv, dismissNotice, exportFocused } = useBackupStore.getState();
  const picker = useRef<HTMLInputElement>(null);
  const exportRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load();
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, ALL_DATA_TOPICS)) void load();
    });
  }, [load]);

  useEffect(() => {
    if (!exportFocusPending) return;
    exportRef.current?.scrollIntoView({ block: 'center' });
    exportRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    exportFocused();
  }, [exportFocusPending, exportFocused]);

  useEffect(() => {
    if (pendingRestore) confirmRef.current?.focus();
  }, [pendingRestore]);

  const onPick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) chooseRestore({ fileName: file.name, contentBase64: await fileToBase64(file) });
  };

  const counts = new Map(status?.tables.map((t) => [t.table, t.rows]) ?? []);

  return (
    <section className="card card-body backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and export</h2>
      <p className="muted backup-lead">
        A backup is one file with everything in Tickerline. Make one regularly and keep it on another disk; you can restore it on this or another computer.
      </p>

      {loadError ? <Banner kind="error" title="Could not read your data’s status">{loadError}</Banner> : null}
      {!status && !loadError ? <Loading label="Reading your data…" /> : null}
      {status ? (
        <dl className="stat-grid backup-stats">
          <div className="stat backup-stat">
            <dt className="stat-label">Database size</dt>
            <dd className="stat-value num">{formatBytes(status.databaseBytes, locale)}</dd>
          </div>
          {COUNTED.map(({ table, label }) => (
            <div className="stat backup-stat" key={table}>
              <dt className="stat-label">{label}</dt>
              <dd className="stat-value num" data-testid={`count-${table}`}>
                {formatNumber(counts.get(table) ?? 0, locale)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}

      {notice ? (
        <Banner
          kind={notice.kind}
          title={notice.title}
          action={
            <button type="button" className="btn btn-ghost btn-small" onClick={dismissNotice}>
              Dismiss
            </button>
          }
        >
          {notice.text}
        </Banner>
      ) : null}

      <div className="backup-actions">
        <button type="button" className="btn btn-primary" onClick={() => void backup()} disabled={busy !== null}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now…'}
        </button>
        <button type="button" className="btn" onClick={() => picker.current?.click()} disabled={busy !== null}>
          Restore from backup…
        </button>
        <input ref={picker} type="file" accept=".sqlite,.db,.tickerline" hidden aria-label="Backup file to restore" onChange={(e) => void onPick(e)} />
      </div>

      {pendingRestore ? (
        <div className="restore-confirm" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-text">
          <h3 id="restore-title">Replace your data with “{pendingRestore.fileName}”?</h3>
          <p id="restore-text">
            Tickerline first checks that the file is a sound backup. Only then does it replace everything you see now; your current data is kept as a
            safety copy in the backups folder.
          </p>
          <div className="backup-actions">
            <button ref={confirmRef} type="button" className="btn btn-primary" onClick={() => void confirmRestore()} disabled={busy !== null}>
              {busy === 'restore' ? 'Restoring…' : 'Check and restore'}
            </button>
            <button type="button" className="btn" onClick={cancelRestore} disabled={busy === 'restore'}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <div className="backup-export" ref={exportRef}>
        <h3>Export</h3>
        <p className="muted">Take your data to a spreadsheet or another program. Exports are for reading; to move to another computer, use a backup.</p>
        <div className="backup-actions">
          <button type="button" className="btn" onClick={() => void exportJson()} disabled={busy !== null}>
            {busy === 'export-json' ? 'Exporting…' : 'Export everything as JSON'}
          </button>
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={busy !== null}>
            {busy === 'export-csv' ? 'Preparing…' : 'Export as CSV files'}
          </button>
        </div>
        {csvFiles ? (
          <table className="data backup-table" aria-label="CSV files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">
                  <span className="sr-only">Save</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {csvFiles.map((file) => (
                <tr key={file.fileName}>
                  <td className="backup-file">{file.fileName}</td>
                  <td className="num">{formatNumber(file.rows, locale)}</td>
                  <td className="backup-save">
                    <button type="button" className="btn btn-small" onClick={() => saveFile(file.fileName, file.mimeType, file.content)}>
                      Save
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>

      {status && status.stored.length > 0 ? (
        <div className="backup-stored">
          <h3>Copies Tickerline made for you</h3>
          <p className="muted">Before each upgrade and each restore, Tickerline keeps a copy of your data (the newest five of each) in {status.backupsDir}.</p>
          <table className="data backup-table" aria-label="Automatic copies">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Size
                </th>
              </tr>
            </thead>
            <tbody>
              {status.stored.map((b) => (
                <tr key={b.fileName} title={b.fileName}>
                  <td>{formatDateTime(b.createdAt, locale)}</td>
                  <td>{b.reason === 'migration' ? 'Before an upgrade' : 'Before a restore'}</td>
                  <td className="num">{formatBytes(b.sizeBytes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
