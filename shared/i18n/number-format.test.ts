import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';

// Issue 15: "240971" stood in a text without a thousands separator: i18next wrote numbers bare.
describe('numbers inside translated texts', () => {
  it('group thousands the language’s way without the caller formatting them', () => {
    expect(createI18n('en').t('prices:rejectedBadge', { rows: 240_971 })).toBe('240,971 rejected');
    expect(createI18n('de').t('prices:rejectedBadge', { rows: 240_971 })).toBe('240.971 abgelehnt');
  });
  it('format {{count}} and still choose the plural from the number', () => {
    const en = createI18n('en');
    expect(en.t('errors:prices.rowsUnreadable', { count: 1, fileName: 'a.csv' })).toMatch(/^1 row of "a.csv"/);
    expect(en.t('errors:prices.rowsUnreadable', { count: 12_345, fileName: 'a.csv' })).toMatch(/^12,345 rows of "a.csv"/);
    expect(createI18n('de').t('errors:prices.rowsUnreadable', { count: 12_345, fileName: 'a.csv' })).toMatch(/^12\.345 Zeilen von/);
  });
  it('keep every decimal (grouping only, no rounding) and leave strings alone', () => {
    // 1234.56789 keeps its five decimals; the default Intl.NumberFormat would give 1,234.568.
    expect(createI18n('en').t('prices:rejectedBadge', { rows: 1234.56789 })).toBe('1,234.56789 rejected');
    expect(createI18n('en').t('prices:rejectedBadge', { rows: '240971' })).toBe('240971 rejected');
  });
});
