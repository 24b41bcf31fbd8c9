import { describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n/i18n';
import { formatMoney, formatPoints, signClass, unrealisedWord } from './format';

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

describe('zero that is float dust', () => {
  // 3.3 − 3 × 1.1 in floats is −4.44e-16, not 0: an unrealised gain of nothing.
  const dust = 3.3 - 3 * 1.1;

  it('prints €0.00 without a minus and without a sign colour', () => {
    expect(dust).not.toBe(0);
    expect(formatMoney(dust, 'EUR', 'en-GB')).toBe('€0.00');
    expect(signClass(dust)).toBe('');
  });

  it('keeps real small amounts signed and coloured', () => {
    expect(formatMoney(-0.005, 'EUR', 'en-GB')).toBe('-€0.01');
    expect(signClass(-0.005)).toBe('negative');
    expect(signClass(0.0001)).toBe('positive');
  });

  it('colours a figure by the sign it is printed with: −€0.004 prints €0.00 and is not red', () => {
    // A EUR market value of HK$142,900 at a rate that leaves it 0.004 under its cost: shown as €0.00.
    expect(formatMoney(-0.004, 'EUR', 'en-GB')).toBe('€0.00');
    expect(signClass(-0.004, 2)).toBe('');
    // −0.005 rounds away from zero to −€0.01, a loss on screen.
    expect(signClass(-0.005, 2)).toBe('negative');
    // A return of −0.00004 prints 0.00 % (2 percent digits are 4 of the fraction).
    expect(signClass(-0.00004, 4)).toBe('');
    expect(signClass(-0.00005, 4)).toBe('negative');
    expect(signClass(-0.004)).toBe('negative');
  });
});
