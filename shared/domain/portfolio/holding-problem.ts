import type { IsoDate } from '../common/dates';
import { keyedText, type ErrorText } from '../common/errors';
import type { Transaction } from './transaction';

/**
 * Why a holding's value or cost cannot be known: a catalogue key and its values, so the screen
 * says it in the reader's language, with the English words (`message`) as the fallback.
 */
export type HoldingProblem = ErrorText & { message: string };

/** No close on or before the valuation day (or no valuation day at all: nothing priced yet). */
export function noPriceYet(symbol: string, date: IsoDate | null): HoldingProblem {
  return date === null ? keyedText('errors:holding.noPriceUndated', { symbol }) : keyedText('errors:holding.noPrice', { symbol, date });
}

/** No exchange rate to value the holding on the valuation day. */
export function noRate(from: string, to: string, date: IsoDate): HoldingProblem {
  return keyedText('errors:holding.noRate', { from, to, date });
}

/** No exchange rate for a transaction's own day, so its cost or proceeds cannot be converted. */
export function noRateForTransaction(from: string, to: string, type: Transaction['type'], date: IsoDate): HoldingProblem {
  return keyedText('errors:holding.noRateFor', { from, to, date, type: { key: `errors:typeName.${type}` } });
}

/** The same problem once: a rate missing for ten buys is said once per day and type. */
export function addProblem(list: HoldingProblem[], problem: HoldingProblem): void {
  if (!list.some((p) => p.message === problem.message)) list.push(problem);
}
