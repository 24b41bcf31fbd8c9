import { describe, expect, it } from 'vitest';
import { createFxProvider } from '../portfolio/fx';
import type { Security } from '../securities/security';
import { timeWeightedReturn } from '../returns/time-weighted';
import { cashBalances, cashMovements, negativeBalanceWarnings, tradeBalanceWarnings, validateCashFields, type CashTransaction, type LedgerTransaction } from './cash';
import { incomeEvents } from './income-events';
import { scopeFlows, scopeValuations, type Ledger } from './scope';

let nextId = 1;
const cashLine = (c: Partial<CashTransaction> & Pick<CashTransaction, 'type' | 'date' | 'amount'>): CashTransaction => ({
  id: nextId++,
  accountId: 1,
  currency: 'EUR',
  counterAmount: null,
  counterCurrency: null,
  counterAccountId: null,
  securityId: null,
  note: '',
  externalId: null,
  ...c,
});
const trade = (t: Partial<LedgerTransaction> & Pick<LedgerTransaction, 'type' | 'date' | 'quantity' | 'price'>): LedgerTransaction => ({
  id: nextId++,
  securityId: 1,
  currency: 'HKD',
  fees: 0,
  note: '',
  externalId: null,
  accountId: 1,
  taxes: 0,
  ...t,
});
const accounts = [
  { id: 1, tracksCash: true },
  { id: 2, tracksCash: true },
  { id: 3, tracksCash: false },
];

describe('cash balances', () => {
  // Deposit €20,000.00; exchange €18,000.00 → HK$149,400.00 (paid 8.30); buy 1,000 × HK$142.90 = HK$142,900.00
  // + HK$50.00 fee; dividend HK$1,000.00 gross, HK$100.00 withheld: HKD 149,400 − 142,950 + 900 = 7,350.00; EUR 2,000.
  const cash = [
    cashLine({ type: 'deposit', date: '2025-06-02', amount: '20000.00' }),
    cashLine({ type: 'exchange', date: '2025-06-03', amount: '18000.00', counterAmount: '149400.00', counterCurrency: 'HKD' }),
  ];
  const trades = [
    trade({ type: 'buy', date: '2025-06-04', quantity: 1000, price: 142.9, fees: 50 }),
    trade({ type: 'dividend', date: '2025-06-05', quantity: 1000, price: 1000, taxes: 100 }),
  ];

  it('sums exactly: 1,000 × HK$142.90 is HK$142,900.00, not HK$142,899.99', () => {
    const balances = cashBalances(cashMovements(accounts, trades, cash));
    expect(balances).toEqual([
      { accountId: 1, currency: 'EUR', amount: '2000', negativeSince: null },
      { accountId: 1, currency: 'HKD', amount: '7350', negativeSince: null },
    ]);
    // Before the dividend: 149,400 − 142,950 = 6,450.
    expect(cashBalances(cashMovements(accounts, trades, cash), '2025-06-04')[1]?.amount).toBe('6450');
  });

  it('flags a negative balance with the day it began, and a withdrawal beyond the balance as a warning', () => {
    const withdrawal = cashLine({ type: 'withdrawal', date: '2025-06-06', amount: '2500.00' });
    const movements = cashMovements(accounts, trades, cash);
    expect(negativeBalanceWarnings(withdrawal, accounts, movements)).toEqual([
      expect.objectContaining({ field: 'amount', code: 'NEGATIVE_BALANCE', params: { accountId: 1, currency: 'EUR', date: '2025-06-06', balance: '-500' } }),
    ]);
    const balances = cashBalances(cashMovements(accounts, trades, [...cash, withdrawal]));
    expect(balances[0]).toEqual({ accountId: 1, currency: 'EUR', amount: '-500', negativeSince: '2025-06-06' });
  });

  it('warns before a buy that the account cannot pay: €1,000 − (10 × €120 + €5) = −€205', () => {
    const deposit = cashMovements(accounts, [], [cashLine({ type: 'deposit', date: '2025-01-02', amount: '1000' })]);
    const buy = trade({ type: 'buy', date: '2025-01-03', quantity: 10, price: 120, fees: 5, currency: 'EUR' });
    expect(tradeBalanceWarnings(buy, accounts, deposit)).toEqual([
      expect.objectContaining({ field: 'quantity', code: 'NEGATIVE_BALANCE', params: { accountId: 1, currency: 'EUR', date: '2025-01-03', balance: '-205' } }),
    ]);
    // The same buy in the account without a cash ledger, or a sell, moves no balance below zero.
    expect(tradeBalanceWarnings({ ...buy, accountId: 3 }, accounts, deposit)).toEqual([]);
    expect(tradeBalanceWarnings({ ...buy, type: 'sell' }, accounts, deposit)).toEqual([]);
  });

  it('blames a withdrawal for the later day it leaves short, not for a balance already negative', () => {
    // Deposit €1,000 on 2 Jan, buy 8 × €100 on 10 Jan. A €500 withdrawal on 5 Jan: 5 Jan 1,000 − 500 = 500, fine;
    // 10 Jan 1,000 − 800 − 500 = −300.
    const others = cashMovements(
      accounts,
      [trade({ type: 'buy', date: '2025-01-10', quantity: 8, price: 100, currency: 'EUR' })],
      [cashLine({ type: 'deposit', date: '2025-01-02', amount: '1000' })],
    );
    const withdrawal = cashLine({ type: 'withdrawal', date: '2025-01-05', amount: '500' });
    expect(negativeBalanceWarnings(withdrawal, accounts, others).map((w) => [w.params.date, w.params.balance])).toEqual([['2025-01-10', '-300']]);
    // A buy of €1,200 with no deposit left the balance at −1,200 already: a €10 fee after it is not the cause.
    const short = cashMovements(accounts, [trade({ type: 'buy', date: '2025-01-03', quantity: 12, price: 100, currency: 'EUR' })], []);
    expect(negativeBalanceWarnings(cashLine({ type: 'fee', date: '2025-01-04', amount: '10' }), accounts, short)).toEqual([]);
  });

  it('ignores an account that keeps no cash ledger', () => {
    expect(cashMovements(accounts, [trade({ type: 'buy', date: '2025-06-04', quantity: 1, price: 10, accountId: 3 })], [])).toEqual([]);
  });
});

