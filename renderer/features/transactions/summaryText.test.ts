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
      }),
    ).toBe('Degiro account statement, Dutch, 74 lines: 23 trades, 9 dividends, 19 cash lines, 32 skipped, 1 warning');
  });

  it('says a generic file was read with the mapping, and one line in the singular', () => {
    expect(
      describeImportSummary({ format: null, language: null, lines: 1, trades: 1, perType: { buy: 1 }, cashPerType: {}, cashLines: 0, skipped: 0, errors: 2, errorLines: 1, warnings: 0 }),
    ).toBe('Read with your column mapping, 1 line: 1 trade, 1 line with problems');
  });
});
