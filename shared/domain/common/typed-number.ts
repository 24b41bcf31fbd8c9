/**
 * A number a person typed into a form, read with the separators of their number format:
 * "1.234,56" in German is 1234.56, and "1,234.56" in English. The result is plain decimal
 * text ("1234.56") so money fields can keep it exact; null when the text is not a number.
 *
 * A lone "other" separator not followed by exactly three digits is read as the decimal mark
 * ("12.5" typed in German, "12,5" in English): people type the way their keypad or their
 * broker's statement does, and no grouping reading of it exists.
 */
export function normalizeTypedNumber(text: string, locale: string): string | null {
  const { decimal, group } = separatorsOf(locale);
  // Spaces of every width and the Swiss apostrophe only ever group digits.
  let s = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (s === '') return null;
  const other = decimal === ',' ? '.' : ',';
  if (s.includes(decimal)) {
    s = s.split(group === ' ' || group === '\u00a0' || group === '\u202f' ? other : group).join('');
    if (s.split(decimal).length !== 2) return null;
    s = s.replace(decimal, '.');
  } else if (s.includes(other)) {
    const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${other}\\d{3})+$`);
    if (grouped.test(s)) s = s.split(other).join('');
    else if (s.split(other).length === 2) s = s.replace(other, '.');
    else return null;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return s.replace(/^\+/, '').replace(/\.$/, '');
}

/** The typed number as a JS number; NaN when it is not one. */
export function parseTypedNumber(text: string, locale: string): number {
  const normal = normalizeTypedNumber(text, locale);
  return normal === null ? Number.NaN : Number(normal);
}

const cache = new Map<string, { decimal: string; group: string }>();

function separatorsOf(locale: string): { decimal: string; group: string } {
  let found = cache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    cache.set(locale, found);
  }
  return found;
}
