import type { Reason, ReturnFigure } from '@shared/api/returns';
import type { ReturnResult, ReturnWarning, UnavailableReason } from '@shared/domain/returns';

type AnyReason = UnavailableReason | ReturnWarning | { code: 'MISSING_PRICE'; params: { securityId: number; date?: string } };

/**
 * A reason's code and params as the contract carries them, with an English sentence naming the
 * security (by symbol) and the day, so "unavailable" always says what is missing.
 */
export function describeReason(reason: AnyReason, symbolOf: (securityId: number) => string): Reason {
  const params: Record<string, string | number | null> = { ...(reason.params as Record<string, string | number>) };
  let message: string;
  switch (reason.code) {
    case 'MISSING_PRICE': {
      const symbol = symbolOf(reason.params.securityId);
      params.symbol = symbol;
      message = `No price for ${symbol}${reason.params.date ? ` on or before ${reason.params.date}` : ''}; import its prices to measure this.`;
      break;
    }
    case 'MISSING_FX':
      message = `No ${reason.params.from}→${reason.params.to} exchange rate on or before ${reason.params.date}; import the rate to measure this.`;
      break;
    case 'NO_VALUATIONS':
      message = `Nothing was held between ${reason.params.start} and ${reason.params.end}.`;
      break;
    case 'EMPTY_PERIOD':
      message = 'The period has no days to measure.';
      break;
    case 'NO_SIGN_CHANGE':
      message = 'The money-weighted return needs money both put in and taken out (or a value at the end).';
      break;
    case 'NO_ROOT':
      message = 'No money-weighted rate fits these flows.';
      break;
    case 'TOO_FEW_OBSERVATIONS':
      message = `Only ${reason.params.observations} daily observations shared with the benchmark: too few for beta and alpha.`;
      break;
    case 'MISSING_BENCHMARK_PRICE':
      message = `The benchmark has no close on or before ${reason.params.date}.`;
      break;
    case 'ZERO_BASE':
      message = 'Nothing is held to measure a yield against.';
      break;
    case 'VALUE_WITHOUT_CAPITAL':
      message = `On ${reason.params.days} day(s) from ${reason.params.firstDate} to ${reason.params.lastDate} the value changed with no capital at work (e.g. interest on an empty account); those days count as 0 %.`;
      break;
    case 'PERIOD_SHORTENED':
      message = `Measured from ${reason.params.start}, the day before the first valuation, not from ${reason.params.requestedStart}.`;
      break;
    case 'BENCHMARK_SHORTENED':
      message = `The benchmark's prices begin on ${reason.params.start}: compared from there, not from ${reason.params.requestedStart}.`;
      break;
    case 'FLOWS_AFTER_LAST_VALUATION':
      message = `${reason.params.count} flow(s) from ${reason.params.firstDate} on come after the last price and are not counted yet.`;
      break;
  }
  return { code: reason.code, params, message };
}

export function toFigure(result: ReturnResult, symbolOf: (securityId: number) => string): ReturnFigure {
  if (result.kind === 'unavailable') return { kind: 'unavailable', reason: describeReason(result.reason, symbolOf) };
  return {
    kind: 'ok',
    value: result.value,
    annualised: result.annualised ?? null,
    days: result.days,
    warnings: result.warnings.map((w) => describeReason(w, symbolOf)),
  };
}
