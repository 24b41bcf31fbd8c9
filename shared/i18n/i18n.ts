import i18next, { type InitOptions, type i18n } from 'i18next';
import { FALLBACK_LANGUAGE, type Language } from './languages';
import { numberFormatter } from './number-format';
import { NAMESPACES, resources, type Catalogue } from './resources';

/**
 * One set of catalogues for every side: the renderer (react-i18next), the main
 * process (menus, dialogs) and browser mode's recovery page. Plurals come from
 * Intl.PluralRules (i18next's `_one` / `_other` keys), interpolation from i18next.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Catalogue;
  }
}

export function i18nOptions(language: Language): InitOptions {
  return {
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // React and our HTML writers escape; escaping here would show &amp; twice.
    // alwaysFormat: numbers go through numberFormatter (number-format.ts) and get the reader's separators.
    interpolation: { escapeValue: false, alwaysFormat: true },
    // The catalogues are bundled, so init finishes before it returns.
    initAsync: false,
    returnNull: false,
  };
}

/** A ready instance for code outside React (main process, browser-mode pages, tests); numbers in the language's format. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(numberFormatter(() => undefined)).init(i18nOptions(language));
  return instance;
}
