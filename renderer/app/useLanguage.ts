import { useEffect } from 'react';
import type { Settings } from '@shared/api/settings';
import { resolveLanguage } from '@shared/i18n/languages';
import { useSettingsStore } from '@renderer/stores/settingsStore';
import { i18n, systemLocales } from '@renderer/i18n/i18n';

/** Follows Settings ▸ Language at once: every useTranslation() re-renders on the change. */
export function useLanguageFromSettings(): void {
  const preference = useSettingsStore((s) => s.settings?.language ?? 'system');
  useEffect(() => applyLanguage(preference), [preference]);
}

/** Switches the page to Settings ▸ Language (also before the first render, renderer/main.tsx). */
export function applyLanguage(preference: Settings['language']): void {
  const language = resolveLanguage(preference, systemLocales());
  if (i18n.language !== language) void i18n.changeLanguage(language);
  // The page's language, for hyphenation and screen readers; number formats follow Settings ▸ Number and date format.
  document.documentElement.lang = language;
}
