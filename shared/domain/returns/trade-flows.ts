import type { FxProvider } from '../portfolio/fx';
import type { Transaction } from '../portfolio/transaction';
import type { CashFlow } from './cash-flow';
import { unavailable, type Unavailable } from './result';

/**
 * The flows of one security, or of an account that keeps no cash ledger, from its transactions:
 * a buy puts in quantity × price + fees, a sell takes out quantity × price − fees, a dividend takes
 * out its amount less fees, a fee line (custody fee) is a charge; splits move no money. Amounts are
 * converted at the day's rate into the base currency. They feed ratios, not bookings, so plain
 * floating point is enough here (a 1e-16 relative error never shows in a return) and keeps a
 * 10,000-line ledger to a millisecond; exact amounts for display come from shared/domain/money.
 */
export function tradeFlows(
  transactions: readonly Transaction[],
  fx: FxProvider,
  baseCurrency: string,
): { kind: 'ok'; flows: CashFlow[] } | Unavailable {
  const flows: CashFlow[] = [];
  for (const tx of transactions) {
    if (tx.type === 'split') continue;
    const rate = fx.rate(tx.currency, baseCurrency, tx.date);
    if (rate.rate === null) return unavailable({ code: 'MISSING_FX', params: { from: tx.currency, to: baseCurrency, date: tx.date } });
    const local =
      tx.type === 'buy'
        ? tx.quantity * tx.price + tx.fees
        : tx.type === 'sell'
          ? tx.quantity * tx.price - tx.fees
          : tx.type === 'dividend'
            ? tx.price - tx.fees
            : tx.price + tx.fees;
    const kind = tx.type === 'buy' ? 'buy' : tx.type === 'sell' ? 'sell' : tx.type === 'dividend' ? 'payout' : 'charge';
    flows.push({ date: tx.date, kind, amount: local * rate.rate });
  }
  return { kind: 'ok', flows };
}
