import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test-support/fixtures';
import { detectTransactionFormat, importTransactionFile } from '../detect-format';
import { arrayItemLines, ghostfolioJsonPreset } from './ghostfolio-json';

const text = readFixture('transactions', 'ghostfolio_export_sample.json');

describe('Ghostfolio JSON export preset', () => {
  it('is recognised from its content', () => {
    expect(detectTransactionFormat(text, 'download')).toMatchObject({ kind: 'preset', presetId: 'ghostfolio-json', label: 'Ghostfolio export (JSON)' });
  });

  it('5 activities: 2 buys, a dividend, the account-opening fee as a cash line, a zero placeholder skipped', () => {
    const r = importTransactionFile(text, 'ghostfolio.json');
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.line, t.type])).toEqual([[89, 'buy'], [102, 'dividend'], [115, 'buy']]);
    // MSFT: 5 × 298.58 = 1492.90 USD plus a fee of 19, in the account named by accountId
    expect(r.transactions[0]).toMatchObject({ symbol: 'MSFT', quantity: 5, price: 298.58, fees: 19, currency: 'USD', account: 'My Online Trading Account', note: 'My first order 🤓' });
    // dividend 5 × 0.62 = 3.10 USD
    expect(r.transactions[1]).toMatchObject({ quantity: 5, price: 0.62, date: '2021-11-17' });
    // a MANUAL asset is named from its asset profile, not its id; no account
    expect(r.transactions[2]).toMatchObject({ symbol: null, name: 'Penthouse Apartment', price: 500000, account: null });
    expect(r.cash).toEqual([expect.objectContaining({ line: 76, type: 'fee', amount: 49, currency: 'USD', name: 'Account Opening Fee' })]);
    expect(r.skipped).toMatchObject([{ line: 128, reason: expect.stringMatching(/^A buy of 0 shares/), key: 'errors:preset.placeholder' }]);
  });

  it('finds the line of each array element, ignoring brackets inside strings', () => {
    expect(arrayItemLines('{\n"x": "[{",\n"activities": [\n {"a": "}"},\n {"b": [1]}\n]}', 'activities')).toEqual([4, 5]);
  });

  it('reports an activity type it does not know', () => {
    const r = ghostfolioJsonPreset.parse('{"meta":{},"activities":[{"type":"STAKE","date":"2024-01-01T00:00:00.000Z","currency":"USD"}]}');
    expect(r.errors).toMatchObject([{ line: 1, field: 'type', message: "Ghostfolio: 'STAKE' is not a transaction type Tickerline knows; enter the line by hand or leave it out." }]);
  });
});
