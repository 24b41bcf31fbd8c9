/**
 * The languages Tickerline speaks. A new language adds its code here and its
 * catalogue folder in locales/ (see README, "Adding a language").
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the user chose in Settings ▸ Language; 'system' follows the OS or browser locale. */
export const LANGUAGE_PREFERENCES = ['system', ...LANGUAGES] as const;
export type LanguagePreference = (typeof LANGUAGE_PREFERENCES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

/** The catalogue language for a locale tag ('de-AT' → 'de'), or undefined when Tickerline has none. */
export function languageOf(locale: string): Language | undefined {
  const base = locale.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined;
}

/**
 * The language to show: the user's choice, or for 'system' the first of the
 * system's preferred locales Tickerline has a catalogue for, else English.
 */
export function resolveLanguage(preference: LanguagePreference, systemLocales: readonly string[]): Language {
  if (preference !== 'system') return preference;
  for (const locale of systemLocales) {
    const language = languageOf(locale);
    if (language) return language;
  }
  return FALLBACK_LANGUAGE;
}
