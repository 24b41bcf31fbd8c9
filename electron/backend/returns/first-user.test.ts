import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/api/accounts';
import type { CashBalances } from '@shared/api/cash';
import type { IncomeReport } from '@shared/api/income';
import type { ReturnSeries, ReturnsSummary, RollingSeries } from '@shared/api/returns';
import type { HoldingsReport } from '@shared/api/holdings';
import type { PortfolioHistory } from '@shared/api/charts';
import { decodePriceFileBytes, detectPriceFile, parsePriceFile } from '@shared/domain/prices';
import { writeBars } from '../prices/store';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

type TestBackend = ReturnType<typeof tempBackend>;
let backend: TestBackend;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function addSecurity(symbol: string, exchange: string, currency: string, kind: string): number {
  return (
    backend.db.prepare('INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES (?, ?, ?, ?, ?) RETURNING id').get(symbol, symbol, exchange, currency, kind) as {
      id: number;
    }
  ).id;
}

/**
 * The first-user story through the dispatcher. Base EUR. 9988.HK closes are the real ones of the
 * fixture (6 Jan 150.80, 7 Jan 145.90, 8 Jan 142.60, 9 Jan 146.50). The HKD→EUR reference rate is a
 * constant 0.125 (8 HKD per euro), written by hand so every figure below can be followed; the
 * exchange is booked at the rate the broker actually paid, 7.94. The deposit is €20,000 rather than
 * €10,000: 1,000 shares at HK$142.90 cost about €17,900.
 *
 *  5 Jan  deposit €20,000.00; exchange €18,000.00 → HK$142,920.00 (7.94 paid; 8.00 would give 144,000)
 *  6 Jan  buy 1,000 9988.HK at HK$142.90 = HK$142,900.00 exactly          HKD cash 20.00
 *  9 Jan  dividend HK$1,000.00 gross, HK$100.00 withheld, HK$900.00 net    HKD cash 920.00
 *
 * Values (first valuation day 6 Jan, when a price is held; the deposit counts from its start):
 *  6 Jan  1,000 × 150.80 × 0.125 = 18,850.00 + €2,000 + 20 × 0.125 = 2.50       = 20,852.50
 *  9 Jan  1,000 × 146.50 × 0.125 = 18,312.50 + €2,000 + 920 × 0.125 = 115.00    = 20,427.50
 * One deposit only, so TTWROR = 20,427.50 / 20,000 − 1 = 2.1375 %, and the IRR of the period is the same.
 */
