import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from '@shared/i18n/i18n';
import { numberFormatter } from '@shared/i18n/number-format';
import { resolveLanguage } from '@shared/i18n/languages';

/** The browser's (or, in the desktop window, the OS's) preferred locales, for Settings ▸ Language ▸ System. */
export function systemLocales(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/**
 * The renderer's one i18next instance. It starts in the system language so the
 * first frame (before settings arrive) is already in the likely language.
 * Components use useTranslation(); stores and the API client use i18n.t.
 */
export const i18n = i18next.createInstance();

let numberLocale: string | undefined;
/** Settings ▸ Number and date format, for numbers inside translated texts (the settings store keeps it current). */
export function setNumberLocale(locale: string | undefined): void {
  numberLocale = locale;
}

void i18n.use(initReactI18next).use(numberFormatter(() => numberLocale)).init(i18nOptions(resolveLanguage('system', systemLocales())));
