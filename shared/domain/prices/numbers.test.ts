import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectNumberFormat, parseNumber, type NumberFormat } from './numbers';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const US: NumberFormat = { decimalSeparator: '.', thousandsSeparator: ',' };
const PLAIN: NumberFormat = { decimalSeparator: '.', thousandsSeparator: '' };
const DE: NumberFormat = { decimalSeparator: ',', thousandsSeparator: '.' };

describe('parseNumber', () => {
  it.each([
    ['3.54B', US, 3_540_000_000], // 354 × 10^(9-2)
    ['734.33M', US, 734_330_000], // 73433 × 10^(6-2)
    ['96,31K', DE, 96_310], // 9631 × 10^(3-2)
    ['16.170,0', DE, 16_170],
    ['23,426.60', US, 23_426.6],
    ['$74.62', US, 74.62],
    ['11,980,150', US, 11_980_150],
    ['-0,28%', DE, -0.0028],
    ['7,767930030822754', { decimalSeparator: ',', thousandsSeparator: '' }, 7.767930030822754],
    ['0.0', PLAIN, 0],
    ['1.5e3', PLAIN, 1500],
    [' 12 ', PLAIN, 12],
  ] as const)('%s → %s', (text, format, expected) => {
    expect(parseNumber(text, format)).toBe(expected);
  });

  it.each(['', 'null', 'abc', '1.2.3x', '$', '12a'])('"%s" is not a number', (text) => {
    expect(parseNumber(text, US)).toBeNaN();
  });

  it('equals Number() for every value of a Yahoo file and of a yfinance file with 17-digit floats', () => {
    for (const name of ['yahoo-download_^HSI.csv', 'yfinance-history_9988.HK.csv']) {
      const text = readFileSync(`${FIXTURES_DIR}/prices/${name}`, 'utf8');
      let checked = 0;
      for (const line of text.split('\n').slice(1)) {
        for (const field of line.split(',').slice(1)) {
          if (field === '') continue;
          expect(parseNumber(field, PLAIN)).toBe(Number(field));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(3000);
    }
  });
});

describe('detectNumberFormat', () => {
  it('reads Nasdaq: dot decimals with comma thousands in the volume', () => {
    expect(detectNumberFormat(['$74.62', '11,980,150', '$74.48'])).toEqual({ format: US, certain: true });
  });

  it('reads Investing German: "16.170,0" and "96,31K"', () => {
    expect(detectNumberFormat(['16.170,0', '16.245,0', '96,31K']).format).toEqual(DE);
  });

  it('reads a semicolon re-export with decimal commas and no grouping', () => {
    expect(detectNumberFormat(['7,767930030822754', '0']).format).toEqual({ decimalSeparator: ',', thousandsSeparator: '' });
  });

  it('is not certain when every value is like "1,234"', () => {
    const r = detectNumberFormat(['1,234', '2,345']);
    expect(r.certain).toBe(false);
    expect(r.format).toEqual(US);
    expect(detectNumberFormat(['1.234', '2.345']).certain).toBe(false);
    // one value with other than three decimals settles it
    expect(detectNumberFormat(['1.234', '2.34'])).toEqual({ format: PLAIN, certain: true });
  });
});
