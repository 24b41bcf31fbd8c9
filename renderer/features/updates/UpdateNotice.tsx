import { useEffect, type ReactElement } from 'react';
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
      <div className="update-notice" role="status" aria-label="Update">
        <div className="update-notice-head">
          <span className="update-notice-title">Downloading {status.version}</span>
          <span className="update-notice-percent">{new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(status.percent / 100)}</span>
        </div>
        <div
          className="update-progress"
          role="progressbar"
          aria-label={`Downloading Tickerline ${status.version}`}
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
    <div className="update-notice" role="status" aria-label="Update">
      <span className="update-notice-title">Tickerline {status.version} is ready</span>
      <span className="update-notice-hint">{installing ? 'Closing your portfolio safely…' : 'Installs when you quit.'}</span>
      <button type="button" className="btn btn-small btn-primary update-notice-button" disabled={installing} onClick={() => void install()}>
        Restart to update
      </button>
      {installError ? <span className="update-notice-error">{installError}</span> : null}
    </div>
  );
}
