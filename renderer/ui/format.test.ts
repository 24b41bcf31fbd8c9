import { describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n/i18n';
import { formatPoints, unrealisedWord } from './format';

describe('formatPoints', () => {
  it('writes a return difference in percentage points', () => {
    // 0.0532423 − 0.0143601 = 0.0388822 → +3.89 pp
    expect(formatPoints(0.0388822, 'en-GB')).toBe('+3.89\u00a0pp');
    expect(formatPoints(-0.0125, 'de-DE')).toBe('-1,25\u00a0pp');
    expect(formatPoints(null, 'en-GB')).toBe('—');
    // The unit follows the UI's language (Prozentpunkte), the digits the number format.
    void i18n.changeLanguage('de');
    expect(formatPoints(-0.0125, 'de-DE')).toBe('-1,25\u00a0PP');
    void i18n.changeLanguage('en');
  });
});

describe('unrealisedWord', () => {
  it('spells it the locale’s way', () => {
    expect(unrealisedWord('en-US')).toBe('Unrealized');
    expect(unrealisedWord('en-GB')).toBe('Unrealised');
  });
});
