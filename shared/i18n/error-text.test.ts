import { describe, expect, it } from 'vitest';
import { localizedError } from '../domain/common/errors';
import { oversellText } from '../domain/portfolio/ledger';
import { detectTransactionColumns } from '../domain/transactions/mapping';
import { parseTransactions } from '../domain/transactions/parse-transactions';
import type { Transaction } from '../domain/portfolio/transaction';
import { englishText, flattenParams, type TextValue } from './errorText';
import { createI18n } from './i18n';

/** A keyed message as a reader of `language` sees it: nested messages written in the same language. */
function shown(language: 'en' | 'de', key: string, params?: Parameters<typeof flattenParams>[0]): string {
  const i18n = createI18n(language);
  const translate = (k: string, p: Record<string, TextValue>): string => i18n.t(k as 'errors:internal', p);
  return translate(key, flattenParams(params, translate));
}

const sell = (quantity: number): Transaction => ({ id: 3, securityId: 1, type: 'sell', date: '2026-01-12', quantity, price: 154, currency: 'HKD', fees: 0, note: '', externalId: null });

describe('keyed error texts', () => {
  it('words an oversell in German, the share counts in German digits and the nested plural', () => {
    // 1,500 held, 2,000 asked: both counts above 999 so the grouping mark shows.
    const text = oversellText({ transaction: sell(2000), held: 1500 });
    expect(text.message).toBe('On 2026-01-12 you hold only 1,500 shares, so you cannot sell 2,000 shares.');
    expect(shown('de', text.key, text.params)).toBe('Am 2026-01-12 halten Sie nur 1.500 Stück, daher können Sie nicht 2.000 Stück verkaufen.');
    // One share: the English nested plural picks 'share'.
    expect(oversellText({ transaction: sell(2), held: 1 }).message).toBe('On 2026-01-12 you hold only 1 share, so you cannot sell 2 shares.');
  });

  it('nests two levels: the deletion refusal wraps the oversell, which wraps the share word', () => {
    const error = localizedError('CONFLICT', 'errors:transactions.deleteBreaksSaleFirst', { problem: oversellText({ transaction: sell(60), held: 0 }) });
    expect(error.message).toBe('Deleting this transaction would break a later sale: On 2026-01-12 you hold no shares of this security, so you cannot sell 60 shares.');
    const json = error.toJSON();
    expect(shown('de', json.key ?? '', json.params)).toBe(
      'Das Löschen dieser Buchung würde einen späteren Verkauf ungültig machen: Am 2026-01-12 halten Sie keine Stücke dieses Wertpapiers, daher können Sie nicht 60 Stück verkaufen.',
    );
  });

  it('words an import line with a bad date in German, with its line', () => {
    const text = 'Date,Type,Symbol,Quantity,Price,Fees,Currency\n2024-01-02,Buy,AAPL,3,185.5,1,USD\n31.02.2024,Buy,AAPL,1,186,1,USD\n';
    const mapping = detectTransactionColumns(text).mapping;
    const [error] = parseTransactions(text, mapping).errors;
    // Dotted dates are day-first: 31 February does not exist.
    expect(error).toMatchObject({ line: 3, field: 'date', message: "Date: '31.02.2024' is not a valid date in the format DD.MM.YYYY." });
    expect(shown('de', error?.key ?? '', error?.params)).toBe('Datum: „31.02.2024“ ist kein gültiges Datum im Format TT.MM.JJJJ.');
  });

  it('keeps the English text of a message in englishText', () => {
    expect(englishText('errors:transactions.linesHaveProblems', { count: 1, fileName: 'a.csv' })).toBe(
      '1 line of a.csv has problems, so nothing was imported. Fix it (or leave it out) and import again.',
    );
    expect(shown('de', 'errors:transactions.linesHaveProblems', { count: 3, fileName: 'a.csv' })).toBe(
      '3 Zeilen von a.csv sind fehlerhaft, daher wurde nichts importiert. Korrigieren Sie sie (oder lassen Sie sie weg) und importieren Sie erneut.',
    );
  });
});
