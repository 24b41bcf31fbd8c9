import { toEpochDay } from '../common/dates';
import { textError } from '../common/errors';
import type { Security } from '../securities/security';
import type { FxProvider } from './fx';
import { addProblem, noRateForTransaction, type HoldingProblem } from './holding-problem';
import { oversellText } from './ledger';
import { LotBook } from './lots';
import { splitFactor } from './split-ratio';
import type { Transaction } from './transaction';

/**
 * Running totals of one security's ledger. Amounts are in the security's currency unless
 * named `…Base`. NaN marks an amount that needed an exchange rate that does not exist; it
 * propagates through sums on purpose and becomes `null` (with a reason) at the edges.
 */
export interface PositionState {
  book: LotBook;
  realized: number;
  realizedBase: number;
  dividends: number;
  dividendsBase: number;
  /** Every fee paid: buy/sell commissions (already inside cost and realized P&L), dividend fees, fee lines. */
  fees: number;
  feesBase: number;
  problems: HoldingProblem[];
}

/**
 * Replays one security's transactions, which must already be in replay order. Buys open
 * FIFO lots at their cost including fees; sells realize proceeds after fees minus the FIFO
 * cost; base-currency figures use the rate of each transaction's own date, so the base
 * cost basis is what the shares really cost in base currency. `afterEach` lets callers
 * sample the state after each transaction without replaying twice.
 */
export function replayPosition(
  transactions: readonly Transaction[],
  security: Security,
  fx: FxProvider,
  baseCurrency: string,
  afterEach?: (tx: Transaction, state: PositionState) => void,
): PositionState {
  const state: PositionState = {
    book: new LotBook(),
    realized: 0,
    realizedBase: 0,
    dividends: 0,
    dividendsBase: 0,
    fees: 0,
    feesBase: 0,
    problems: [],
  };
  const convert = (tx: Transaction, to: string): number => {
    // Same currency is exactly 1 (the provider's contract), and the common case: not asked for.
    if (tx.currency === to) return 1;
    const rate = fx.rateOn(tx.currency, to, toEpochDay(tx.date));
    if (!Number.isNaN(rate)) return rate;
    addProblem(state.problems, noRateForTransaction(tx.currency, to, tx.type, tx.date));
    return Number.NaN;
  };

  for (const tx of transactions) {
    if (tx.type === 'split') {
      if (tx.splitRatio) state.book.split(splitFactor(tx.splitRatio));
      afterEach?.(tx, state);
      continue;
    }
    const toSecurity = convert(tx, security.currency);
    const toBase = convert(tx, baseCurrency);
    state.fees += tx.fees * toSecurity;
    state.feesBase += tx.fees * toBase;
    switch (tx.type) {
      case 'buy': {
        const total = tx.quantity * tx.price + tx.fees;
        state.book.open({
          transactionId: tx.id,
          date: tx.date,
          quantity: tx.quantity,
          costPerShare: (total * toSecurity) / tx.quantity,
          costPerShareBase: (total * toBase) / tx.quantity,
        });
        break;
      }
      case 'transfer-in': {
        // The giving account's lots, each at its own date and cost (converted at its own date's rate, as
        // its buy was), in acquisition order among the lots already here; a line whose source is
        // unknown arrives as one lot at the cost carried over.
        const lots = tx.carried ?? [{ date: tx.date, quantity: tx.quantity, costPerShare: tx.price, currency: tx.currency }];
        for (const lot of lots) {
          const lotTx = { ...tx, date: lot.date, currency: lot.currency };
          state.book.insertByDate({
            transactionId: tx.id,
            date: lot.date,
            quantity: lot.quantity,
            costPerShare: lot.costPerShare * convert(lotTx, security.currency),
            costPerShareBase: lot.costPerShare * convert(lotTx, baseCurrency),
          });
        }
        break;
      }
      case 'transfer-out':
      case 'sell': {
        const held = state.book.quantity;
        const released = state.book.sell(tx.quantity);
        if (released === null) {
          throw textError('VALIDATION', oversellText({ transaction: tx, held }), {
            transactionId: tx.id,
            securityId: tx.securityId,
            date: tx.date,
            field: 'quantity',
            held,
          });
        }
        // Shares moved to another account are neither sold nor a gain: their cost leaves with them.
        if (tx.type === 'transfer-out') break;
        const proceeds = tx.quantity * tx.price - tx.fees;
        state.realized += proceeds * toSecurity - released.cost;
        state.realizedBase += proceeds * toBase - released.costBase;
        break;
      }
      case 'dividend':
        state.dividends += tx.price * toSecurity;
        state.dividendsBase += tx.price * toBase;
        break;
      case 'fee':
        state.fees += tx.price * toSecurity;
        state.feesBase += tx.price * toBase;
        break;
    }
    afterEach?.(tx, state);
  }
  return state;
}
