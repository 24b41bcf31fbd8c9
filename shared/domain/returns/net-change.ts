import type { DailyValuation } from './daily-valuation';
import type { ReturnPeriod } from './period';
import type { Unavailable } from './result';
import { valuationWindow } from './window';

export interface NetChange {
  kind: 'ok';
  /** Value at the close of the period's start (0 when the history begins inside it). */
  startValue: number;
  endValue: number;
  /** Money put in minus money taken out during the period (deposits, or buys in an account without a cash ledger, …). */
  netFlows: number;
  /** endValue − startValue − netFlows: what the value gained by itself, the figure beside the period's TTWROR. */
  change: number;
}

/**
 * The change of value over a period net of the money that crossed the scope's boundary, from
 * the same daily valuations TTWROR uses: a 10,000 deposit raises the value by 10,000 and the
 * change by nothing.
 */
export function netChange(valuations: readonly DailyValuation[], period: ReturnPeriod): NetChange | Unavailable {
  const window = valuationWindow(valuations, period);
  if ('kind' in window) return window;
  const { base, last } = window;
  const startValue = base >= 0 ? (valuations[base] as DailyValuation).value : 0;
  const endValue = (valuations[last] as DailyValuation).value;
  let netFlows = 0;
  for (let i = base + 1; i <= last; i++) {
    const row = valuations[i] as DailyValuation;
    netFlows += row.inflow - row.outflow;
  }
  return { kind: 'ok', startValue, endValue, netFlows, change: endValue - startValue - netFlows };
}
