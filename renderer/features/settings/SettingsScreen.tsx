import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePreference } from '@shared/api/settings';
import { LANGUAGES, resolveLanguage, type Language } from '@shared/i18n/languages';
import { systemLocales } from '@renderer/i18n/i18n';
import { api } from '@renderer/api/client';
import { BackupSection } from '@renderer/features/backup/BackupSection';
import { UpdatesSection } from '@renderer/features/updates/UpdatesSection';
import { Banner, Loading, PageHeader } from '@renderer/ui/components';
import type { AppInfo } from '@shared/api/system';
import { useSettingsStore } from '@renderer/stores/settingsStore';

const CURRENCIES = ['EUR', 'USD', 'HKD', 'GBP', 'CHF', 'CNY', 'JPY', 'SGD', 'CAD', 'AUD'];
/** Sample formats, shown as they are in every language (they are what the option means). */
const LOCALES: { value: string; label: string }[] = [
  { value: 'en-GB', label: 'English (UK) · 1,234.56 · 12 Jan' },
  { value: 'en-US', label: 'English (US) · 1,234.56 · Jan 12' },
  { value: 'de-DE', label: 'Deutsch · 1.234,56 · 12. Jan.' },
  { value: 'fr-FR', label: 'Français · 1 234,56 · 12 janv.' },
  { value: 'zh-HK', label: '中文（香港）· 1,234.56 · 1月12日' },
];

/** Each language named in itself, as language pickers do, so a reader finds their own. */
const LANGUAGE_OPTIONS = { en: 'languageOption.en', de: 'languageOption.de' } as const satisfies Record<Language, string>;

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const { settings, status, error, saving, update } = useSettingsStore();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.call('system.info', {}).then(setInfo, () => setInfo(null));
  }, []);

  if (status === 'loading' || status === 'idle' || !settings) {
    return status === 'error' ? <Banner kind="error" title={t('loadFailed')}>{error}</Banner> : <Loading />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await update({
      baseCurrency: String(form.get('baseCurrency')),
      locale: String(form.get('locale')),
      theme: String(form.get('theme')) as 'system' | 'light' | 'dark',
      language: LanguagePreference.parse(form.get('language')),
    });
    setSaved(ok);
  };

  return (
    <div className="page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {error ? <Banner kind="error" title={t('common:notSaved')}>{error}</Banner> : null}
      {saved && !error ? <Banner kind="success">{t('saved')}</Banner> : null}
      <form className="card card-body" onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="baseCurrency">{t('baseCurrency')}</label>
            <select id="baseCurrency" name="baseCurrency" className="select" defaultValue={settings.baseCurrency}>
              {[...new Set([settings.baseCurrency, ...CURRENCIES])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <span className="field-hint">{t('baseCurrencyHint')}</span>
          </div>
          <div className="field">
            <label htmlFor="language">{t('language')}</label>
            <select id="language" name="language" className="select" defaultValue={settings.language}>
              <option value="system">{t('languageOption.system', { language: t(LANGUAGE_OPTIONS[resolveLanguage('system', systemLocales())]) })}</option>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(LANGUAGE_OPTIONS[language])}
                </option>
              ))}
            </select>
            <span className="field-hint">{t('languageHint')}</span>
          </div>
          <div className="field field-wide">
            <label htmlFor="locale">{t('numberFormat')}</label>
            <select id="locale" name="locale" className="select" defaultValue={settings.locale}>
              {LOCALES.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="theme">{t('appearance')}</label>
            <select id="theme" name="theme" className="select" defaultValue={settings.theme}>
              <option value="system">{t('theme.system')}</option>
              <option value="light">{t('theme.light')}</option>
              <option value="dark">{t('theme.dark')}</option>
            </select>
          </div>
        </div>
        <div className="page-actions" style={{ marginTop: 24 }}>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common:saving') : t('saveButton')}
          </button>
        </div>
      </form>
      {info ? (
        <section className="card card-body">
          <h2>{t('data.title')}</h2>
          <p className="muted" style={{ marginTop: 6 }}>
            {t('data.lead')}
          </p>
          <dl className="info-list">
            <dt>{t('data.folder')}</dt>
            <dd data-testid="data-dir">{info.dataDir}</dd>
            <dt>{t('data.database')}</dt>
            <dd>{info.databaseFile}</dd>
            <dt>{t('data.version')}</dt>
            <dd>
              {t('data.versionLine', { version: info.version, schema: info.schemaVersion, mode: info.mode === 'desktop' ? t('data.desktop') : t('data.browser') })}
            </dd>
          </dl>
        </section>
      ) : null}
      <UpdatesSection />
      <BackupSection />
    </div>
  );
}
