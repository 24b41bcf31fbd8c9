import { describe, expect, it } from 'vitest';
import { languageOf, resolveLanguage } from './languages';

describe('resolveLanguage', () => {
  it('takes an explicit choice over the system', () => {
    expect(resolveLanguage('de', ['en-US'])).toBe('de');
    expect(resolveLanguage('en', ['de-DE'])).toBe('en');
  });
  it('follows the first system locale it has a catalogue for', () => {
    // fr has no catalogue, de-AT maps to de
    expect(resolveLanguage('system', ['fr-FR', 'de-AT', 'en-GB'])).toBe('de');
    expect(resolveLanguage('system', ['en-GB', 'de-DE'])).toBe('en');
  });
  it('falls back to English when nothing matches', () => {
    expect(resolveLanguage('system', ['ja-JP'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
  it('reads the base of a locale tag', () => {
    expect(languageOf('de_CH')).toBe('de');
    expect(languageOf('zh-HK')).toBeUndefined();
  });
});
