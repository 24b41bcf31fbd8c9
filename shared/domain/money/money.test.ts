import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  convert,
  fromMinorUnits,
  isDecimal,
  minorUnitDigits,
  money,
  MoneyError,
  multiply,
  roundToMinorUnit,
  subtract,
  sum,
  sumMoney,
  toMinorUnits,
} from './index';

describe('exact money', () => {
  it('multiplies 1,000 × HK$142.90 to exactly HK$142,900.00', () => {
    // In binary floating point 142.9 is 142.900000000000005684…; the product as decimals is exact.
    expect(multiply('1000', '142.90')).toBe('142900');
    expect(multiply(1000, 142.9)).toBe('142900');
    expect(roundToMinorUnit(multiply(1000, 142.9), 'HKD')).toBe('142900.00');
    expect(toMinorUnits(multiply(1000, 142.9), 'HKD')).toBe(14_290_000);
  });

  it('sums without binary drift: 0.1 + 0.2 = 0.3, and ten times 0.1 is 1', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float problem this module exists for
    expect(add(0.1, 0.2)).toBe('0.3');
    expect(sum(Array.from({ length: 10 }, () => '0.10'))).toBe('1');
    expect(sum([])).toBe('0');
    expect(subtract('142900.00', '0.01')).toBe('142899.99');
  });

  it('rounds once, half away from zero, to the currency minor unit', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('HKD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(roundToMinorUnit('2.345', 'EUR')).toBe('2.35');
    expect(roundToMinorUnit('-2.345', 'EUR')).toBe('-2.35');
    expect(roundToMinorUnit('2.344999', 'EUR')).toBe('2.34');
    expect(roundToMinorUnit('1234.5', 'JPY')).toBe('1235');
    expect(roundToMinorUnit('1.2345', 'KWD')).toBe('1.235');
    expect(roundToMinorUnit('7', 'USD')).toBe('7.00');
  });

  it('rounds a conversion once, not per step', () => {
    // 3 × HK$33.33 = HK$99.99; at 0.1173 EUR per HKD that is 11.728827 → €11.73.
    // Rounding each share first (33.33 × 0.1173 = 3.909609 → 3.91, × 3 = 11.73) happens to agree here,
    // but 7 × 0.333 at 1.005: exact 2.342655 → 2.34, per-step 0.334665 → 0.33 × 7 = 2.31.
    expect(convert(money(multiply(3, '33.33'), 'HKD'), '0.1173', 'EUR')).toEqual({ amount: '11.73', currency: 'EUR' });
    expect(convert(money(multiply(7, '0.333'), 'USD'), '1.005', 'EUR')).toEqual({ amount: '2.34', currency: 'EUR' });
  });

  it('converts between decimals and integer minor units both ways', () => {
    expect(toMinorUnits('0.015', 'EUR')).toBe(2);
    expect(toMinorUnits('-12.34', 'USD')).toBe(-1234);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(fromMinorUnits(14_290_000, 'HKD')).toBe('142900.00');
    expect(fromMinorUnits(-5, 'EUR')).toBe('-0.05');
    expect(fromMinorUnits(1500, 'JPY')).toBe('1500');
  });

  it('compares exactly and recognises decimal text', () => {
    expect(compare('0.30', add(0.1, 0.2))).toBe(0);
    expect(compare('-1', '0')).toBe(-1);
    expect(isDecimal('142.90')).toBe(true);
    expect(isDecimal('-0.5')).toBe(true);
    expect(isDecimal('1,5')).toBe(false);
    expect(isDecimal('')).toBe(false);
  });

  it('refuses what is not a decimal and mixed currencies, with a code and params', () => {
    expect(() => multiply('abc', 1)).toThrow(MoneyError);
    try {
      multiply(Number.NaN, 1);
    } catch (e) {
      expect(e).toBeInstanceOf(MoneyError);
      expect((e as MoneyError).code).toBe('NOT_A_DECIMAL');
    }
    expect(sumMoney([money('1.10', 'EUR'), money('2.20', 'EUR')], 'EUR')).toEqual({ amount: '3.3', currency: 'EUR' });
    try {
      sumMoney([money('1', 'EUR'), money('1', 'USD')], 'EUR');
      expect.unreachable();
    } catch (e) {
      expect((e as MoneyError).code).toBe('CURRENCY_MISMATCH');
      expect((e as MoneyError).params).toEqual({ expected: 'EUR', actual: 'USD' });
    }
  });
});
