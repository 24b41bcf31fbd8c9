import type { ParseKeys } from 'i18next';
import { createI18n } from './i18n';

/** A key of the errors catalogue, written whole ('errors:security.isinCheckDigit') so the key check finds it. */
export type ErrorKey = `errors:${ParseKeys<'errors'>}`;

/** A value put into a message: a number (written in the reader's format) or text shown as it is. */
export type TextValue = string | number;

/**
 * A message from the errors catalogue with its values. A value may itself be such a
 * message ("Nothing was imported from a.csv: {{reason}}" where the reason is a parser's
 * keyed text), so every part is written in the reader's language.
 */
export interface NestedText {
  key: ErrorKey;
  params?: TextParams;
}
export type TextParams = Record<string, TextValue | NestedText>;

/** TextParams as they arrive over the contract: keys are plain strings until a catalogue finds them. */
export interface LooseTextParams {
  [name: string]: TextValue | { key: string; params?: LooseTextParams | undefined };
}

let english: ReturnType<typeof createI18n> | undefined;

/** The values with every nested message written out by `translate`. */
export function flattenParams(params: LooseTextParams | undefined, translate: (key: string, params: Record<string, TextValue>) => string): Record<string, TextValue> {
  const out: Record<string, TextValue> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = typeof value === 'object' ? translate(value.key, flattenParams(value.params, translate)) : value;
  return out;
}

/** The English text of an error message, for logs, tests and English readers. */
export function englishText(key: ErrorKey, params?: TextParams): string {
  english ??= createI18n('en');
  const i18n = english;
  // The cast names one catalogue key so t() accepts a key held in a variable.
  const translate = (k: string, p: Record<string, TextValue>): string => i18n.t(k as 'errors:internal', p);
  return translate(key, flattenParams(params, translate));
}
