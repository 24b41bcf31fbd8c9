import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scopeValuations, type Ledger, type LedgerScope } from '@shared/domain/cash';
import { toEpochDay } from '@shared/domain/common/dates';
import { seededRandom } from '@shared/domain/common/random';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { customPeriod, PERIOD_RANGES, periodFor, returnsFor, rollingMoneyWeighted, rollingTimeWeighted, type ReturnResult } from '@shared/domain/returns';
import { insertAccount } from '../electron/backend/accounts/store';
import { createBackend } from '../electron/backend/backend';
import { insertCash } from '../electron/backend/cash/store';
import { inTransaction } from '../electron/backend/db/database';
import { loadLedger } from '../electron/backend/returns/load';
import { insertSecurity } from '../electron/backend/securities/store';
import { insertTransaction } from '../electron/backend/transactions/store';
import { recordFigure } from './figures';
import { generatePortfolio } from './holdings';

/**
 * Returns including reading the database (issue 12 §8), the way the app computes them: the
 * generated portfolio (10,000 transactions, 100 securities, 20 years, HKD and USD in EUR) stored in
 * three accounts — the default one without a cash ledger, two that track cash — plus 2,000 cash
 * lines (deposits, withdrawals, interest, fees, transfers between the accounts). Timed, median of 7:
 * (a) from the loaded ledger: scope valuations (value series, cash per currency, flows) and TTWROR +
 *     IRR for the eight periods, for the portfolio and each account;
 * (b) the same including loadLedger (every row read from SQLite);
 * (c) the rolling 1-year TTWROR and IRR series of the portfolio, from the loaded ledger.
 */

