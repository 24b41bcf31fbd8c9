import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { api } from '@renderer/api/client';
import { BackupSection } from '@renderer/features/backup/BackupSection';
import { UpdatesSection } from '@renderer/features/updates/UpdatesSection';
import { Banner, Loading, PageHeader } from '@renderer/ui/components';
import type { AppInfo } from '@shared/api/system';
import { useSettingsStore } from './settingsStore';

const CURRENCIES = ['EUR', 'USD', 'HKD', 'GBP', 'CHF', 'CNY', 'JPY', 'SGD', 'CAD', 'AUD'];
const LOCALES: { value: string; label: string }[] = [
  { value: 'en-GB', label: 'English (UK) · 1,234.56 · 12 Jan' },
  { value: 'en-US', label: 'English (US) · 1,234.56 · Jan 12' },
  { value: 'de-DE', label: 'Deutsch · 1.234,56 · 12. Jan.' },
  { value: 'fr-FR', label: 'Français · 1 234,56 · 12 janv.' },
  { value: 'zh-HK', label: '中文（香港）· 1,234.56 · 1月12日' },
];

export function SettingsScreen(): ReactElement {
  const { settings, status, error, saving, update } = useSettingsStore();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.call('system.info', {}).then(setInfo, () => setInfo(null));
  }, []);

  if (status === 'loading' || status === 'idle' || !settings) {
    return status === 'error' ? <Banner kind="error" title="Settings could not be loaded">{error}</Banner> : <Loading />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await update({
      baseCurrency: String(form.get('baseCurrency')),
      locale: String(form.get('locale')),
      theme: String(form.get('theme')) as 'system' | 'light' | 'dark',
    });
    setSaved(ok);
  };

  return (
    <div className="page">
      <PageHeader title="Settings" subtitle="How Tickerline shows your money. Stored on this computer only." />
      {error ? <Banner kind="error" title="Not saved">{error}</Banner> : null}
      {saved && !error ? <Banner kind="success">Settings saved.</Banner> : null}
      <form className="card card-body" onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="baseCurrency">Base currency</label>
            <select id="baseCurrency" name="baseCurrency" className="select" defaultValue={settings.baseCurrency}>
              {[...new Set([settings.baseCurrency, ...CURRENCIES])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <span className="field-hint">Totals and charts are converted into this currency.</span>
          </div>
          <div className="field field-wide">
            <label htmlFor="locale">Number and date format</label>
            <select id="locale" name="locale" className="select" defaultValue={settings.locale}>
              {LOCALES.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="theme">Appearance</label>
            <select id="theme" name="theme" className="select" defaultValue={settings.theme}>
              <option value="system">Match the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
        </div>
        <div className="page-actions" style={{ marginTop: 24 }}>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
      {info ? (
        <section className="card card-body">
          <h2>Your data</h2>
          <p className="muted" style={{ marginTop: 6 }}>
            Everything you enter or import is kept in one database file on this computer. Nothing is sent anywhere.
          </p>
          <dl className="info-list">
            <dt>Data folder</dt>
            <dd data-testid="data-dir">{info.dataDir}</dd>
            <dt>Database</dt>
            <dd>{info.databaseFile}</dd>
            <dt>Version</dt>
            <dd>
              Tickerline {info.version} · schema {info.schemaVersion} · {info.mode === 'desktop' ? 'desktop app' : 'browser mode'}
            </dd>
          </dl>
        </section>
      ) : null}
      <UpdatesSection />
      <BackupSection />
    </div>
  );
}
