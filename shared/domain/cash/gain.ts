import { toEpochDay, type IsoDate } from '../common/dates';
import { toNumber } from '../money';
import { gainSplit, type AmountAtRate, type GainSplit, type PositionGainInput } from '../returns/gain-split';
import type { ReturnPeriod } from '../returns/period';
import { unavailable, type Unavailable } from '../returns/result';
import { scopeCashMovements, scopeTransactions, type Ledger, type LedgerScope, type ScopeValuations } from './scope';

/**
 * The gain split of a scope over a period (from the close of `start` to the close of `end`):
 * each security and each cash currency is a position for shared/domain/returns/gain-split.ts
 * (its value at the start and end in its own currency, the money moved in and out at the rate
 * booked — an exchange's incoming side at the rate actually paid), and dividends (gross),
 * withholding and other taxes, interest and fees are summed in the base currency at their day's rate.
 */
export function scopeGainSplit(ledger: Ledger, scope: LedgerScope, sv: ScopeValuations, period: ReturnPeriod): GainSplit | Unavailable {
  const { fx, baseCurrency } = ledger;
  const { series } = sv;
  const startDay = toEpochDay(period.start);
  const endDay = toEpochDay(period.end);
  const indexOnOrBefore = (day: number): number => {
    let lo = 0;
    let hi = series.days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((series.days[mid] as number) <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const s = indexOnOrBefore(startDay);
  const e = indexOnOrBefore(endDay);
  if (e < 0) return unavailable({ code: 'NO_VALUATIONS', params: { start: period.start, end: period.end } });
  const startDate = s < 0 ? period.start : (series.dates[s] as IsoDate);
  const endDate = series.dates[e] as IsoDate;

  let missing: Unavailable | null = null;
  const rateOn = (currency: string, date: IsoDate): number => {
    const r = fx.rate(currency, baseCurrency, date);
    if (r.rate === null) {
      missing ??= unavailable({ code: 'MISSING_FX', params: { from: currency, to: baseCurrency, date } });
      return Number.NaN;
    }
    return r.rate;
  };
  // A history that starts inside the period counts everything up to its end.
  const inPeriod = (date: IsoDate): boolean => (s < 0 || date > startDate) && date <= endDate;

  const positions: PositionGainInput[] = [];
  const txs = scopeTransactions(ledger, scope);
  const currencyOf = new Map(ledger.securities.map((x) => [x.id, x.currency]));
  let dividends = 0;
  let interest = 0;
  let fees = 0;
  let taxes = 0;
  const flowsBySecurity = new Map<number, AmountAtRate[]>();
  for (const t of txs) {
    if (!inPeriod(t.date)) continue;
    const rate = rateOn(t.currency, t.date);
    if (t.type === 'buy' || t.type === 'sell') {
      const list = flowsBySecurity.get(t.securityId) ?? [];
      list.push({ local: (t.type === 'buy' ? 1 : -1) * t.quantity * t.price, rate });
      flowsBySecurity.set(t.securityId, list);
      fees += t.fees * rate;
    } else if (t.type === 'dividend') {
      dividends += t.price * rate;
      taxes += t.taxes * rate;
      fees += t.fees * rate;
    } else if (t.type === 'fee') fees += (t.price + t.fees) * rate;
  }
  for (const h of series.holdings) {
    const currency = currencyOf.get(h.securityId) ?? baseCurrency;
    const endRate = rateOn(currency, endDate);
    // Nothing was held before a history that starts inside the period: no start rate is needed.
    const startRate = s < 0 ? endRate : rateOn(currency, startDate);
    const startBase = s < 0 ? 0 : (h.marketValue[s] as number);
    const endBase = h.marketValue[e] as number;
    if (Number.isNaN(startBase) || Number.isNaN(endBase)) {
      return unavailable({ code: 'MISSING_PRICE', params: { securityId: h.securityId, date: Number.isNaN(endBase) ? endDate : startDate } });
    }
    positions.push({
      start: { local: startRate > 0 ? startBase / startRate : 0, rate: startRate },
      end: { local: endRate > 0 ? endBase / endRate : 0, rate: endRate },
      flows: flowsBySecurity.get(h.securityId) ?? [],
    });
  }

  if (scope.kind !== 'security') {
    for (const c of ledger.cash) {
      if (!inPeriod(c.date)) continue;
      const inside = scope.kind === 'portfolio' || c.accountId === scope.accountId;
      if (!inside) continue;
      const rate = rateOn(c.currency, c.date);
      const amount = toNumber(c.amount);
      if (c.type === 'interest') interest += amount * rate;
      else if (c.type === 'fee') fees += amount * rate;
      else if (c.type === 'tax') taxes += amount * rate;
      else if (c.type === 'refund') fees -= amount * rate;
    }
    // Cash positions: every movement of the valued cash, at the rate booked.
    const movements = scopeCashMovements(ledger, scope).filter((m) => inPeriod(m.date));
    const exchangeRates = new Map<string, number>();
    for (const c of ledger.cash) {
      if (c.type !== 'exchange' || c.counterAmount === null || c.counterCurrency === null || !inPeriod(c.date)) continue;
      // The incoming side at the rate paid: what went out, in base currency, per unit that came in.
      exchangeRates.set(`${c.accountId}\u0000${c.counterCurrency}\u0000${c.date}\u0000${Number(c.counterAmount)}`, (toNumber(c.amount) * rateOn(c.currency, c.date)) / toNumber(c.counterAmount));
    }
    const flowsByCurrency = new Map<string, AmountAtRate[]>();
    for (const m of movements) {
      const list = flowsByCurrency.get(m.currency) ?? [];
      const paid = exchangeRates.get(`${m.accountId}\u0000${m.currency}\u0000${m.date}\u0000${m.amount}`);
      list.push({ local: m.amount, rate: paid ?? rateOn(m.currency, m.date) });
      flowsByCurrency.set(m.currency, list);
    }
    for (const [currency, amounts] of sv.cash) {
      positions.push({
        start: { local: s < 0 ? 0 : (amounts[s] as number), rate: rateOn(currency, s < 0 ? endDate : startDate) },
        end: { local: amounts[e] as number, rate: rateOn(currency, endDate) },
        flows: flowsByCurrency.get(currency) ?? [],
      });
    }
  } else {
    for (const c of ledger.cash) {
      if (c.securityId !== scope.securityId || !inPeriod(c.date)) continue;
      const rate = rateOn(c.currency, c.date);
      if (c.type === 'fee') fees += toNumber(c.amount) * rate;
      else if (c.type === 'tax') taxes += toNumber(c.amount) * rate;
    }
  }
  if (missing !== null) return missing;
  return gainSplit({ positions, dividends, interest, fees, taxes });
}
