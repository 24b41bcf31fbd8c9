import type { ParseKeys } from 'i18next';
import { createI18n } from './i18n';

/** A key of the errors catalogue, written whole ('errors:security.isinCheckDigit') so the key check finds it. */
export type ErrorKey = `errors:${ParseKeys<'errors'>}`;

let english: ReturnType<typeof createI18n> | undefined;

/** The English text of an error message, for logs, tests and English readers. */
export function englishText(key: ErrorKey, params?: Record<string, string | number>): string {
  english ??= createI18n('en');
  return english.t(key, params ?? {});
}
