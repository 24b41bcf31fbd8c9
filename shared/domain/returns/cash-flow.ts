import type { IsoDate } from '../common/dates';

/**
 * Money crossing the boundary of what is measured (the whole portfolio, one account or one
 * security). Only these are flows; interest, dividends, fees and taxes stay inside and are
 * returns. Which kinds occur depends on the scope:
 *
 * - deposit / withdrawal: cash from or to outside the portfolio (a bank account not tracked).
 * - delivery-in / delivery-out: securities from or to outside the portfolio, at their value that day.
 * - transfer-in / transfer-out: cash or securities between two of the user's own accounts. A flow
 *   for each account, neither a gain nor a flow for the portfolio (`portfolioFlows` drops them).
 * - buy / sell / payout: for an account without a cash ledger each buy is money put in and each
 *   sell, dividend or interest money taken out; for one security, its buys, sells and dividends.
 * - charge: a fee or tax paid from outside the scope (an ADR custody fee for one security): money
 *   put in that buys nothing, so it lowers the return.
 */
export const CASH_FLOW_KINDS = [
  'deposit',
  'withdrawal',
  'transfer-in',
  'transfer-out',
  'delivery-in',
  'delivery-out',
  'buy',
  'sell',
  'payout',
  'charge',
] as const;
export type CashFlowKind = (typeof CASH_FLOW_KINDS)[number];

const INFLOW_KINDS: ReadonlySet<CashFlowKind> = new Set(['deposit', 'transfer-in', 'delivery-in', 'buy', 'charge']);

export interface CashFlow {
  date: IsoDate;
  kind: CashFlowKind;
  /** Base currency, positive; the kind says the direction. */
  amount: number;
}

/** Whether a flow puts money in (counted at the start of its day) or takes it out (at the end). */
export function isInflow(kind: CashFlowKind): boolean {
  return INFLOW_KINDS.has(kind);
}

/** The flow as the investor sees it, Excel's sign: money put in is negative, money taken out positive. */
export function investorAmount(flow: CashFlow): number {
  return isInflow(flow.kind) ? -flow.amount : flow.amount;
}

/** The flows of the whole portfolio: transfers between its own accounts cancel out and are left out. */
export function portfolioFlows(flows: readonly CashFlow[]): CashFlow[] {
  return flows.filter((f) => f.kind !== 'transfer-in' && f.kind !== 'transfer-out');
}
