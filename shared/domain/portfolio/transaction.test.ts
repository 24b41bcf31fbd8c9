import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { assertNoOversell, findOversell, validateDeletion } from './ledger';
import { validateTransaction, validateTransactionFields, type Transaction } from './transaction';

const TODAY = '2026-01-12';

function tx(partial: Partial<Transaction> & Pick<Transaction, 'id' | 'type' | 'date'>): Transaction {
  return { securityId: 1, quantity: 0, price: 0, currency: 'HKD', fees: 0, note: '', externalId: null, ...partial };
}

const buy100 = tx({ id: 1, type: 'buy', date: '2026-01-05', quantity: 100, price: 140 });
const sell60 = tx({ id: 2, type: 'sell', date: '2026-01-09', quantity: 60, price: 146.5 });

describe('validateTransactionFields', () => {
  it('rejects zero quantity, negative price, a future date and a bad currency with readable messages', () => {
    const errors = validateTransactionFields(
      tx({ id: 9, type: 'buy', date: '2026-01-13', quantity: 0, price: -1, currency: 'hk$' }),
      TODAY,
    );
    expect(errors.map((e) => e.field).sort()).toEqual(['currency', 'date', 'price', 'quantity']);
    expect(errors.find((e) => e.field === 'date')?.message).toBe('The date 2026-01-13 is in the future; today is 2026-01-12.');
  });

  it('accepts today and rejects an impossible calendar date', () => {
    expect(validateTransactionFields({ ...buy100, date: TODAY }, TODAY)).toEqual([]);
    expect(validateTransactionFields({ ...buy100, date: '2025-02-29' }, TODAY)[0]?.field).toBe('date');
  });

  it('requires a split ratio that changes something, but not a price or quantity', () => {
    const split = tx({ id: 3, type: 'split', date: '2024-06-10' });
    expect(validateTransactionFields(split, TODAY)[0]?.field).toBe('splitRatio');
    expect(validateTransactionFields({ ...split, splitRatio: { from: 1, to: 1 } }, TODAY)[0]?.message).toContain('changes nothing');
    expect(validateTransactionFields({ ...split, splitRatio: { from: 0, to: 10 } }, TODAY)[0]?.field).toBe('splitRatio.from');
    expect(validateTransactionFields({ ...split, splitRatio: { from: 1, to: 10 } }, TODAY)).toEqual([]);
    expect(validateTransactionFields({ ...split, splitRatio: { from: 2, to: 1.5 } }, TODAY)).toEqual([]);
  });

  it('needs an amount for a dividend but ignores its quantity', () => {
    const dividend = tx({ id: 4, type: 'dividend', date: '2026-01-06', quantity: 0, price: 0 });
    expect(validateTransactionFields(dividend, TODAY).map((e) => e.field)).toEqual(['price']);
    expect(validateTransactionFields({ ...dividend, price: 50 }, TODAY)).toEqual([]);
  });
});

describe('selling more than is held', () => {
  it('rejects a sell exceeding the holding at its date, saying how many shares were held', () => {
    // 100 bought on 01-05, 60 sold on 01-09 → 40 left; selling 50 on 01-12 is 10 too many.
    const errors = validateTransaction(tx({ id: 3, type: 'sell', date: '2026-01-12', quantity: 50, price: 154 }), [buy100, sell60], TODAY);
    expect(errors).toMatchObject([
      { field: 'quantity', message: 'On 2026-01-12 you hold only 40 shares, so you cannot sell 50 shares.' },
    ]);
  });

  it('accepts selling exactly what is held', () => {
    expect(validateTransaction(tx({ id: 3, type: 'sell', date: '2026-01-12', quantity: 40, price: 154 }), [buy100, sell60], TODAY)).toEqual([]);
  });

  it('accepts a buy and a sell of the same shares on the same day, whatever their ids', () => {
    // The sell has the lower id, as when a statement lists it first; buys still go first.
    const sameDaySell = tx({ id: 1, type: 'sell', date: '2026-01-08', quantity: 30, price: 143 });
    const sameDayBuy = tx({ id: 2, type: 'buy', date: '2026-01-08', quantity: 30, price: 142 });
    expect(findOversell([sameDaySell, sameDayBuy])).toBeNull();
  });

  it('rejects a sell before any buy', () => {
    expect(validateTransaction({ ...sell60, date: '2026-01-02' }, [buy100], TODAY)[0]?.message).toBe(
      'On 2026-01-02 you hold no shares of this security, so you cannot sell 60 shares.',
    );
  });

  it('counts a split: 10 shares become 100 after 1→10, so selling 100 afterwards is fine and 101 is not', () => {
    const ledger = [
      tx({ id: 1, type: 'buy', date: '2024-06-03', quantity: 10, price: 1150, currency: 'USD' }),
      tx({ id: 2, type: 'split', date: '2024-06-10', splitRatio: { from: 1, to: 10 } }),
    ];
    const sell = (q: number): Transaction => tx({ id: 3, type: 'sell', date: '2024-06-10', quantity: q, price: 121, currency: 'USD' });
    expect(validateTransaction(sell(100), ledger, TODAY)).toEqual([]);
    expect(validateTransaction(sell(101), ledger, TODAY)[0]?.message).toBe(
      'On 2024-06-10 you hold only 100 shares, so you cannot sell 101 shares.',
    );
  });

  it('rejects an edit of an earlier buy that would strand a later sell', () => {
    // Shrinking the buy to 50 leaves the 60-share sell on 01-09 uncovered.
    const errors = validateTransaction({ ...buy100, quantity: 50 }, [buy100, sell60], TODAY);
    expect(errors).toMatchObject([
      {
        field: 'quantity',
        message: 'This change would break a later sale: On 2026-01-09 you hold only 50 shares, so you cannot sell 60 shares.',
      },
    ]);
    // Moving the buy after the sell breaks it too.
    expect(validateTransaction({ ...buy100, date: '2026-01-10' }, [buy100, sell60], TODAY)[0]?.field).toBe('date');
  });

  it('rejects deleting the buy a later sell depends on, and allows deleting the sell', () => {
    expect(validateDeletion(1, [buy100, sell60])?.message).toBe(
      'Deleting this transaction would break a later sale: On 2026-01-09 you hold no shares of this security, so you cannot sell 60 shares.',
    );
    expect(validateDeletion(2, [buy100, sell60])).toBeNull();
  });

  it('keeps securities apart and reports the first offending transaction of the whole ledger', () => {
    const other = tx({ id: 7, securityId: 2, type: 'sell', date: '2026-01-07', quantity: 1, price: 1 });
    const late = tx({ id: 8, type: 'sell', date: '2026-01-11', quantity: 41, price: 1 });
    expect(findOversell([buy100, sell60, late, other])?.transaction.id).toBe(7);
    expect(() => assertNoOversell([buy100, sell60, late])).toThrow(AppError);
    try {
      assertNoOversell([buy100, sell60, late]);
    } catch (e) {
      expect((e as AppError).code).toBe('VALIDATION');
      expect((e as AppError).details).toMatchObject({ transactionId: 8, field: 'quantity', held: 40 });
    }
  });
});
