import { describe, expect, it } from 'vitest';
import { currencyHint } from './currency-hint';

describe('currencyHint', () => {
  it('reads the exchange suffix of the symbol', () => {
    expect(currencyHint('9988.HK', [])).toBe('HKD');
    expect(currencyHint('EXS1.DE', [])).toBe('EUR');
  });
  it('reads a currency sign on the prices (Nasdaq.com writes "$227.85")', () => {
    expect(currencyHint('BABA', ['03/01/2024', '$227.85'])).toBe('USD');
    expect(currencyHint(null, ['4.321,50 €'])).toBe('EUR');
  });
  it('says nothing when neither does', () => {
    expect(currencyHint('Euro Stoxx 50', ['4.321,50'])).toBeNull();
  });
});
