import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@renderer/api/client';
import { useUpdatesStore } from './updatesStore';
import './updates.css';

/**
 * A small note at the foot of the sidebar while an update the user agreed to downloads,
 * and once it waits to be installed at quit: "Restart to update" installs it now. The
 * questions themselves stay in the desktop shell's dialogs; browser mode never shows this.
 */
/** `locale`: Settings ▸ Number and date format, passed down (Settings itself imports this feature). */
export function UpdateNotice({ locale }: { locale: string }): ReactElement | null {
  const { t } = useTranslation('app');
  const status = useUpdatesStore((s) => s.status);
  const installing = useUpdatesStore((s) => s.installing);
  const installError = useUpdatesStore((s) => s.installError);
  const { load, setStatus, install } = useUpdatesStore.getState();

  useEffect(() => {
    // A window opened after the download started (or a reload) asks once; events follow.
    void load();
    return api.on('updates.status', setStatus);
  }, [load, setStatus]);

  if (status.state === 'idle') return null;
  if (status.state === 'downloading') {
    return (
      <div className="update-notice" role="status" aria-label={t('updateNotice.label')}>
        <div className="update-notice-head">
          <span className="update-notice-title">{t('updateNotice.downloading', { version: status.version })}</span>
          <span className="update-notice-percent">{wholePercent(locale, status.percent)}</span>
        </div>
        <div
          className="update-progress"
          role="progressbar"
          aria-label={t('updateNotice.downloadingAria', { version: status.version })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={status.percent}
        >
          <span style={{ width: `${status.percent}%` }} />
        </div>
      </div>
    );
  }
  return (
    <div className="update-notice" role="status" aria-label={t('updateNotice.label')}>
      <span className="update-notice-title">{t('updateNotice.ready', { version: status.version })}</span>
      <span className="update-notice-hint">{installing ? t('updateNotice.closing') : t('updateNotice.installsAtQuit')}</span>
      <button type="button" className="btn btn-small btn-primary update-notice-button" disabled={installing} onClick={() => void install()}>
        {t('updateNotice.restart')}
      </button>
      {installError ? <span className="update-notice-error">{installError}</span> : null}
    </div>
  );
}

function wholePercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
