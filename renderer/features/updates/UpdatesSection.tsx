import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '@renderer/ui/components';
import { useUpdatesStore } from './updatesStore';
import './updates.css';

/**
 * Settings ▸ Updates (desktop app only): the opt-in check at start and "Check Now".
 * The updater itself is the desktop shell's; it asks in native dialogs before it
 * downloads anything, so this section only sets the choice and starts a check.
 */
export function UpdatesSection(): ReactElement | null {
  const { t } = useTranslation(['settings', 'common']);
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
      <h2 id="updates-title">{t('updates.title')}</h2>
      <p className="muted updates-lead">{t('updates.lead', { version: settings.version })}</p>
      {error ? <Banner kind="error" title={t('common:notSaved')}>{error}</Banner> : null}
      <label className="updates-check">
        <input type="checkbox" checked={settings.checkAtStart} disabled={saving} onChange={(e) => void setCheckAtStart(e.target.checked)} />
        <span>
          {t('updates.checkAtStart')}
          <span className="field-hint">{t('updates.checkAtStartHint')}</span>
        </span>
      </label>
      {!settings.installed ? (
        <p className="field-hint">{t('updates.fromSource')}</p>
      ) : null}
      <div className="page-actions updates-actions">
        <button type="button" className="btn" onClick={() => void checkNow()}>
          {t('updates.checkNow')}
        </button>
        {checking ? <span className="muted" role="status">{t('updates.answerOpens')}</span> : null}
      </div>
    </section>
  );
}