const RUNS = 7;
const TARGET_MEMORY_MS = 100;
const TARGET_DATABASE_MS = 300;
const TARGET_ROLLING_MS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** `before` runs untimed ahead of each run (the database bench uses it to make every read a cold one). */
function timeRuns(fn: () => void, before?: () => void): number {
  before?.();
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function allPeriods(ledger: Ledger, scopes: readonly LedgerScope[]): ReturnResult[] {
  const out: ReturnResult[] = [];
  for (const scope of scopes) {
    const sv = scopeValuations(ledger, scope);
    if ('kind' in sv) throw new Error(`bench data: ${sv.reason.code}`);
    const first = sv.valuations[0]?.date as string;
    const last = sv.valuations.at(-1)?.date as string;
    for (const period of [...PERIOD_RANGES.map((r) => periodFor(r, last, first)), customPeriod({ from: '2015-03-01', to: '2019-06-30' })]) {
      const r = returnsFor(sv.valuations, period);
      out.push(r.timeWeighted, r.moneyWeighted);
    }
  }
  return out;
}

export async function benchReturnsDatabase(): Promise<void> {
  const data = generatePortfolio();
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-bench-returns-'));
  const backend = createBackend({ dataDir, mode: 'test', appVersion: 'bench' });
  try {
    const { db } = backend;
    const days = [...new Set(data.prices.get(1)?.bars.map((b) => b.date) ?? [])];
    inTransaction(db, () => {
      const accounts = [
        1,
        insertAccount(db, { name: 'Broker HK', institution: '', currency: 'EUR', kind: 'broker', tracksCash: true, note: '' }),
        insertAccount(db, { name: 'Broker US', institution: '', currency: 'EUR', kind: 'broker', tracksCash: true, note: '' }),
      ];
      const insertBar = db.prepare('INSERT INTO price_bars (security_id, day, close) VALUES (?, ?, ?)');
      const ids = new Map<number, number>();
      for (const s of data.securities) {
        const { id: _id, ...fields } = s;
        const stored = insertSecurity(db, fields);
        ids.set(s.id, stored.id);
        for (const b of (data.prices.get(s.id) as PriceSeries).bars) insertBar.run(stored.id, toEpochDay(b.date), b.close);
      }
      for (const f of data.fxSymbols) {
        const stored = insertSecurity(db, { symbol: f.symbol, name: f.symbol, exchange: 'FX', currency: f.series.to, kind: 'fx', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] });
        for (const p of f.series.points) insertBar.run(stored.id, toEpochDay(p.date), p.close);
      }
      for (const t of data.transactions) {
        insertTransaction(db, {
          securityId: ids.get(t.securityId) as number,
          type: t.type,
          date: t.date,
          quantity: t.quantity,
          price: t.price,
          currency: t.currency,
          fees: t.fees,
          splitFrom: t.splitRatio?.from ?? null,
          splitTo: t.splitRatio?.to ?? null,
          note: '',
          externalId: null,
          accountId: accounts[t.securityId % 3] as number,
          taxes: t.type === 'dividend' ? Math.round(t.price * 10) / 100 : 0,
        });
      }
      const rand = seededRandom(20261205);
      for (let i = 0; i < 2_000; i++) {
        const r = rand();
        const type = r < 0.5 ? 'deposit' : r < 0.65 ? 'withdrawal' : r < 0.85 ? 'interest' : r < 0.95 ? 'fee' : 'transfer-out';
        const from = Math.floor(rand() * 3);
        const small = type === 'interest' || type === 'fee';
        insertCash(db, {
          accountId: accounts[from] as number,
          type,
          date: days[Math.floor(rand() * days.length)] as string,
          amount: (Math.round((small ? 1 + rand() * 50 : 500 + rand() * 20_000) * 100) / 100).toFixed(2),
          currency: 'EUR',
          counterAmount: null,
          counterCurrency: null,
          counterAccountId: type === 'transfer-out' ? (accounts[(from + 1) % 3] as number) : null,
          securityId: null,
          note: '',
          externalId: null,
        });
      }
    });

    const scopes: LedgerScope[] = [{ kind: 'portfolio' }, { kind: 'account', accountId: 1 }, { kind: 'account', accountId: 2 }, { kind: 'account', accountId: 3 }];
    let ledger = loadLedger(db);
    let results: ReturnResult[] = [];
    const memoryMs = timeRuns(() => {
      results = allPeriods(ledger, scopes);
    });
    // The app keeps the last read per data version (loadLedger, loadPortfolio); a row written before
    // each run moves that version on, so every timed run reads every row from SQLite again.
    db.exec('CREATE TEMP TABLE bench_bump (n INTEGER)');
    const bump = db.prepare('INSERT INTO bench_bump (n) VALUES (1)');
    const cpuBefore = process.cpuUsage();
    const databaseMs = timeRuns(
      () => {
        ledger = loadLedger(db);
        results = allPeriods(ledger, scopes);
      },
      () => bump.run(),
    );
    // CPU time of this process per run (warm-up included, 8 runs), every thread counted (the garbage
    // collector's helpers too, so it can exceed the wall-clock time): on a machine shared with other
    // work it shows whether a slow median was the work or the wait for a core.
    const cpu = process.cpuUsage(cpuBefore);
    const databaseCpuMs = (cpu.user + cpu.system) / 1000 / (RUNS + 1);
    let check = '';
    const rollingMs = timeRuns(() => {
      const sv = scopeValuations(ledger, { kind: 'portfolio' });
      if ('kind' in sv) throw new Error(sv.reason.code);
      const tw = rollingTimeWeighted(sv.valuations);
      const mw = rollingMoneyWeighted(sv.valuations);
      check = `${tw.dates.length} days, IRR solved on ${mw.values.filter((v) => !Number.isNaN(v)).length}`;
    });
    const show = (r: ReturnResult | undefined): string => (r === undefined ? '?' : r.kind === 'ok' ? `${(100 * (r.annualised ?? r.value)).toFixed(2)} %` : r.reason.code);
    console.log(
      `returns (db): ${ledger.transactions.length} transactions, ${ledger.cash.length} cash lines, 3 accounts (2 with a cash ledger); portfolio Max TTWROR ${show(results[12])}, IRR ${show(results[13])}; rolling ${check}`,
    );
    recordFigure({
      bench: 'returns',
      name: 'ledger → scope valuations → TTWROR + IRR, 8 periods, portfolio + 3 accounts, from memory (median of 7)',
      value: `${memoryMs.toFixed(1)} ms`,
      target: `< ${TARGET_MEMORY_MS} ms`,
      pass: memoryMs < TARGET_MEMORY_MS,
    });
    recordFigure({
      bench: 'returns',
      name: 'same, including reading the database (median of 7)',
      value: `${databaseMs.toFixed(1)} ms`,
      target: `< ${TARGET_DATABASE_MS} ms`,
      pass: databaseMs < TARGET_DATABASE_MS,
    });
    recordFigure({
      bench: 'returns',
      name: 'CPU time of the process for it, all threads, mean per run',
      value: `${databaseCpuMs.toFixed(1)} ms`,
      target: '',
      pass: null,
    });
    recordFigure({
      bench: 'returns',
      name: 'rolling 1-year TTWROR + IRR from the ledger, portfolio (median of 7)',
      value: `${rollingMs.toFixed(1)} ms`,
      target: `< ${TARGET_ROLLING_MS} ms`,
      pass: rollingMs < TARGET_ROLLING_MS,
    });
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
