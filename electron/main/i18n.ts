import type { TFunction } from 'i18next';
import { createI18n } from '@shared/i18n/i18n';
import { FALLBACK_LANGUAGE, type Language } from '@shared/i18n/languages';

/**
 * The main process's text (menus, dialogs, the recovery dialog) comes from the
 * same catalogues as the window's; keys are written whole ('main:menu.file').
 */
const instance = createI18n(FALLBACK_LANGUAGE);

/** Bound to the main namespace; keys are still written whole so the catalogue check finds them. */
export type MainT = TFunction<['main']>;

export function mainT(language: Language = FALLBACK_LANGUAGE): MainT {
  return instance.getFixedT(language, ['main']);
}
