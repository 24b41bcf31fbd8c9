import { flattenParams, type LooseTextParams, type TextValue } from '../shared/i18n/errorText';
import { createI18n } from '../shared/i18n/i18n';

const instances = { en: createI18n('en'), de: createI18n('de') };

/**
 * A keyed problem ({ key, params }, nested messages among the values) as a reader of `language`
 * sees it: what the renderer's localText does, without React. Throws for a key the catalogue
 * lacks, so a typo fails the test instead of showing the key.
 */
export function shown(language: 'en' | 'de', problem: { key?: string | undefined; params?: LooseTextParams | undefined }): string {
  const i18n = instances[language];
  const translate = (k: string, p: Record<string, TextValue>): string => {
    if (!i18n.exists(k, p)) throw new Error(`no catalogue text for ${k}`);
    // The cast names one catalogue key so t() accepts a key held in a variable.
    return i18n.t(k as 'errors:internal', p);
  };
  if (problem.key === undefined) throw new Error('the problem has no catalogue key');
  return translate(problem.key, flattenParams(problem.params, translate));
}
