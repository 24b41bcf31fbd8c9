import { performance } from 'node:perf_hooks';
import { seededRandom } from '@shared/domain/common/random';
import { createFxProvider } from '@shared/domain/portfolio/fx';
import { portfolioValueSeries } from '@shared/domain/portfolio/value-series';
import {
  customPeriod,
  dailyValuations,
  dayValuesFromSeries,
  moneyWeightedReturn,
  PERIOD_RANGES,
  periodFor,
  portfolioFlows,
  rollingMoneyWeighted,
  rollingTimeWeighted,
  timeWeightedSeries,
  tradeFlows,
  type CashFlow,
  type DailyValuation,
  type ReturnResult,
} from '@shared/domain/returns';
import { recordFigure } from './figures';
import { generatePortfolio } from './holdings';

/**
 * Returns benchmark (issue 12 §8): the holdings bench's generated portfolio (10,000 transactions,
 * 100 securities, 20 years of weekday closes, HKD and USD in EUR) spread over 3 accounts without a
 * cash ledger for trades (each buy money put in, each sell or dividend money taken out), plus 2,000
 * cash transactions (deposits, withdrawals, interest, fees, transfers between the accounts) kept in
 * each account's cash balance. Timed from memory, median of 7 after a warm-up:
 * (a) value series → daily valuations → TTWROR series and IRR for all eight periods (seven ranges and
 *     a custom one), for the whole portfolio and each account;
 * (b) the rolling 1-year TTWROR and IRR series of the whole portfolio.
 */

const ACCOUNTS = 3;
const CASH_TRANSACTIONS = 2_000;
const RUNS = 7;
const TARGET_PERIODS_MS = 100;
const TARGET_ROLLING_MS = 200;
const BASE = 'EUR';

interface CashLine {
  date: string;
  account: number;
  kind: 'deposit' | 'withdrawal' | 'interest' | 'fee' | 'transfer';
  amount: number;
  /** For a transfer: the receiving account. */
  to: number;
}

