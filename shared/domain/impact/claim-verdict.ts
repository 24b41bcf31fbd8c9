/**
 * Checks a move an article claims ("in der Spitze um 4,8 %") against the prices.
 *
 * Rule, so that the table can explain itself:
 * - The claim is a signed fraction c: percent / 100, negative for direction 'down'.
 * - 'up-to' describes the intraday extreme, so it is compared with the session's
 *   high (or low for a fall) against the previous close: high / baseClose − 1.
 *   Without a high only the close is known; since the peak is at least the close,
 *   a smaller close cannot contradict the claim, only a larger one can.
 * - Every other qualifier is compared with the close-to-close return.
 * - Articles round and quote different moments, so a tolerance of
 *   max(0.5 percentage points, 10 % of the claim) is allowed either way.
 * - 'more-than' can only be overstated, 'less-than' only understated.
 * A verdict says whether the data contradicts the claim, not that it proves it.
 */

export type ClaimQualifier = 'up-to' | 'about' | 'more-than' | 'less-than' | 'exactly';
export type ClaimDirection = 'up' | 'down';

export interface ClaimedMove {
  /** In percent as written: 4.8 for "4,8 %". */
  percent: number;
  qualifier: ClaimQualifier | null;
  direction: ClaimDirection | null;
}

export type ClaimVerdict = 'consistent' | 'overstated' | 'understated' | 'n/a';
export type ClaimBasis = 'intraday-high' | 'intraday-low' | 'close';

/** One session's move against the close before it, as fractions. */
export interface SessionMove {
  closeReturn: number | null;
  highReturn: number | null;
  lowReturn: number | null;
}

export interface ClaimCheck {
  verdict: ClaimVerdict;
  /** The measured fraction the claim was compared with. */
  measured: number | null;
  basis: ClaimBasis | null;
}

export const CLAIM_TOLERANCE = { absolute: 0.005, relative: 0.1 } as const;

export function checkClaim(claim: ClaimedMove | null | undefined, move: SessionMove): ClaimCheck {
  if (!claim || !Number.isFinite(claim.percent)) return { verdict: 'n/a', measured: null, basis: null };

  const sign = claim.direction === 'down' ? -1 : claim.direction === 'up' ? 1 : claim.percent < 0 ? -1 : 1;
  const claimed = Math.abs(claim.percent) / 100;
  const tolerance = Math.max(CLAIM_TOLERANCE.absolute, CLAIM_TOLERANCE.relative * claimed);

  let measured = move.closeReturn;
  let basis: ClaimBasis = 'close';
  const extreme = sign > 0 ? move.highReturn : move.lowReturn;
  if (claim.qualifier === 'up-to' && extreme !== null) {
    measured = extreme;
    basis = sign > 0 ? 'intraday-high' : 'intraday-low';
  }
  if (measured === null) return { verdict: 'n/a', measured: null, basis: null };

  // The move in the claimed direction: a fall measured against a claimed rise is negative.
  const along = measured * sign;
  const tooSmall = along < claimed - tolerance;
  const tooLarge = along > claimed + tolerance;
  const closeOnlyPeak = claim.qualifier === 'up-to' && basis === 'close';

  let verdict: ClaimVerdict = 'consistent';
  if (claim.qualifier === 'more-than') verdict = tooSmall ? 'overstated' : 'consistent';
  else if (claim.qualifier === 'less-than' || closeOnlyPeak) verdict = tooLarge ? 'understated' : 'consistent';
  else if (tooSmall) verdict = 'overstated';
  else if (tooLarge) verdict = 'understated';
  return { verdict, measured, basis };
}
