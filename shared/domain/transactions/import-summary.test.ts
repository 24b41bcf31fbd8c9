import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from './detect-format';
import { summariseImport } from './import-summary';

describe('summariseImport', () => {
  it('says how the Degiro statement was read: format, language, 74 lines and what each became', () => {
    const text = readFixture('transactions', 'degiro_account-statement_nl.csv');
    const detection = detectTransactionFormat(text, 'Account.csv');
    if (detection.kind !== 'preset') throw new Error('not recognised');
    const summary = summariseImport(importTransactionFile(text, 'Account.csv'), detection);
    // 75 physical lines − header = 74: 23 transactions + 19 cash lines + 32 skipped, every line once
    expect(summary).toEqual({
      format: 'Degiro account statement',
      language: 'Dutch',
      lines: 74,
      trades: 14,
      perType: { buy: 11, sell: 3, dividend: 9 },
      cashPerType: { deposit: 2, exchange: 6, fee: 8, withdrawal: 1, refund: 2 },
      cashLines: 19,
      skipped: 32,
      errors: 0,
      errorLines: 0,
      warnings: 0,
    });
  });

  it('counts a line once when it gives a transaction and a cash line (Trading 212 dividend with tax in another currency)', () => {
    const text = readFixture('transactions', 'trading212_history.csv');
    const summary = summariseImport(importTransactionFile(text, 'x.csv'), { label: 'Trading 212 history', language: 'English' });
    // 13 data lines; line 9 is both a dividend and a USD tax line
    expect([summary.lines, summary.cashLines, summary.skipped]).toEqual([13, 3, 2]);
  });
});
