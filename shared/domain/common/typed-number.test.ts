import { describe, expect, it } from 'vitest';
import { normalizeTypedNumber, parseTypedNumber } from './typed-number';

describe('a number typed in the reader’s number format', () => {
  it('German: dot groups, comma is the decimal mark', () => {
    expect(normalizeTypedNumber('1.234,56', 'de-DE')).toBe('1234.56');
    expect(normalizeTypedNumber('142,90', 'de-DE')).toBe('142.90');
    expect(normalizeTypedNumber('1.234', 'de-DE')).toBe('1234');
    expect(normalizeTypedNumber('1.000.000', 'de-DE')).toBe('1000000');
    expect(normalizeTypedNumber('1 234,5', 'de-DE')).toBe('1234.5');
    // A lone dot not followed by three digits cannot be grouping: the decimal mark.
    expect(normalizeTypedNumber('12.5', 'de-DE')).toBe('12.5');
  });

  it('English: comma groups, dot is the decimal mark', () => {
    expect(normalizeTypedNumber('1,234.56', 'en-GB')).toBe('1234.56');
    expect(normalizeTypedNumber('142.90', 'en-US')).toBe('142.90');
    expect(normalizeTypedNumber('1,234', 'en-US')).toBe('1234');
    expect(normalizeTypedNumber('12,5', 'en-US')).toBe('12.5');
    expect(normalizeTypedNumber('-0.5', 'en-US')).toBe('-0.5');
  });

  it('Swiss apostrophes and French narrow spaces group', () => {
    expect(normalizeTypedNumber("1'234.50", 'de-CH')).toBe('1234.50');
    expect(normalizeTypedNumber('1\u202f234,50', 'fr-FR')).toBe('1234.50');
  });

  it('refuses what is not a number', () => {
    expect(normalizeTypedNumber('', 'de-DE')).toBeNull();
    expect(normalizeTypedNumber('abc', 'en-US')).toBeNull();
    expect(normalizeTypedNumber('1,2,3', 'de-DE')).toBeNull();
    expect(normalizeTypedNumber('1.23.4', 'en-US')).toBeNull();
    expect(parseTypedNumber('12x', 'en-US')).toBeNaN();
  });

  it('reads 1,000 × HK$142.90 the same in both formats', () => {
    expect(parseTypedNumber('142,90', 'de-DE') * parseTypedNumber('1.000', 'de-DE')).toBe(142900);
    expect(parseTypedNumber('142.90', 'en-US') * parseTypedNumber('1,000', 'en-US')).toBe(142900);
  });
});
