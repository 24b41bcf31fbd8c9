import type { FormatterModule } from 'i18next';

/**
 * i18next's formatter, replaced so that every number put into a catalogue text is written with
 * the reader's digit grouping and decimal mark ("240,971" / "240.971"), not as JavaScript's bare
 * "240971". With `alwaysFormat` i18next calls it for every interpolation, so a new `{{rows}}` or
 * `{{count}}` needs nothing from the caller. `numberLocale` is the Settings ▸ Number and date format
 * (which may differ from the language: English text with German numbers); without one, the
 * language's own. `{{n, number}}` is the same; any other named format is not used in our
 * catalogues and passes the value through unchanged.
 */
export function numberFormatter(numberLocale: () => string | undefined): FormatterModule {
  const cache = new Map<string, Intl.NumberFormat>();
  const formatterFor = (locale: string): Intl.NumberFormat => {
    let f = cache.get(locale);
    if (!f) {
      // All the digits the number has: the formatter groups and localises, it never rounds.
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
      cache.set(locale, f);
    }
    return f;
  };
  return {
    type: 'formatter',
    init: () => undefined,
    add: () => undefined,
    addCached: () => undefined,
    format(value: unknown, format?: string, lng?: string): string {
      if (typeof value === 'number' && Number.isFinite(value) && (format === undefined || format === 'number')) {
        return formatterFor(numberLocale() ?? lng ?? 'en').format(value);
      }
      // Strings, and values i18next turns into strings itself after this call.
      return value as string;
    },
  };
}