function generateCash(dates: readonly string[], seed = 20261204): CashLine[] {
  const rand = seededRandom(seed);
  const lines: CashLine[] = [];
  for (let i = 0; i < CASH_TRANSACTIONS; i++) {
    const date = dates[Math.floor(rand() * dates.length)] as string;
    const account = Math.floor(rand() * ACCOUNTS);
    const r = rand();
    const kind: CashLine['kind'] = r < 0.5 ? 'deposit' : r < 0.65 ? 'withdrawal' : r < 0.85 ? 'interest' : r < 0.95 ? 'fee' : 'transfer';
    const amount = Math.round((kind === 'interest' || kind === 'fee' ? 1 + rand() * 50 : 500 + rand() * 20_000) * 100) / 100;
    lines.push({ date, account, kind, amount, to: (account + 1) % ACCOUNTS });
  }
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface Scope {
  name: string;
  valuations: DailyValuation[];
}

/** Everything from the in-memory ledger to one set of daily valuations per account and for the portfolio. */
function buildScopes(data: ReturnType<typeof generatePortfolio>, cash: readonly CashLine[]): Scope[] {
  const fx = createFxProvider(data.fxSymbols.map((f) => f.series));
  const from = data.transactions.reduce((min, t) => (t.date < min ? t.date : min), '9999-12-31');
  const scopes: Scope[] = [];
  const allValues: { date: string; value: number }[][] = [];
  const allFlows: CashFlow[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const transactions = data.transactions.filter((t) => t.securityId % ACCOUNTS === a);
    const series = portfolioValueSeries(transactions, data.prices, data.securities, fx, BASE, { from });
    const trades = tradeFlows(transactions, fx, BASE);
    if (trades.kind !== 'ok') throw new Error(`bench data: ${trades.reason.code}`);
    const flows = trades.flows;
    const balance = new Float64Array(series.days.length);
    let running = 0;
    let line = 0;
    for (let i = 0; i < series.days.length; i++) {
      const date = series.dates[i] as string;
      for (; line < cash.length && (cash[line] as CashLine).date <= date; line++) {
        const c = cash[line] as CashLine;
        if (c.account !== a && !(c.kind === 'transfer' && c.to === a)) continue;
        const sign = c.kind === 'deposit' || c.kind === 'interest' || (c.kind === 'transfer' && c.to === a) ? 1 : -1;
        running += sign * c.amount;
        if (c.kind === 'deposit' || c.kind === 'withdrawal') flows.push({ date: c.date, kind: c.kind, amount: c.amount });
        if (c.kind === 'transfer') flows.push({ date: c.date, kind: c.to === a ? 'transfer-in' : 'transfer-out', amount: c.amount });
      }
      balance[i] = running;
    }
    const values = dayValuesFromSeries(series, balance);
    allValues.push(values);
    allFlows.push(...flows);
    scopes.push({ name: `account ${a + 1}`, valuations: dailyValuations(values, flows).valuations });
  }
  const first = allValues[0] as { date: string; value: number }[];
  const total = first.map((v, i) => ({ date: v.date, value: allValues.reduce((sum, values) => sum + (values[i]?.value ?? Number.NaN), 0) }));
  scopes.unshift({ name: 'portfolio', valuations: dailyValuations(total, portfolioFlows(allFlows)).valuations });
  return scopes;
}

/** TTWROR series and IRR for the seven ranges and one custom range of each scope. */
function periodFigures(scopes: readonly Scope[]): { timeWeighted: ReturnResult; moneyWeighted: ReturnResult }[] {
  const out: { timeWeighted: ReturnResult; moneyWeighted: ReturnResult }[] = [];
  for (const { valuations } of scopes) {
    const first = (valuations[0] as DailyValuation).date;
    const last = (valuations.at(-1) as DailyValuation).date;
    const periods = [...PERIOD_RANGES.map((r) => periodFor(r, last, first)), customPeriod({ from: '2015-03-01', to: '2019-06-30' })];
    for (const period of periods) {
      const series = timeWeightedSeries(valuations, period);
      out.push({ timeWeighted: series.kind === 'ok' ? series.result : series, moneyWeighted: moneyWeightedReturn(valuations, period) });
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeRuns(fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const pct = (r: ReturnResult | undefined): string =>
  r === undefined ? '?' : r.kind === 'ok' ? `${(100 * (r.annualised ?? r.value)).toFixed(2)} %${r.annualised === undefined ? '' : ' p.a.'}` : r.reason.code;

export async function benchReturns(): Promise<void> {
  const data = generatePortfolio();
  const weekdays = [...new Set(data.prices.get(1)?.bars.map((b) => b.date) ?? [])];
  const cash = generateCash(weekdays);
  let scopes: Scope[] = [];
  let results: ReturnType<typeof periodFigures> = [];
  const pipelineMs = timeRuns(() => {
    scopes = buildScopes(data, cash);
    results = periodFigures(scopes);
  });
  const returnsOnlyMs = timeRuns(() => {
    results = periodFigures(scopes);
  });
  const portfolio = scopes[0] as Scope;
  let check = '';
  const rollingMs = timeRuns(() => {
    const tw = rollingTimeWeighted(portfolio.valuations);
    const mw = rollingMoneyWeighted(portfolio.valuations);
    const defined = mw.values.filter((v) => !Number.isNaN(v)).length;
    check = `${tw.dates.length} days, IRR solved on ${defined}`;
  });
  const flowDays = portfolio.valuations.filter((v) => v.inflow > 0 || v.outflow > 0).length;
  console.log(
    `returns: ${scopes.length} scopes × 8 periods, ${portfolio.valuations.length} valuation days, ${cash.length} cash transactions, portfolio flows on ${flowDays} days`,
  );
  console.log(`returns: portfolio Max TTWROR ${pct(results[6]?.timeWeighted)}, IRR ${pct(results[6]?.moneyWeighted)}; 1Y TTWROR ${pct(results[3]?.timeWeighted)}, IRR ${pct(results[3]?.moneyWeighted)}`);
  console.log(`returns: rolling 1Y ${check}`);
  recordFigure({
    bench: 'returns',
    name: 'value series → TTWROR series + IRR, 8 periods, portfolio + 3 accounts, in memory (median of 7)',
    value: `${pipelineMs.toFixed(1)} ms`,
    target: `< ${TARGET_PERIODS_MS} ms`,
    pass: pipelineMs < TARGET_PERIODS_MS,
  });
  recordFigure({
    bench: 'returns',
    name: 'of which TTWROR series + IRR from the daily valuations',
    value: `${returnsOnlyMs.toFixed(1)} ms`,
    target: '',
    pass: null,
  });
  recordFigure({
    bench: 'returns',
    name: 'rolling 1-year TTWROR + IRR series, portfolio (median of 7)',
    value: `${rollingMs.toFixed(1)} ms`,
    target: `< ${TARGET_ROLLING_MS} ms`,
    pass: rollingMs < TARGET_ROLLING_MS,
  });
}