describe('cash line validation', () => {
  it('names the field and the reason', () => {
    expect(validateCashFields(cashLine({ type: 'transfer-out', date: '2025-06-02', amount: '10', counterAccountId: 1 }), '2026-01-01')).toMatchObject([
      { field: 'counterAccountId', message: 'A transfer needs two different accounts.', key: 'errors:fields.transferSameAccount' },
    ]);
    expect(validateCashFields(cashLine({ type: 'transfer-in', date: '2025-06-02', amount: '10' }), '2026-01-01')).toMatchObject([
      { field: 'counterAccountId', message: 'A transfer needs the other account.' },
    ]);
    expect(validateCashFields(cashLine({ type: 'exchange', date: '2025-06-02', amount: '0', counterAmount: '5', counterCurrency: 'EUR' }), '2026-01-01')).toMatchObject([
      { field: 'amount', message: 'The amount must be more than zero.' },
      { field: 'counterCurrency', message: 'An exchange needs two different currencies.' },
    ]);
  });
});

const security: Security = { id: 1, symbol: 'AAA', name: 'AAA', exchange: 'XETRA', currency: 'EUR', kind: 'stock', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] };
const closes = [
  { date: '2025-01-02', close: 100 },
  { date: '2025-01-03', close: 110 },
  { date: '2025-01-06', close: 110 },
  { date: '2025-01-07', close: 99 },
  { date: '2025-01-08', close: 108.9 },
];
const ledgerOf = (transactions: LedgerTransaction[], cash: CashTransaction[]): Ledger => ({
  baseCurrency: 'EUR',
  accounts,
  transactions,
  cash,
  securities: [security],
  prices: new Map([[1, { adjustment: 'none', bars: closes }]]),
  fx: createFxProvider([]),
});
const eur = (t: Partial<LedgerTransaction> & Pick<LedgerTransaction, 'type' | 'date' | 'quantity' | 'price'>): LedgerTransaction =>
  trade({ currency: 'EUR', ...t });
