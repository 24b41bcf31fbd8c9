import { useEffect, type ReactElement } from 'react';
import { Banner } from '@renderer/ui/components';
import { useUpdatesStore } from './updatesStore';
import './updates.css';

/**
 * Settings ▸ Updates (desktop app only): the opt-in check at start and "Check Now".
 * The updater itself is the desktop shell's; it asks in native dialogs before it
 * downloads anything, so this section only sets the choice and starts a check.
 */
export function UpdatesSection(): ReactElement | null {
  const settings = useUpdatesStore((s) => s.settings);
  const error = useUpdatesStore((s) => s.error);
  const saving = useUpdatesStore((s) => s.saving);
  const checking = useUpdatesStore((s) => s.checking);
  const { load, setCheckAtStart, checkNow } = useUpdatesStore.getState();

  useEffect(() => {
    void load();
    // The same choice is in Help ▸ Check for Updates at Start; coming back to the window shows it as it is now.
    const onFocus = (): void => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  if (!settings?.desktop) return null;
  return (
    <section className="card card-body updates-section" aria-labelledby="updates-title">
      <h2 id="updates-title">Updates</h2>
      <p className="muted updates-lead">
        You have Tickerline {settings.version}. New versions come from the project’s GitHub releases; nothing is downloaded until you say so.
      </p>
      {error ? <Banner kind="error" title="Not saved">{error}</Banner> : null}
      <label className="updates-check">
        <input type="checkbox" checked={settings.checkAtStart} disabled={saving} onChange={(e) => void setCheckAtStart(e.target.checked)} />
        <span>
          Check for updates when Tickerline starts
          <span className="field-hint">At most once a day. Only the list of releases is fetched; nothing about your data leaves this computer.</span>
        </span>
      </label>
      {!settings.installed ? (
        <p className="field-hint">This copy runs from its source folder (npm start), so it is updated with git pull, not from here.</p>
      ) : null}
      <div className="page-actions updates-actions">
        <button type="button" className="btn" onClick={() => void checkNow()}>
          Check for Updates Now…
        </button>
        {checking ? <span className="muted" role="status">The answer opens in its own window.</span> : null}
      </div>
    </section>
  );
}
