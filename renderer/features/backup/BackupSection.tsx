import { useEffect, useRef, type ChangeEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import { api } from '@renderer/api/client';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatNumber } from '@renderer/ui/format';
import { ALL_DATA_TOPICS } from '@shared/api/backup';
import { useBackupStore } from './backupStore';
import { saveFile } from './download';
import './backup.css';

/** What the counted tables mean to a person; other tables still go into backups and exports. */
const COUNTED = [
  { table: 'securities', label: 'backup.counted.securities' },
  { table: 'transactions', label: 'backup.counted.transactions' },
  { table: 'price_bars', label: 'backup.counted.prices' },
  { table: 'news_events', label: 'backup.counted.news' },
] as const;

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
  const { t } = useTranslation(['settings', 'common']);
  const locale = useLocale();
  const { status, loadError, busy, notice, pendingRestore, csvFiles, exportFocusPending } = useBackupStore();
  const { load, backup, pickRestore, cancelRestore, confirmRestore, exportJson, exportCsv, dismissNotice, exportFocused } = useBackupStore.getState();
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
    if (file) await pickRestore(file);
  };

  const counts = new Map(status?.tables.map((t) => [t.table, t.rows]) ?? []);

  return (
    <section className="card card-body backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted backup-lead">{t('backup.lead')}</p>

      {loadError ? <Banner kind="error" title={t('backup.statusFailed')}>{loadError}</Banner> : null}
      {!status && !loadError ? <Loading label={t('backup.reading')} /> : null}
      {status ? (
        <dl className="stat-grid backup-stats">
          <div className="stat backup-stat">
            <dt className="stat-label">{t('backup.databaseSize')}</dt>
            <dd className="stat-value num">{formatBytes(status.databaseBytes, locale)}</dd>
          </div>
          {COUNTED.map(({ table, label }) => (
            <div className="stat backup-stat" key={table}>
              <dt className="stat-label">{t(label)}</dt>
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
              {t('common:dismiss')}
            </button>
          }
        >
          {notice.text}
        </Banner>
      ) : null}

      <div className="backup-actions">
        <button type="button" className="btn btn-primary" onClick={() => void backup()} disabled={busy !== null}>
          {busy === 'backup' ? t('backup.backingUp') : t('backup.backUpNow')}
        </button>
        <button type="button" className="btn" onClick={() => picker.current?.click()} disabled={busy !== null}>
          {t('backup.restoreFromBackup')}
        </button>
        <input ref={picker} type="file" accept=".sqlite,.db,.tickerline" hidden aria-label={t('backup.fileToRestore')} onChange={(e) => void onPick(e)} />
      </div>

      {pendingRestore ? (
        <div className="restore-confirm" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-text">
          <h3 id="restore-title">{t('backup.confirmTitle', { fileName: pendingRestore.fileName })}</h3>
          <p id="restore-text">{t('backup.confirmText')}</p>
          <div className="backup-actions">
            <button ref={confirmRef} type="button" className="btn btn-primary" onClick={() => void confirmRestore()} disabled={busy !== null}>
              {busy === 'restore' ? t('backup.restoring') : t('backup.checkAndRestore')}
            </button>
            <button type="button" className="btn" onClick={cancelRestore} disabled={busy === 'restore'}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <div className="backup-export" ref={exportRef}>
        <h3>{t('backup.exportTitle')}</h3>
        <p className="muted">{t('backup.exportLead')}</p>
        <div className="backup-actions">
          <button type="button" className="btn" onClick={() => void exportJson()} disabled={busy !== null}>
            {busy === 'export-json' ? t('backup.exporting') : t('backup.exportJson')}
          </button>
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={busy !== null}>
            {busy === 'export-csv' ? t('backup.preparing') : t('backup.exportCsv')}
          </button>
        </div>
        {csvFiles ? (
          <table className="data backup-table" aria-label={t('backup.csvFiles')}>
            <thead>
              <tr>
                <th scope="col">{t('backup.file')}</th>
                <th scope="col" className="num">
                  {t('backup.rows')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('common:save')}</span>
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
                      {t('common:save')}
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
          <h3>{t('backup.storedTitle')}</h3>
          <p className="muted">{t('backup.storedLead', { folder: status.backupsDir })}</p>
          <table className="data backup-table" aria-label={t('backup.automaticCopies')}>
            <thead>
              <tr>
                <th scope="col">{t('backup.made')}</th>
                <th scope="col">{t('backup.why')}</th>
                <th scope="col" className="num">
                  {t('backup.size')}
                </th>
              </tr>
            </thead>
            <tbody>
              {status.stored.map((b) => (
                <tr key={b.fileName} title={b.fileName}>
                  <td>{formatDateTime(b.createdAt, locale)}</td>
                  <td>{b.reason === 'migration' ? t('backup.beforeUpgrade') : t('backup.beforeRestore')}</td>
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
