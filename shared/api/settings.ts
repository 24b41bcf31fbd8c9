import { z } from 'zod';
import { LANGUAGE_PREFERENCES } from '../i18n/languages';
import { defineMethods } from './define';

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR, USD or HKD.');

export const ThemePreference = z.enum(['system', 'light', 'dark']);

/** What the user chose in Settings ▸ Language (shared/i18n/languages.ts lists the languages). */
export const LanguagePreference = z.enum(LANGUAGE_PREFERENCES);

export const Settings = z.object({
  baseCurrency: CurrencyCode,
  theme: ThemePreference,
  locale: z.string().min(2).max(35),
  /** The UI's language; 'system' follows the OS (desktop) or browser locale. */
  language: LanguagePreference,
});
export type Settings = z.infer<typeof Settings>;

export const settingsMethods = defineMethods({
  'settings.get': { input: z.object({}).strict(), output: Settings },
  'settings.update': {
    input: Settings.partial().strict(),
    output: Settings,
    mutates: ['settings'],
  },
});