describe('a new user: EUR account, deposit, exchange, buy Alibaba, dividend with withholding tax', () => {
  let account: Account;
  let alibaba: number;

  beforeEach(async () => {
    backend = tempBackend('2026-01-09');
    alibaba = addSecurity('9988.HK', 'HKEX', 'HKD', 'stock');
    const file = 'yfinance-download-multiheader_9988.HK_2025-2026.csv';
    const decoded = decodePriceFileBytes(new Uint8Array(readFileSync(`${FIXTURES_DIR}/prices/${file}`)), file);
    const parsed = parsePriceFile(decoded.text, detectPriceFile(decoded.text, file).mapping);
    writeBars(backend.db, alibaba, parsed.bars.filter((b) => b.date <= '2026-01-09'), parsed.adjustment.kind, file);
    const fx = addSecurity('HKDEUR=X', 'FX', 'EUR', 'fx');
    const days = ['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'];
    writeBars(backend.db, fx, days.map((date) => ({ date, open: null, high: null, low: null, close: 0.125, volume: null })), 'none', 'by hand');

    account = await ok<Account>('accounts.create', { name: 'Broker', institution: 'Example Bank', currency: 'EUR' });
    await ok('cash.create', { accountId: account.id, type: 'deposit', date: '2026-01-05', amount: '20000.00', currency: 'EUR' });
    await ok('cash.create', {
      accountId: account.id,
      type: 'exchange',
      date: '2026-01-05',
      amount: '18000.00',
      currency: 'EUR',
      counterAmount: '142920.00',
      counterCurrency: 'HKD',
    });
    await ok('transactions.create', { accountId: account.id, securityId: alibaba, type: 'buy', date: '2026-01-06', quantity: 1000, price: 142.9, currency: 'HKD' });
    await ok('transactions.create', { accountId: account.id, securityId: alibaba, type: 'dividend', date: '2026-01-09', quantity: 1000, price: 1000, taxes: 100, currency: 'HKD' });
  });
  afterEach(() => backend.dispose());

  it('keeps the cash exactly: HK$142,920.00 − HK$142,900.00 + HK$900.00 = HK$920.00', async () => {
    const balances = await ok<CashBalances>('cash.balances', { accountId: account.id });
    expect(balances.balances.map((b) => [b.currency, b.amount, b.valueBase, b.negative])).toEqual([
      ['EUR', '2000', 2000, false],
      ['HKD', '920', 115, false],
    ]);
    expect(balances.totalBase).toBe(2115);
  });

  it('reads TTWROR 2.1375 % and the same IRR for Max, and splits the €427.50 gain', async () => {
    const summary = await ok<ReturnsSummary>('returns.summary', { scopes: [{ kind: 'portfolio' }, { kind: 'account', accountId: account.id }], periods: ['Max', '1M'] });
    expect(summary.asOf).toBe('2026-01-09');
    const [portfolio, broker] = summary.rows;
    expect(portfolio?.endValue).toBeCloseTo(20_427.5, 9);
    const max = portfolio?.periods[0];
    expect(max).toMatchObject({ period: 'Max', start: '2026-01-05', end: '2026-01-09' });
    expect(max?.timeWeighted.kind === 'ok' && max.timeWeighted.value).toBeCloseTo(0.021375, 12);
    expect(max?.timeWeighted.kind === 'ok' && max.timeWeighted.annualised).toBeNull();
    expect(max?.moneyWeighted.kind === 'ok' && max.moneyWeighted.value).toBeCloseTo(0.021375, 9);
    // Price (146,500 − 142,900) × 0.125 = 450; dividend 1,000 × 0.125 = 125; tax 100 × 0.125 = 12.50; currency: the
    // HK$142,920 bought for €18,000 are worth 17,865 at the reference rate: −135. 450 + 125 − 12.50 − 135 = 427.50.
    expect(max?.gain).toEqual({
      kind: 'ok',
      total: expect.closeTo(427.5, 9),
      priceGain: expect.closeTo(450, 9),
      dividends: expect.closeTo(125, 9),
      interest: 0,
      fees: 0,
      taxes: expect.closeTo(-12.5, 9),
      currencyEffect: expect.closeTo(-135, 9),
    });
    // The account holds everything, so it reads the same.
    expect(broker?.label).toBe('Broker');
    expect(broker?.periods[0]?.timeWeighted.kind === 'ok' && broker.periods[0].timeWeighted.value).toBeCloseTo(0.021375, 12);
  });

  it('draws the TTWROR line from the period start', async () => {
    const series = await ok<ReturnSeries>('returns.series', { period: 'Max' });
    // 6 Jan 20,852.50 / 20,000 − 1 = 4.2625 %; 7 Jan (18,237.50 + 2,002.50) / 20,000 − 1 = 1.2 % (the file's closes
    // are float32 values such as 150.8000030517578, hence 7 digits).
    expect(series.points.slice(0, 3)).toEqual([
      { date: '2026-01-05', value: 0, benchmark: null },
      { date: '2026-01-06', value: expect.closeTo(0.042625, 7), benchmark: null },
      { date: '2026-01-07', value: expect.closeTo(0.012, 7), benchmark: null },
    ]);
    expect(series.points.at(-1)?.value).toBeCloseTo(0.021375, 12);
  });

  it('puts the news of the held security on the TTWROR line, on its day', async () => {
    await ok('news.create', { date: '2026-01-07', headline: '9988.HK shares fell 3% in Hong Kong', source: 'Notes' });
    const series = await ok<ReturnSeries>('returns.series', { period: 'Max' });
    // 7 Jan's TTWROR is +1.2 % (see above): the flag sits on the line there.
    expect(series.markers).toHaveLength(1);
    expect(series.markers[0]).toMatchObject({ sessionDate: '2026-01-07', count: 1, beyondData: false, y: expect.closeTo(0.012, 7) });
    expect(series.markers[0]?.events[0]).toMatchObject({ headline: '9988.HK shares fell 3% in Hong Kong' });
  });

  it('puts the Hang Seng on the same axis and compares: 4 daily observations, excess return 2.5757 %', async () => {
    const hsi = addSecurity('^HSI', 'INDEX', 'HKD', 'index');
    const file = 'yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv';
    const decoded = decodePriceFileBytes(new Uint8Array(readFileSync(`${FIXTURES_DIR}/prices/${file}`)), file);
    writeBars(backend.db, hsi, parsePriceFile(decoded.text, detectPriceFile(decoded.text, file).mapping).bars, 'none', file);
    const series = await ok<ReturnSeries>('returns.series', { period: 'Max', benchmarkId: hsi });
    // ^HSI closes 5 Jan 26,347.240234375, 6 Jan 26,710.44921875, 9 Jan 26,231.7890625 (the constant 0.125 rate cancels):
    // 26,710.45 / 26,347.24 − 1 = +1.3785 %; 26,231.79 / 26,347.24 − 1 = −0.4382 %; excess 2.1375 % + 0.4382 % = 2.5757 %.
    expect(series.benchmark).toMatchObject({ symbol: '^HSI' });
    expect(series.points[0]).toEqual({ date: '2026-01-05', value: 0, benchmark: 0 });
    expect(series.points[1]?.benchmark).toBeCloseTo(0.013785465997, 10);
    expect(series.points.at(-1)?.benchmark).toBeCloseTo(-0.004381907587, 10);
    expect(series.comparison).toMatchObject({
      kind: 'ok',
      observations: 4,
      benchmarkReturn: expect.closeTo(-0.004381907587, 10),
      excessReturn: expect.closeTo(0.025756907587, 10),
      excessAnnualised: null,
    });
  });

  it('starts a benchmark younger than the period where its prices begin, on the portfolio line, and says so', async () => {
    const hsi = addSecurity('^HSI', 'INDEX', 'HKD', 'index');
    const file = 'yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv';
    const decoded = decodePriceFileBytes(new Uint8Array(readFileSync(`${FIXTURES_DIR}/prices/${file}`)), file);
    const bars = parsePriceFile(decoded.text, detectPriceFile(decoded.text, file).mapping).bars.filter((b) => b.date >= '2026-01-07');
    writeBars(backend.db, hsi, bars, 'none', file);
    const series = await ok<ReturnSeries>('returns.series', { period: 'Max', benchmarkId: hsi });
    // ^HSI's first close is 7 Jan (26,458.94921875), when the portfolio stands at +1.2 %: the line starts there at
    // 1.2 % and on 9 Jan (26,231.7890625) is 1.012 × 26,231.79 / 26,458.95 − 1 = +0.3312 %. Before 7 Jan it has none.
    expect(series.benchmarkFrom).toBe('2026-01-07');
    expect(series.points.slice(0, 3).map((p) => p.benchmark)).toEqual([null, null, expect.closeTo(0.012, 7)]);
    expect(series.points.at(-1)?.benchmark).toBeCloseTo(0.003311594568, 7);
    // Compared from 7 Jan: portfolio 1.021375 / 1.012 − 1 = 0.9264 %, ^HSI 26,231.79 / 26,458.95 − 1 = −0.8585 %,
    // excess 1.7849 points, on 2 observations (7→8, 8→9 Jan).
    expect(series.comparison).toMatchObject({
      kind: 'ok',
      start: '2026-01-07',
      observations: 2,
      days: 2,
      portfolioReturn: expect.closeTo(0.009263833992, 7),
      benchmarkReturn: expect.closeTo(-0.008585380862, 10),
      excessReturn: expect.closeTo(0.017849214854, 7),
    });
  });

  it('shows the dividend in the income bars: €125.00 gross, €12.50 tax, €112.50 net', async () => {
    const income = await ok<IncomeReport>('income.report', {});
    expect(income.months).toEqual([
      {
        key: '2026-01',
        dividends: { gross: 125, tax: 12.5, net: 112.5 },
        interest: { gross: 0, tax: 0, net: 0 },
        total: { gross: 125, tax: 12.5, net: 112.5 },
      },
    ]);
    // Yield on cost: 125 / (142,900 × 0.125 = 17,862.50) = 0.69979 %; trailing yield 125 / 18,312.50 = 0.68259 %.
    expect(income.yieldOnCost.kind === 'ok' && income.yieldOnCost.gross).toBeCloseTo(125 / 17_862.5, 12);
    expect(income.trailingYield.kind === 'ok' && income.trailingYield.gross).toBeCloseTo(125 / 18_312.5, 12);
    expect(income.securities.map((s) => [s.symbol, s.total.net])).toEqual([['9988.HK', 112.5]]);
  });

  it('keeps the rolling 1-year series empty with a reason while the history is shorter than a year', async () => {
    const rolling = await ok<RollingSeries>('returns.rolling', {});
    expect(rolling.points).toEqual([]);
    expect(rolling.reason?.code).toBe('NO_VALUATIONS');
  });

  it('shows holdings of one account and refuses to delete an account that has transactions', async () => {
    const holdings = await ok<HoldingsReport>('holdings.list', { accountId: account.id });
    expect(holdings.holdings.map((h) => [h.symbol, h.quantity])).toEqual([['9988.HK', 1000]]);
    const other = await ok<HoldingsReport>('holdings.list', { accountId: 1 });
    expect(other.holdings).toEqual([]);
    const refused = await backend.dispatch('accounts.delete', { id: account.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'ACCOUNT_NOT_EMPTY', transactions: 2, cashTransactions: 2 } } });
  });

  it('shows the cash beside the market value: €18,312.50 of shares and €2,115.00 cash make the €20,427.50 measured', async () => {
    // 9 Jan: 1,000 × HK$146.50 × 0.125 = €18,312.50; cash €2,000 + HK$920 × 0.125 = €115 → €2,115; together €20,427.50,
    // the end value the TTWROR of 2.1375 % is measured on.
    const holdings = await ok<HoldingsReport>('holdings.list', {});
    expect(holdings.totals.marketValue).toBeCloseTo(18_312.5, 4);
    expect(holdings.cashBase).toBeCloseTo(2_115, 9);
    const chart = await ok<PortfolioHistory>('charts.portfolio', {});
    expect(chart.totals.marketValue).toBeCloseTo(18_312.5, 4);
    expect(chart.totals.cash).toBeCloseTo(2_115, 9);
    // The default account tracks no cash and holds nothing: no cash to show.
    expect((await ok<HoldingsReport>('holdings.list', { accountId: 1 })).cashBase).toBe(0);
  });

  it('says which price is missing instead of a 0 %', async () => {
    // A security bought with no price at all: every day from 6 Jan on lacks its value.
    await ok('transactions.create', { accountId: account.id, securityId: addSecurity('NOPRICE', 'HKEX', 'HKD', 'stock'), type: 'buy', date: '2026-01-06', quantity: 1, price: 1, currency: 'HKD' });
    const summary = await ok<ReturnsSummary>('returns.summary', { scopes: [{ kind: 'portfolio' }], periods: ['Max'] });
    const tw = summary.rows[0]?.periods[0]?.timeWeighted;
    expect(tw).toMatchObject({ kind: 'unavailable', reason: { code: 'MISSING_PRICE', params: { symbol: 'NOPRICE', date: '2026-01-06' } } });
  });
});