const period = { start: '2025-01-01', end: '2025-01-08' };

describe('returns from the ledger', () => {
  it('leaves TTWROR equal to the asset when money comes and goes mid-period', () => {
    // The asset: 100 → 110 → 110 → 99 → 108.9, i.e. +8.9 %. Deposit €1,000, buy 10 (all in). On 01-06 deposit €1,100
    // and buy 10 more at 110 (a deposit counts from the start of its day, so the day it is invested does not move);
    // on 01-07 sell 5 at 99 and withdraw the €495 at the close. Fully invested on every day that moves, so the
    // TTWROR is the asset's: 1.10 × 1 × 0.90 × 1.10 − 1 = 8.9 %.
    const ledger = ledgerOf(
      [
        eur({ type: 'buy', date: '2025-01-02', quantity: 10, price: 100 }),
        eur({ type: 'buy', date: '2025-01-06', quantity: 10, price: 110 }),
        eur({ type: 'sell', date: '2025-01-07', quantity: 5, price: 99 }),
      ],
      [
        cashLine({ type: 'deposit', date: '2025-01-02', amount: '1000' }),
        cashLine({ type: 'deposit', date: '2025-01-06', amount: '1100' }),
        cashLine({ type: 'withdrawal', date: '2025-01-07', amount: '495' }),
      ],
    );
    const sv = scopeValuations(ledger, { kind: 'account', accountId: 1 });
    if ('kind' in sv) throw new Error(sv.reason.code);
    // Values: 01-02 1,000; 01-03 10 × 110 = 1,100; 01-06 20 × 110 = 2,200; 01-07 15 × 99 = 1,485; 01-08 15 × 108.9 = 1,633.5.
    expect(sv.valuations.map((v) => [v.value, v.inflow, v.outflow])).toEqual([
      [1000, 1000, 0],
      [1100, 0, 0],
      [2200, 1100, 0],
      [expect.closeTo(1485, 9), 0, 495],
      [expect.closeTo(1633.5, 9), 0, 0],
    ]);
    const tw = timeWeightedReturn(sv.valuations, period);
    expect(tw.kind === 'ok' && tw.value).toBeCloseTo(0.089, 12);
  });

  it('treats buys as money in and dividends as money out in an account without a cash ledger', () => {
    // 10 × 100 bought (in €1,000), dividend €20 gross, €5 withheld → €15 out on 01-07. Value 01-08 10 × 108.9 = 1,089.
    // Days: 1,000/1,000; 1,100/1,000 = +10 %; 1,100/1,100; (990 + 15)/1,100 = −8.636 %; 1,089/990 = +10 %.
    const ledger = ledgerOf(
      [
        eur({ type: 'buy', date: '2025-01-02', quantity: 10, price: 100, accountId: 3 }),
        eur({ type: 'dividend', date: '2025-01-07', quantity: 10, price: 20, taxes: 5, accountId: 3 }),
      ],
      [],
    );
    const flows = scopeFlows(ledger, { kind: 'portfolio' });
    expect(flows).toEqual({
      kind: 'ok',
      flows: [
        { date: '2025-01-02', kind: 'buy', amount: 1000 },
        { date: '2025-01-07', kind: 'payout', amount: 15 },
      ],
    });
    const sv = scopeValuations(ledger, { kind: 'portfolio' });
    if ('kind' in sv) throw new Error(sv.reason.code);
    const tw = timeWeightedReturn(sv.valuations, period);
    expect(tw.kind === 'ok' && tw.value).toBeCloseTo(1.1 * (1005 / 1100) * 1.1 - 1, 12);
  });

  it('makes a transfer between two accounts neutral for the portfolio and a flow for each account', () => {
    const cash = [
      cashLine({ type: 'deposit', date: '2025-01-02', amount: '1000' }),
      cashLine({ type: 'transfer-out', date: '2025-01-03', amount: '400', counterAccountId: 2 }),
    ];
    const ledger = ledgerOf([eur({ type: 'buy', date: '2025-01-02', quantity: 1, price: 100 })], cash);
    expect(scopeFlows(ledger, { kind: 'portfolio' })).toEqual({ kind: 'ok', flows: [{ date: '2025-01-02', kind: 'deposit', amount: 1000 }] });
    expect(scopeFlows(ledger, { kind: 'account', accountId: 1 })).toEqual({
      kind: 'ok',
      flows: [
        { date: '2025-01-02', kind: 'deposit', amount: 1000 },
        { date: '2025-01-03', kind: 'transfer-out', amount: 400 },
      ],
    });
    expect(scopeFlows(ledger, { kind: 'account', accountId: 2 })).toEqual({ kind: 'ok', flows: [{ date: '2025-01-03', kind: 'transfer-in', amount: 400 }] });
    // Portfolio value on 01-03: 1 × 110 + 900 cash + 400 moved = 1,410 → 1,010 on a capital of 1,000: +1 %, nothing from the transfer.
    const sv = scopeValuations(ledger, { kind: 'portfolio' });
    if ('kind' in sv) throw new Error(sv.reason.code);
    expect(sv.valuations[1]?.value).toBeCloseTo(1010, 9);
  });

  it('values a cash-only account on the days its cash moved: interest on €1,000 is +0.5 %', () => {
    // Deposit €1,000 on 2 Jan, €5 interest on 31 Jan: 1,005 / 1,000 − 1 = 0.5 %.
    const ledger = ledgerOf([], [cashLine({ type: 'deposit', date: '2025-01-02', amount: '1000' }), cashLine({ type: 'interest', date: '2025-01-31', amount: '5' })]);
    const sv = scopeValuations(ledger, { kind: 'account', accountId: 1 });
    if ('kind' in sv) throw new Error(sv.reason.code);
    expect(sv.valuations.map((v) => [v.date, v.value, v.inflow])).toEqual([
      ['2025-01-02', 1000, 1000],
      ['2025-01-31', 1005, 0],
    ]);
    const tw = timeWeightedReturn(sv.valuations, { start: '2025-01-01', end: '2025-01-31' });
    expect(tw.kind === 'ok' && tw.value).toBeCloseTo(0.005, 12);
  });

  it('reports a missing rate for held cash instead of counting it as 0', () => {
    const ledger = ledgerOf(
      [eur({ type: 'buy', date: '2025-01-02', quantity: 1, price: 100 })],
      [cashLine({ type: 'deposit', date: '2025-01-02', amount: '500', currency: 'USD' })],
    );
    expect(scopeFlows(ledger, { kind: 'portfolio' })).toEqual({
      kind: 'unavailable',
      reason: { code: 'MISSING_FX', params: { from: 'USD', to: 'EUR', date: '2025-01-02' } },
    });
  });
});

describe('income events', () => {
  it('books a dividend gross with its withholding tax and interest in the base currency at the day rate', () => {
    // HK$1,000.00 gross, HK$100.00 withheld at 0.125 EUR per HKD: €125.00 gross, €12.50 tax.
    const fx = createFxProvider([{ from: 'HKD', to: 'EUR', points: [{ date: '2025-06-05', close: 0.125 }] }]);
    const { events, problems } = incomeEvents(
      [trade({ type: 'dividend', date: '2025-06-05', quantity: 1000, price: 1000, taxes: 100 })],
      [cashLine({ type: 'interest', date: '2025-06-30', amount: '3.21' }), cashLine({ type: 'interest', date: '2025-06-30', amount: '1', currency: 'USD' })],
      fx,
      'EUR',
    );
    expect(events).toEqual([
      { date: '2025-06-05', kind: 'dividend', securityId: 1, gross: '125.00', tax: '12.50' },
      { date: '2025-06-30', kind: 'interest', securityId: null, gross: '3.21', tax: '0' },
    ]);
    expect(problems).toEqual([{ securityId: null, date: '2025-06-30', from: 'USD', to: 'EUR' }]);
  });
});
