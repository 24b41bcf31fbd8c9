// Beside reasonText.ts: both say why a figure is not known; Holdings and the Portfolio tab both use it, so it sits below them.
import type { HoldingProblem } from '@shared/api/holdings';
import { problemText } from '@renderer/api/client';
import { formatDate } from '@renderer/ui/format';

/** Why a holding's figure is unknown, in the reader's language, its day written as the reader writes dates. */
export function holdingProblemText(problem: HoldingProblem, locale: string): string {
  const date = problem.params?.date;
  if (typeof date !== 'string') return problemText(problem);
  return problemText({ ...problem, params: { ...problem.params, date: formatDate(date, locale) } });
}

/** The pair ("HKD→EUR") when the problem is a missing exchange rate, else null. */
export function missingRatePair(problem: HoldingProblem): string | null {
  if (problem.key !== 'errors:holding.noRate' && problem.key !== 'errors:holding.noRateFor') return null;
  const from = problem.params?.from;
  const to = problem.params?.to;
  return typeof from === 'string' && typeof to === 'string' ? `${from}→${to}` : null;
}
