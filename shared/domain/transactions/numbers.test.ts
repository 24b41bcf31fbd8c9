import { describe, expect, it } from 'vitest';
import { guessDecimalSeparator, parseNumberCell } from './numbers';

const value = (raw: string, decimal: '.' | ',' = '.'): number | null => {
  const r = parseNumberCell(raw, decimal);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parseNumberCell', () => {
  it('reads plain digits from their characters to the very double Number() gives', () => {
    // 5873000000 / 10^10: both exact, so the quotient is the double nearest 0.5873, as Number('0.5873') is.
    expect(value('0.5873000000')).toBe(0.5873);
    // 1 / 10 rounds once to the double nearest 0.1, not to 0.1000000000000000055… plus a second error.
    expect(value('0.1')).toBe(0.1);
    expect(value('-12.50')).toBe(-12.5);
    expect(value('12,5', ',')).toBe(12.5);
    expect(Object.is(value('-0'), -0)).toBe(true);
    // 17 digits do not fit a double exactly: read by Number(), 12345678901234567.5 → 12345678901234568.
    expect(value('12345678901234567.5')).toBe(12345678901234568);
    expect(value('-12345678901234567,5', ',')).toBe(-12345678901234568);
    // A point without digits on one side is left to the full rules, which read it as before.
    expect(value('12.')).toBe(12);
    expect(value('.5')).toBe(0.5);
    expect(parseNumberCell('1.5', ',').ok).toBe(false);
  });

  it('reads currency symbols and the negative forms brokers use', () => {
    expect(value('-$694.48')).toBe(-694.48);
    expect(value('$-694.48')).toBe(-694.48);
    expect(value('(12.50)')).toBe(-12.5);
    expect(value('"$1,259.59"'.slice(1, -1))).toBe(1259.59);
    expect(value('£110.79')).toBe(110.79);
    expect(value('CHF 1\'234.50')).toBe(1234.5);
    expect(value('€ 12,5', ',')).toBe(12.5);
    expect(value('4.312,50', ',')).toBe(4312.5);
    expect(value('-1.200,00', ',')).toBe(-1200);
    expect(value('1 234,5 EUR', ',')).toBe(1234.5);
    expect(value('500,135')).toBe(500135); // Schwab share count with thousands comma
    expect(value('-0.979')).toBe(-0.979);
    expect(value('12-')).toBe(-12);
  });

  it('returns null for empty cells and a reason for junk', () => {
    expect(value('  ')).toBeNull();
    const bad = parseNumberCell('12.34.56', '.');
    expect(bad.ok).toBe(false);
    const wrongSeparator = parseNumberCell('1.234,5', '.');
    expect(wrongSeparator).toMatchObject({ ok: false, reason: expect.stringContaining("'1.234,5'") });
  });
});

describe('guessDecimalSeparator', () => {
  it('uses decimals with other than three digits and the last of two separators', () => {
    expect(guessDecimalSeparator(['172,50', '4.312,50', '25'], '.')).toBe(',');
    expect(guessDecimalSeparator(['$1,259.59', '8.25'], ',')).toBe('.');
    // '1,234' alone is ambiguous: the fallback decides
    expect(guessDecimalSeparator(['1,234', '7'], ',')).toBe(',');
    expect(guessDecimalSeparator(['1,234', '7'], '.')).toBe('.');
  });
});
