import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setNumberLocale } from './i18n';

afterEach(() => {
  setNumberLocale('en-GB');
  void i18n.changeLanguage('en');
});

describe('renderer i18n numbers', () => {
  it('follow Settings ▸ Number and date format, not the language', () => {
    void i18n.changeLanguage('en');
    setNumberLocale('de-DE');
    // English words, German digits: 240971 → "240.971"
    expect(i18n.t('prices:rejectedBadge', { rows: 240_971 })).toBe('240.971 rejected');
    setNumberLocale('en-GB');
    expect(i18n.t('prices:rejectedBadge', { rows: 240_971 })).toBe('240,971 rejected');
  });
});
