import type { IsoDate } from '../common/dates';

/**
 * Money crossing the boundary of what is measured (the whole portfolio, one account or one
 * security). Only these are flows; interest, dividends, fees and taxes stay inside and are
 * returns. Which kinds occur depends on the scope:
 *
 * - portfolio:  deposit, withdrawal (transfers between its own accounts cancel out and are left out)
 * - account:    also transfer-in / transfer-out of cash, delivery-in / delivery-out of securities,
 *               and for an account without a cash ledger each buy is money put in (`buy`) and each
 *               sell, dividend or interest is money taken out (`sell`, `payout`)
 * - security:   buy (in), sell and payout of its dividends (out), delivery-in / delivery-out
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
] as const;
export type CashFlowKind = (typeof CASH_FLOW_KINDS)[number];

const INFLOW_KINDS: ReadonlySet<CashFlowKind> = new Set(['deposit', 'transfer-in', 'delivery-in', 'buy']);

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
