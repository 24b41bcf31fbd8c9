import type { IsoDate } from '../common/dates';

/** Why a value on a day is not known: the security with no price yet, or the missing exchange rate. */
export type MissingValue =
  | { code: 'MISSING_PRICE'; params: { securityId: number } }
  | { code: 'MISSING_FX'; params: { from: string; to: string } };

/** Why a return cannot be given. Codes and params only; the words are chosen where the figure is shown. */
export type UnavailableReason =
  | { code: 'MISSING_PRICE'; params: { securityId: number; date: IsoDate } }
  | { code: 'MISSING_FX'; params: { from: string; to: string; date: IsoDate } }
  /** No valuation day falls in the period (e.g. a 1M period before the first transaction). */
  | { code: 'NO_VALUATIONS'; params: { start: IsoDate; end: IsoDate } }
  /** Start and end are the same day: there is nothing to measure. */
  | { code: 'EMPTY_PERIOD'; params: { start: IsoDate; end: IsoDate } }
  /** IRR: every flow (start and end value included) has the same sign, or all are zero. */
  | { code: 'NO_SIGN_CHANGE'; params: { flows: number } }
  /** IRR: the flows change sign but no rate in (−100 %, +∞) makes their present value zero. */
  | { code: 'NO_ROOT'; params: { flows: number } }
  /** Beta/alpha: fewer than two common daily observations, or a benchmark that never moved. */
  | { code: 'TOO_FEW_OBSERVATIONS'; params: { observations: number } }
  /** Benchmark: no close on or before the period's last day. */
  | { code: 'MISSING_BENCHMARK_PRICE'; params: { date: IsoDate } }
  /** A yield over a cost or value of zero. */
  | { code: 'ZERO_BASE'; params: Record<string, never> };

export type UnavailableCode = UnavailableReason['code'];

/** Something the user should know about a figure that is still given. */
export type ReturnWarning =
  /** Days whose start capital was zero while the value changed (e.g. interest on an empty account): counted as 0 %. */
  | { code: 'VALUE_WITHOUT_CAPITAL'; params: { firstDate: IsoDate; lastDate: IsoDate; days: number } }
  /** The period asked for begins before the first valuation; it is measured from the first valuation. */
  | { code: 'PERIOD_SHORTENED'; params: { requestedStart: IsoDate; start: IsoDate } }
  /** The benchmark's history begins after the period's start: the comparison runs from its first close. */
  | { code: 'BENCHMARK_SHORTENED'; params: { requestedStart: IsoDate; start: IsoDate } }
  /** Flows after the last valuation day, left out because no value is known after them yet. */
  | { code: 'FLOWS_AFTER_LAST_VALUATION'; params: { firstDate: IsoDate; count: number } };

export type WarningCode = ReturnWarning['code'];

/**
 * A return over a period. `value` is the return for the whole period (0.1 = +10 %);
 * `annualised` is present only when the period lasts at least a year, so a three-week
 * gain is never blown up into a yearly figure.
 */
export type ReturnResult =
  | { kind: 'ok'; value: number; annualised?: number; days: number; warnings: ReturnWarning[] }
  | { kind: 'unavailable'; reason: UnavailableReason };

export type Unavailable = Extract<ReturnResult, { kind: 'unavailable' }>;

export function unavailable(reason: UnavailableReason): Unavailable {
  return { kind: 'unavailable', reason };
}

/** Below this a day's capital counts as zero: float dust left when a position is sold to nothing. */
export const ZERO_CAPITAL = 1e-9;

/** Calendar days that make a period at least one year long, for annualising. */
export const DAYS_PER_YEAR = 365;

/** (1+R)^(365/days) − 1 for periods of a year or more, else undefined. */
export function annualise(periodReturn: number, days: number): number | undefined {
  if (days < DAYS_PER_YEAR) return undefined;
  return Math.pow(1 + periodReturn, DAYS_PER_YEAR / days) - 1;
}
