import { describe, expect, it } from 'vitest';
import { describeImportSummary } from './summaryText';

describe('describeImportSummary', () => {
  it('words a preset file with its language, counting each kind once', () => {
    // The line count is the summary's own (74), not the sum of the parts: one file line can give a trade and a cash line.
    expect(
      describeImportSummary({
        format: 'Degiro account statement',
        language: 'Dutch',
        lines: 74,
        trades: 23,
        perType: { buy: 20, sell: 3, dividend: 9 },
        cashPerType: { deposit: 19 },
        cashLines: 19,
        skipped: 32,
        errors: 0,
        errorLines: 0,
        warnings: 1,
      }, 'en-GB'),
    ).toBe('Degiro account statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped, 1 warning');
  });

  it('says a generic file was read with the mapping, and one line in the singular', () => {
    expect(
      describeImportSummary({ format: null, language: null, lines: 1, trades: 1, perType: { buy: 1 }, cashPerType: {}, cashLines: 0, skipped: 0, errors: 2, errorLines: 1, warnings: 0 }, 'en-GB'),
    ).toBe('Read with your column mapping, 1 line: 1 trade, 1 line with problems');
  });

  it('groups thousands the chosen way (issue 15: "240971" had no separator)', () => {
    // A 240,971-line broker export: 240,000 trades + 971 skipped.
    const big = { format: 'Generic CSV', language: null, lines: 240_971, trades: 240_000, perType: { buy: 240_000 }, cashPerType: {}, cashLines: 0, skipped: 971, errors: 0, errorLines: 0, warnings: 0 };
    expect(describeImportSummary(big, 'en-GB')).toBe('Generic CSV, 240,971 lines: 240,000 trades, 971 skipped');
    expect(describeImportSummary(big, 'de-DE')).toBe('Generic CSV, 240.971 lines: 240.000 trades, 971 skipped');
  });

  it('counts share transfers in and out together (Portfolio Performance deliveries and Umbuchungen)', () => {
    // 1 buy + 2 transfers in + 2 transfers out = 5 lines; 2 + 2 = 4 share transfers
    const pp = { format: 'Portfolio Performance export', language: 'German', lines: 5, trades: 1, perType: { buy: 1, 'transfer-in': 2, 'transfer-out': 2 }, cashPerType: {}, cashLines: 0, skipped: 0, errors: 0, errorLines: 0, warnings: 0 };
    expect(describeImportSummary(pp, 'en-GB')).toBe('Portfolio Performance export, German, 5 lines: 1 trade, 4 share transfers');
  });
});
