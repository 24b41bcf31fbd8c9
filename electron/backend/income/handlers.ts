import type { Yield } from '@shared/api/income';
import { incomeEvents } from '@shared/domain/cash';
import { computeHoldings } from '@shared/domain/portfolio/holding';
import { scopeSecurityTransfers } from '@shared/domain/portfolio/security-transfer';
import {
  incomeByMonth,
  incomeBySecurity,
  incomeByYear,
  incomeTotals,
  trailingYield,
  yieldOnCost,
  type IncomeEvent,
  type YieldResult,
} from '@shared/domain/income';
import { listAccounts, requireAccount } from '../accounts/store';
import type { FeatureMethods, Handlers } from '../handler';
import { describeReason } from '../returns/describe';
import { loadLedger } from '../returns/load';

function toYield(result: YieldResult): Yield {
  if (result.kind === 'ok') return { kind: 'ok', gross: result.gross, net: result.net, from: result.from, to: result.to };
  return { kind: 'unavailable', reason: describeReason(result.reason, String) };
}

export const incomeHandlers = {
  'income.report': ({ accountId, from, to, asOf }, { db, today }) => {
    if (accountId !== undefined) requireAccount(db, accountId);
    const day = asOf ?? today();
    const ledger = loadLedger(db);
    const transactions = scopeSecurityTransfers(ledger.transactions, (a) => accountId === undefined || a === accountId);
    const cash = ledger.cash.filter((c) => accountId === undefined || c.accountId === accountId);
    const { events, problems } = incomeEvents(transactions, cash, ledger.fx, ledger.baseCurrency);
    const range = from !== undefined || to !== undefined ? { from: from ?? '0000-01-01', to: to ?? '9999-12-31' } : undefined;
    const inRange = range === undefined ? events : events.filter((e) => e.date >= range.from && e.date <= range.to);
    const base = ledger.baseCurrency;

    // Cost and value of what is held today, per security and in total, for the yields.
    const report = computeHoldings(transactions, ledger.prices, ledger.securities, ledger.fx, base, day);
    const held = new Map(report.holdings.map((h) => [h.securityId, h]));
    const bySecurity = new Map<number, IncomeEvent[]>();
    for (const e of events) {
      if (e.securityId === null) continue;
      const list = bySecurity.get(e.securityId) ?? [];
      list.push(e);
      bySecurity.set(e.securityId, list);
    }
    const names = new Map(ledger.securities.map((s) => [s.id, s]));
    const securities = incomeBySecurity(inRange, base).map((row) => {
      const h = held.get(row.securityId);
      const own = bySecurity.get(row.securityId) ?? [];
      return {
        ...row,
        symbol: names.get(row.securityId)?.symbol ?? `#${row.securityId}`,
        name: names.get(row.securityId)?.name ?? '',
        yieldOnCost: toYield(yieldOnCost(own, h?.quantity ? (h.costBasisBase ?? 0) : 0, day, base)),
        trailingYield: toYield(trailingYield(own, h?.quantity ? (h.marketValueBase ?? 0) : 0, day, base)),
      };
    });
    // Per account: each account's lines converted the same way, so the rows add up to the totals.
    const accounts = listAccounts(db)
      .filter((a) => accountId === undefined || a.id === accountId)
      .map((a) => {
        const own = incomeEvents(
          transactions.filter((t) => t.accountId === a.id),
          cash.filter((c) => c.accountId === a.id),
          ledger.fx,
          base,
        ).events.filter((e) => range === undefined || (e.date >= range.from && e.date <= range.to));
        return { accountId: a.id, name: a.name, currency: a.currency, count: own.length, ...incomeTotals(own, base) };
      })
      .filter((a) => a.count > 0)
      .sort((a, b) => b.total.net - a.total.net || a.accountId - b.accountId)
      .map(({ count: _count, ...row }) => row);
    const dividendsOnly = events.filter((e) => e.kind === 'dividend');
    return {
      baseCurrency: base,
      asOf: day,
      from: from ?? null,
      to: to ?? null,
      totals: incomeTotals(inRange, base),
      months: incomeByMonth(inRange, base, range && from !== undefined && to !== undefined ? { from, to } : undefined),
      years: incomeByYear(inRange, base, range && from !== undefined && to !== undefined ? { from, to } : undefined),
      securities,
      accounts,
      yieldOnCost: toYield(yieldOnCost(dividendsOnly, report.totals.costBasis, day, base)),
      trailingYield: toYield(trailingYield(dividendsOnly, report.totals.marketValue, day, base)),
      problems: problems.map((p) =>
        describeReason(
          { code: 'MISSING_FX', params: { from: p.from, to: p.to, date: p.date } },
          String,
        ),
      ),
    };
  },
} satisfies Handlers<FeatureMethods<'income'>>;
